"""System words and replies (flows/system.yaml): commands, yes/no, dates, shared messages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.conversation import yaml_text
from bot.conversation.fold import fold, word_pattern
from bot.conversation.sms_length import HARD_LIMIT, clip
from bot.conversation.when import WhenVocab

COMMANDS = ("help", "menu", "back", "cancel", "stop", "start", "status")
WORD_LISTS = ("yes", "no", "skip", "edit")


class TextsError(ValueError):
    """flows/system.yaml is invalid; the message names the file, the key and the reason."""


@dataclass(frozen=True)
class Command:
    name: str
    argument: str = ""


class SystemTexts:
    """Compiled once at start-up; every lookup is a dict access or one precompiled regex."""

    def __init__(self, data: dict, origin: str = "flows/system.yaml"):
        self.origin = origin
        _check(data, origin)
        self.languages: list[str] = list(data["languages"])
        self.language_names = {k: v["name"] for k, v in data["languages"].items()}
        self.default_language: str = data["default_language"]
        self.messages: dict[str, dict] = data["messages"]
        vocab = data["vocab"]
        self._commands = {
            fold(str(word)): name
            for name in COMMANDS
            for words in vocab["commands"][name].values()
            for word in words
            if fold(str(word))
        }
        self._language_words = {
            fold(str(w)): lang for lang, words in vocab["languages"].items() for w in words
        }
        self._words = {
            key: {fold(str(w)) for words in vocab[key].values() for w in words}
            for key in WORD_LISTS
        }
        status_words = [w for ws in vocab["commands"]["status"].values() for w in ws]
        self._status = re.compile(rf"^(?:{word_pattern(status_words).pattern})\s+(\S.*)$")
        self.when = WhenVocab.build(vocab["dates"], vocab["day_parts"])

    @classmethod
    def load(cls, path: Path) -> SystemTexts:
        try:
            with open(path, encoding="utf-8") as fh:
                data = yaml_text.load(fh.read())
        except (OSError, yaml.YAMLError) as exc:
            raise TextsError(f"{path}: cannot read: {exc}") from None
        return cls(data, str(path))

    def say(self, key: str, lang: str, **params) -> str:
        """Message key in lang (falling back to the default language), filled in."""
        by_lang = self.messages[key]
        text = by_lang.get(lang) or by_lang[self.default_language]
        return clip(text.format(**params) if params else text, HARD_LIMIT)

    def table(self, key: str, lang: str) -> dict:
        by_lang = self.messages[key]
        return by_lang.get(lang) or by_lang[self.default_language]

    def command(self, folded: str) -> Command | None:
        """The global command a whole message is, if any (STATUS takes a reference)."""
        name = self._commands.get(folded)
        if name:
            return Command(name)
        m = self._status.match(folded)
        if m:
            return Command("status", m.group(1))
        return None

    def language(self, folded: str) -> str | None:
        return self._language_words.get(folded)

    def is_word(self, key: str, folded: str) -> bool:
        """Whether the message is one of the words for key (yes, no, skip, edit)."""
        return folded in self._words[key]


def _check(data, origin: str) -> None:
    if not isinstance(data, dict):
        raise TextsError(f"{origin}: expected a mapping")
    for key in ("languages", "default_language", "messages", "vocab"):
        if key not in data:
            raise TextsError(f"{origin}: '{key}' is missing")
    languages = list(data["languages"])
    for key, by_lang in data["messages"].items():
        for lang in languages:
            if not isinstance(by_lang, dict) or not by_lang.get(lang):
                raise TextsError(f"{origin}: message '{key}' has no text in '{lang}'")
    vocab = data["vocab"]
    for name in COMMANDS:
        if name not in vocab.get("commands", {}):
            raise TextsError(f"{origin}: vocab.commands.{name} is missing")
    for key in (*WORD_LISTS, "languages", "dates", "day_parts"):
        if key not in vocab:
            raise TextsError(f"{origin}: vocab.{key} is missing")
