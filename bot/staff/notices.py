"""Status-change notices to residents: texts per status and language, from flows/notices.yaml."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.staff.workflow import STATUSES

PLACEHOLDERS = {"reference", "agency"}


class NoticeError(ValueError):
    """notices.yaml is invalid; the message names the file, status and reason."""


@dataclass(frozen=True)
class Notices:
    texts: dict[str, dict[str, str]]  # status -> language -> text
    default_language: str

    @classmethod
    def load(cls, path: Path) -> Notices:
        try:
            with open(path, encoding="utf-8") as fh:
                data = yaml.safe_load(fh)
        except (OSError, yaml.YAMLError) as exc:
            raise NoticeError(f"{path}: cannot read: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get("notices"), dict):
            raise NoticeError(f"{path}: needs a 'notices' mapping of status -> language -> text")
        default = data.get("default_language", "en")
        for status, by_lang in data["notices"].items():
            _check(path, status, by_lang, default)
        return cls(data["notices"], default)

    def text(self, status: str, language: str, **values: str) -> str | None:
        """The notice for status in language (else the default language), or None."""
        by_lang = self.texts.get(status) or {}
        template = by_lang.get(language) or by_lang.get(self.default_language)
        return template.format(**values) if template else None


def _check(path: Path, status: str, by_lang, default: str) -> None:
    where = f"{path}: notices.{status}"
    if status not in STATUSES:
        raise NoticeError(f"{where}: unknown status; known: {', '.join(STATUSES)}")
    if not isinstance(by_lang, dict) or not all(isinstance(t, str) for t in by_lang.values()):
        raise NoticeError(f"{where}: expected language: text")
    if any(by_lang.values()) and default not in by_lang:
        raise NoticeError(f"{where}: has no text in the default language '{default}'")
    for lang, template in by_lang.items():
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        unknown = names - PLACEHOLDERS
        if unknown:
            raise NoticeError(f"{where}.{lang}: unknown placeholder {{{sorted(unknown)[0]}}}; "
                              f"use {', '.join('{' + p + '}' for p in sorted(PLACEHOLDERS))}")
