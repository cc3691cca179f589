"""YAML for data written by people: only true/false are booleans (as in YAML 1.2).

PyYAML follows YAML 1.1, where a bare yes, no, on or off turns into a boolean; in a list
of words a resident may type, that silently breaks the bot.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class TextLoader(yaml.SafeLoader):
    pass


TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
TextLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load(text: str) -> Any:
    return yaml.load(text, Loader=TextLoader)  # noqa: S506 - a SafeLoader subclass
