"""Read when something happened from a resident's words ("yesterday 3pm", "hace 2 horas")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.conversation.fold import fold, word_pattern

_CLOCK = re.compile(
    r"(?<![\d/.-])(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|am|pm|hrs|h)?(?![\d/])"
)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?(?!\d)")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "uno": 1, "two": 2, "dos": 2,
                 "three": 3, "tres": 3, "few": 3, "couple": 2, "unos": 3, "unas": 3}
_AGO_EN = re.compile(r"(\d+|a|an|one|two|three|few|couple)\s+(?:of\s+)?([a-z]+)\s+ago")
_AGO_ES = re.compile(r"hace\s+(\d+|un|una|uno|dos|tres|unos|unas)\s+([a-z]+)")
_UNIT_SECONDS = {"minutes": 60, "hours": 3600, "days": 86400, "weeks": 604800}
_FUTURE_SLACK = timedelta(minutes=15)


@dataclass(frozen=True)
class WhenVocab:
    """Compiled words from the system vocabulary, built once."""

    now: re.Pattern
    today: re.Pattern
    yesterday: re.Pattern
    day_before: re.Pattern
    units: dict[str, str]  # folded word -> unit
    weekdays: dict[str, int]  # folded weekday name -> 0..6
    day_parts: list[tuple[re.Pattern, int]]
    day_first: dict[str, bool]

    @classmethod
    def build(cls, dates: dict, day_parts: dict) -> WhenVocab:
        def pattern(key):
            return word_pattern([w for words in dates[key].values() for w in words])

        units = {
            fold(w): unit
            for unit, by_lang in dates["units"].items()
            for words in by_lang.values()
            for w in words
        }
        weekdays = {
            fold(name): index
            for names in dates["weekdays"].values()
            for index, name in enumerate(names)
        }
        parts = [
            (word_pattern([w for ws in p["words"].values() for w in ws]), int(p["hour"]))
            for p in day_parts.values()
        ]
        day_first = {lang: order == "day_first" for lang, order in dates["order"].items()}
        return cls(pattern("now"), pattern("today"), pattern("yesterday"), pattern("day_before"),
                   units, weekdays, parts, day_first)


@dataclass(frozen=True)
class When:
    at: datetime
    exact_time: bool


def parse_when(text: str, now: datetime, vocab: WhenVocab, lang: str = "en") -> When | None:
    """When the resident means, relative to now (aware, city time), or None if unreadable."""
    folded = fold(text)
    if not folded:
        return None
    if vocab.now.search(folded) and not _CLOCK.search(folded):
        return When(now, True)
    ago = _ago(folded, vocab)
    if ago is not None:
        return When(now - ago, True)
    day = _day(folded, now.date(), vocab, lang)
    clock = _clock(folded)
    if day is None and clock is None:
        part_hour = _day_part(folded, vocab)
        if part_hour is None:
            return None
        day = now.date()
        clock = time(part_hour)
    if day is None:
        day = now.date()
    exact = clock is not None
    if clock is None:
        hour = _day_part(folded, vocab)
        clock = time(hour if hour is not None else 12)
    at = datetime.combine(day, clock, tzinfo=now.tzinfo)
    return When(at, exact)


def is_future(when: When, now: datetime) -> bool:
    return when.at > now + _FUTURE_SLACK


def _ago(folded: str, vocab: WhenVocab) -> timedelta | None:
    for pattern in (_AGO_EN, _AGO_ES):
        m = pattern.search(folded)
        if m:
            unit = vocab.units.get(m.group(2))
            if unit:
                count = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1)]
                return timedelta(seconds=count * _UNIT_SECONDS[unit])
    return None


def _day(folded: str, today: date, vocab: WhenVocab, lang: str) -> date | None:
    if vocab.day_before.search(folded):
        return today - timedelta(days=2)
    if vocab.yesterday.search(folded):
        return today - timedelta(days=1)
    if vocab.today.search(folded):
        return today
    m = _NUMERIC_DATE.search(folded)
    if m:
        return _numeric_date(m, today, vocab.day_first.get(lang, False))
    for word in folded.split():
        if word in vocab.weekdays:
            back = (today.weekday() - vocab.weekdays[word]) % 7 or 7
            return today - timedelta(days=back)
    return None


def _numeric_date(m: re.Match, today: date, day_first: bool) -> date | None:
    a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
    month, day = (b, a) if day_first else (a, b)
    if month > 12 and day <= 12:
        month, day = day, month
    y = today.year if year is None else int(year) + (2000 if len(year) == 2 else 0)
    try:
        found = date(y, month, day)
    except ValueError:
        return None
    if year is None and found > today:
        found = found.replace(year=y - 1)
    return found


def _clock(folded: str) -> time | None:
    if "noon" in folded or "mediodia" in folded:
        return time(12)
    if "midnight" in folded or "medianoche" in folded:
        return time(0)
    stripped = _NUMERIC_DATE.sub(" ", folded)
    for m in _CLOCK.finditer(stripped):
        hour, minute, suffix = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "")
        if not suffix and m.group(2) is None:
            continue  # a bare number is not a time ("2 bikes")
        if minute > 59 or hour > 23:
            continue
        if suffix.startswith("p") and hour < 12:
            hour += 12
        elif suffix.startswith("a") and hour == 12:
            hour = 0
        return time(hour, minute)
    return None


def _day_part(folded: str, vocab: WhenVocab) -> int | None:
    for pattern, hour in vocab.day_parts:
        if pattern is not None and pattern.search(folded):
            return hour
    return None
