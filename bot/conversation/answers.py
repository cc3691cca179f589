"""Read one answer to one step. Each reader returns an Answer or a Miss saying what was expected."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.conversation.address import normalize_address
from bot.conversation.compiler import CompiledFlow
from bot.conversation.flow import Step
from bot.conversation.fold import fold
from bot.conversation.texts import SystemTexts
from bot.conversation.when import When, is_future, parse_when
from bot.phone import to_e164

_NUMBER = re.compile(r"^(?:#|no\.?|number|option|opcion|numero)?\s*(\d{1,2})$")


@dataclass(frozen=True)
class Answer:
    value: Any
    branch: str | None = None  # which 'next' to take: a choice value, yes/no, or edit/submit
    display: str | None = None  # how the summary shows it
    language: str | None = None  # the language the answer was written in, when it told


@dataclass(frozen=True)
class Miss:
    message: str  # system message key
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Turn:
    """What one inbound message brings to a step."""

    text: str
    folded: str
    media_count: int
    channel: str
    sender: str | None  # E.164 for SMS
    lang: str
    now: datetime
    region: str


def read_answer(flow: CompiledFlow, step: Step, turn: Turn, texts: SystemTexts) -> Answer | Miss:
    return _READERS[step.type](flow, step, turn, texts)


def _choice(flow: CompiledFlow, step: Step, turn: Turn, texts: SystemTexts):
    count = len(step.choices)
    m = _NUMBER.match(turn.folded)
    if m and 1 <= int(m.group(1)) <= count:
        return _chosen(step, step.choices[int(m.group(1)) - 1].value, turn.lang)
    for choice in step.choices:
        if any(fold(label) == turn.folded for label in choice.label.values()):
            return _chosen(step, choice.value, turn.lang)
    hit = flow.match_keywords(step.name, turn.folded)
    if hit is not None:
        return _chosen(step, *hit)
    return Miss("expect_choice", {"count": count})


def _chosen(step: Step, value: str, lang: str) -> Answer:
    choice = next(c for c in step.choices if c.value == value)
    label = choice.label.get(lang) or next(iter(choice.label.values()))
    return Answer(value, branch=value, display=label, language=lang)


def _yesno(flow, step, turn, texts):
    if texts.is_word("yes", turn.folded):
        return Answer(True, branch="yes")
    if texts.is_word("no", turn.folded):
        return Answer(False, branch="no")
    return Miss("expect_yesno")


def _text(flow, step, turn, texts):
    text = turn.text.strip()
    if len(text) < step.min_length:
        return Miss("expect_text", {"min_length": step.min_length})
    if len(text) > step.max_length:
        return Miss("expect_text_long", {"max_length": step.max_length})
    return Answer(text, display=text if len(text) <= 80 else text[:77] + "...")


def _address(flow, step, turn, texts):
    normalized = normalize_address(turn.text)
    if normalized is None or len(turn.text) > 300 or _is_only_words(turn, texts):
        return Miss("expect_address")
    return Answer({"text": turn.text.strip(), "normalized": normalized}, display=normalized)


def _is_only_words(turn: Turn, texts: SystemTexts) -> bool:
    """An answer that is a yes/no/skip word or a time ("2 hours ago") is not a place."""
    if any(texts.is_word(key, turn.folded) for key in ("yes", "no", "skip")):
        return True
    return parse_when(turn.text, turn.now, texts.when, turn.lang) is not None and not any(
        ch.isdigit() for ch in turn.folded.split()[-1])


def _datetime(flow, step, turn, texts):
    when = parse_when(turn.text, turn.now, texts.when, turn.lang)
    if when is None:
        return Miss("expect_datetime")
    if not step.allow_future and is_future(when, turn.now):
        if when.exact_time or when.at.date() != turn.now.date():
            return Miss("expect_future")
        # "this morning" texted at 1 a.m., "today" before noon: earlier today, hour unknown
        when = When(turn.now, exact_time=False)
    shown = when.at.strftime("%b %d %I:%M %p" if when.exact_time else "%b %d")
    return Answer({"at": when.at.isoformat(), "text": turn.text.strip()[:200]}, display=shown)


def _photo(flow, step, turn, texts):
    if turn.media_count:
        return Answer(turn.media_count, display=str(turn.media_count))
    if texts.is_word("skip", turn.folded):
        return Answer(0, display="0")
    return Miss("expect_photo")


def _phone(flow, step, turn, texts):
    if texts.is_word("yes", turn.folded) and turn.channel == "sms" and turn.sender:
        return Answer(turn.sender, display=turn.sender)
    if texts.is_word("no", turn.folded):
        return Answer(None, display=None)
    number = to_e164(turn.text.strip(), turn.region)
    if number:
        return Answer(number, display=number)
    return Miss("expect_phone" if turn.channel == "sms" else "expect_phone_chat")


def _confirm(flow, step, turn, texts):
    if texts.is_word("yes", turn.folded):
        return Answer(True, branch="submit")
    if texts.is_word("edit", turn.folded):
        return Answer(None, branch="edit")
    return Miss("expect_confirm")


_READERS = {
    "choice": _choice,
    "yesno": _yesno,
    "text": _text,
    "address": _address,
    "datetime": _datetime,
    "photo": _photo,
    "phone": _phone,
    "confirm": _confirm,
}
