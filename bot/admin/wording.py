"""The wording form: every text of a flow (or agency name of the routing table) per language,
edited without touching YAML. Changes are written into the YAML text in place, so comments,
order and layout stay exactly as they were.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import yaml

from bot.conversation.yaml_text import TextLoader


@dataclass(frozen=True)
class Text:
    """One text in one language: the form field `key` edits it."""

    key: str  # "steps/where/prompt/en"
    group: str  # what residents see it as: "where: question"
    lang: str
    value: str


def _text_nodes(root: yaml.Node, kind: str) -> list[tuple[tuple, str, yaml.MappingNode]]:
    """(path, group label, mapping node of language -> text) for every text in the document."""
    found = []
    top = _mapping(root)
    if kind == "routing":
        for key, agency in _mapping(top.get("agencies")).items():
            name = _mapping(agency).get("name")
            if isinstance(name, yaml.MappingNode):
                found.append((("agencies", key, "name"), f"agency {key}: name", name))
        return found
    if isinstance(top.get("title"), yaml.MappingNode):
        found.append((("title",), "flow title", top["title"]))
    for step, body in _mapping(top.get("steps")).items():
        fields = _mapping(body)
        for key, label in (("prompt", "question"), ("footer", "footer")):
            if isinstance(fields.get(key), yaml.MappingNode):
                found.append((("steps", step, key), f"{step}: {label}", fields[key]))
        choices = fields.get("choices")
        for i, choice in enumerate(choices.value if isinstance(choices, yaml.SequenceNode)
                                   else []):
            entry = _mapping(choice)
            value = entry.get("value")
            if isinstance(entry.get("label"), yaml.MappingNode):
                name = value.value if isinstance(value, yaml.ScalarNode) else str(i + 1)
                found.append((("steps", step, "choices", str(i), "label"),
                              f"{step}: choice {name}", entry["label"]))
    return found


def _mapping(node) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _compose(source: str) -> yaml.Node | None:
    try:
        return yaml.compose(source, Loader=TextLoader)
    except yaml.YAMLError:
        return None


def texts(source: str, kind: str, languages: list[str]) -> list[Text] | None:
    """Every text in every language (empty where missing); None when the YAML is unreadable."""
    root = _compose(source)
    if root is None:
        return None
    out = []
    for path, group, node in _text_nodes(root, kind):
        present = {k: v.value for k, v in _mapping(node).items() if isinstance(v, yaml.ScalarNode)}
        for lang in languages:
            out.append(Text("/".join((*path, lang)), group, lang, present.get(lang, "")))
    return out


def apply(source: str, kind: str, languages: list[str], changes: dict[str, str]) -> str:
    """source with the texts in changes (key -> new text) replaced or added in place.

    An empty new text leaves the text as it is; keys that name no text are ignored.
    """
    root = _compose(source)
    if root is None:
        raise ValueError("the YAML cannot be read: fix it in the YAML editor first")
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in source
    for path, _, node in _text_nodes(root, kind):
        present = _mapping(node)
        for lang in languages:
            new = changes.get("/".join((*path, lang)), "").replace("\r\n", "\n").strip()
            old = present.get(lang)
            if not new or (isinstance(old, yaml.ScalarNode) and old.value == new):
                continue
            if old is not None:
                edits.append((old.start_mark.index, old.end_mark.index, _quote(new)))
            else:
                edits.append(_insertion(node, source, lang, new))
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    return source


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one)."""
    return json.dumps(text, ensure_ascii=False)


def _insertion(node: yaml.MappingNode, source: str, lang: str, text: str) -> tuple[int, int, str]:
    """Where and what to insert to add lang: text to a mapping, in its own style."""
    if node.flow_style:  # {en: ..., es: ...}: before the closing brace
        at = source.rindex("}", node.start_mark.index, node.end_mark.index)
        return at, at, f", {lang}: {_quote(text)}"
    first_key, _ = node.value[0]
    _, last_value = node.value[-1]
    indent = " " * first_key.start_mark.column
    at = last_value.end_mark.index
    if source[at - 1:at] == "\n":  # a block scalar ends at the start of the next line
        return at, at, f"{indent}{lang}: {_quote(text)}\n"
    return at, at, f"\n{indent}{lang}: {_quote(text)}"
