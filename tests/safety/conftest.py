"""Fixtures for the safety check: the shipped cue set and a way to load a broken copy."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from bot.safety import NONE, CueSet, assess, load_cues

ROOT = Path(__file__).resolve().parents[2]
CUE_DIR = ROOT / "config" / "safety"
BROKEN = Path(__file__).resolve().parent / "broken"
HELDOUT = Path(__file__).resolve().parent / "data" / "heldout.jsonl"
DEV_FILE = ROOT.parent / "shared" / "data" / "escalation-dev.jsonl"


@pytest.fixture(scope="session")
def cues() -> CueSet:
    return load_cues(CUE_DIR)


@pytest.fixture(scope="session")
def cues_alone(cues) -> CueSet:
    """The shipped cues without the learned backstop: what the cues decide by themselves."""
    return replace(cues, model=None)


def family_cases(levels, look_alikes=(), cues_alone=()) -> list[tuple[str, str, bool]]:
    """The rows a round of cue fixes is tested on: (text, level, cues_only). `levels` holds
    (text, level) pairs; look-alikes must stay none for the whole check, and the `cues_alone`
    ones only for the cues (the learned backstop reads the raw text and may still escalate)."""
    return [*((text, level, False) for text, level in levels),
            *((text, NONE, False) for text in look_alikes),
            *((text, NONE, True) for text in cues_alone)]


def family_test(cases: list[tuple[str, str, bool]]):
    """A round module's one test, over its family_cases(): each case gets its level, read
    by levels_read (the shipped check and the cues alone, or the cues alone)."""

    @pytest.mark.parametrize(("text", "expected", "cues_only"), cases)
    def test_each_case_gets_its_level(levels_read, text, expected, cues_only):
        assert levels_read(text, cues_only=cues_only) == {expected}

    return test_each_case_gets_its_level


@pytest.fixture(scope="session")
def levels_read(cues, cues_alone) -> Callable[..., set[str]]:
    """levels_read(text): the levels the shipped check and the cues alone give a message
    (one level when they agree). cues_only=True reads the cues alone: for a look-alike the
    learned backstop may still escalate, since it reads the raw text."""

    def read(text: str, *, cues_only: bool = False) -> set[str]:
        levels = {assess(text, cues=cues_alone).level}
        if not cues_only:
            levels.add(assess(text, cues=cues).level)
        return levels

    return read


@pytest.fixture
def cue_dir_with(tmp_path) -> Callable[[str, str], Path]:
    """A copy of the shipped cue directory with one file replaced by a broken one.

    cue_dir_with("bad_regex.yaml", "lexicons/xx.yaml") puts the broken file there.
    """

    def make(broken_name: str, target: str) -> Path:
        directory = tmp_path / "safety"
        (directory / "lexicons").mkdir(parents=True)
        shutil.copy(CUE_DIR / "settings.yaml", directory / "settings.yaml")
        shutil.copy(CUE_DIR / "lexicons" / "en.yaml", directory / "lexicons" / "en.yaml")
        shutil.copy(BROKEN / broken_name, directory / target)
        return directory

    return make
