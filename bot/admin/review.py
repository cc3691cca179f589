"""Which languages of a flow or table are machine-drafted and await a native speaker's review.

The mark is data, in the file itself: `review: {so: machine-drafted, hmn: machine-drafted}`
(see flows/README.md). The editor shows it on every page where the texts appear.
"""

from __future__ import annotations

import re

import yaml

from bot.conversation import yaml_text

MACHINE = "machine-drafted"


def review_marks(source: str) -> dict[str, str]:
    """{language: machine-drafted | reviewed} as the source declares it ({} when unreadable)."""
    try:
        data = yaml_text.load(source)
    except yaml.YAMLError:
        return {}
    review = data.get("review") if isinstance(data, dict) else None
    if not isinstance(review, dict):
        return {}
    return {str(k): str(v) for k, v in review.items()}


def drafted(marks: dict[str, str]) -> list[str]:
    """Languages whose texts still await review."""
    return [lang for lang, state in marks.items() if state == MACHINE]


def line_languages(line: str, languages: list[str]) -> list[str]:
    """Which of languages have a text on this YAML line (`so: ...` or `{en: ..., so: ...}`)."""
    return [lang for lang in languages if re.search(rf"(?:^|[\s{{,]){lang}:\s", line)]
