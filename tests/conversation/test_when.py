"""Residents say when in their own words; the bot keeps a real time for staff."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.config import ROOT
from bot.conversation.texts import SystemTexts
from bot.conversation.when import is_future, parse_when

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 11, 25, 16, 30, tzinfo=CHICAGO)  # a Wednesday


@pytest.fixture(scope="module")
def vocab():
    return SystemTexts.load(ROOT / "flows" / "system.yaml").when


@pytest.mark.parametrize("said, expected", [
    ("now", datetime(2026, 11, 25, 16, 30)),
    ("yesterday 3pm", datetime(2026, 11, 24, 15, 0)),
    ("Yesterday at 3:45 PM", datetime(2026, 11, 24, 15, 45)),
    ("last night", datetime(2026, 11, 24, 22, 0)),
    ("this morning", datetime(2026, 11, 25, 9, 0)),
    ("2 hours ago", datetime(2026, 11, 25, 14, 30)),
    ("an hour ago", datetime(2026, 11, 25, 15, 30)),
    ("3 days ago", datetime(2026, 11, 22, 16, 30)),
    ("11/20", datetime(2026, 11, 20, 12, 0)),
    ("11/20 at 9am", datetime(2026, 11, 20, 9, 0)),
    ("12/24", datetime(2025, 12, 24, 12, 0)),  # no year and not yet this year: last year's
    ("monday", datetime(2026, 11, 23, 12, 0)),
    ("today at noon", datetime(2026, 11, 25, 12, 0)),
])
def test_english_times(vocab, said, expected):
    when = parse_when(said, NOW, vocab, "en")
    assert when is not None, said
    assert when.at.replace(tzinfo=None) == expected


@pytest.mark.parametrize("said, expected", [
    ("ayer 3pm", datetime(2026, 11, 24, 15, 0)),
    ("anoche", datetime(2026, 11, 24, 22, 0)),
    ("hace 2 horas", datetime(2026, 11, 25, 14, 30)),
    ("20/11", datetime(2026, 11, 20, 12, 0)),  # day first in Spanish
    ("ahora", datetime(2026, 11, 25, 16, 30)),
])
def test_spanish_times(vocab, said, expected):
    when = parse_when(said, NOW, vocab, "es")
    assert when is not None, said
    assert when.at.replace(tzinfo=None) == expected


@pytest.mark.parametrize("said", ["", "blue", "2 bikes", "13/45", "no idea"])
def test_words_that_are_not_a_time(vocab, said):
    assert parse_when(said, NOW, vocab, "en") is None


def test_later_today_is_in_the_future(vocab):
    assert is_future(parse_when("today 11pm", NOW, vocab, "en"), NOW)
    assert not is_future(parse_when("today 1pm", NOW, vocab, "en"), NOW)
