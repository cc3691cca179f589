"""The trigger shortcut (a cue none of whose required words is in a message is skipped)
must never change a verdict: it only saves time."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from bot.safety import assess
from bot.safety.assessment import _leftmost_spans, _mask_exclusions
from bot.safety.cues import Gate, _required_text, _union

from .conftest import DEV_FILE, HELDOUT


def _texts() -> list[str]:
    texts = []
    for path in (HELDOUT, DEV_FILE):
        if path.is_file():
            texts += [json.loads(line)["text"]
                      for line in path.read_text(encoding="utf-8").splitlines() if line]
    return texts


@pytest.mark.parametrize(("pattern", "samples"), [
    ("knife", ["knife"]),
    ("(?:pulled|waving) a (?:gun|knife)", ["pulled a gun", "waving a knife"]),
    ("(?:a |the )?fire (?:in|at)", ["fire in", "the fire at"]),
    ("(?:\\S+ ){0,3}(?:dead|dying)", ["dead", "he is dying"]),
    ("\\w+ing", ["stabbing"]),
])
def test_every_match_of_a_pattern_contains_one_of_its_triggers(pattern, samples):
    triggers = _required_text(pattern)
    assert triggers
    assert all(len(t.strip()) >= 3 for t in triggers)
    for sample in samples:
        assert re.fullmatch(pattern, sample)
        assert any(t in sample for t in triggers)


@pytest.mark.parametrize("pattern", ["(?:x|fire)", "\\S+ \\S+", "a (?:b|c)"])
def test_a_pattern_without_telling_text_has_no_triggers(pattern):
    assert _required_text(pattern) is None


def test_every_match_contains_one_of_its_cues_triggers(cues):
    for text in _texts():
        searchable = _mask_exclusions(cues.normalizer(text), cues)
        for cue in cues.cues:
            if cue.triggers is None:
                continue
            for match in cue.regex.finditer(searchable):
                assert any(t in match.group() for t in cue.triggers), (cue.id, match.group())


def test_verdicts_are_the_same_with_and_without_the_shortcut(cues):
    plain = dataclasses.replace(
        cues, cues=tuple(dataclasses.replace(c, triggers=None) for c in cues.cues),
        cue_gate=None)
    for text in _texts():
        assert assess(text, cues=cues) == assess(text, cues=plain), text


def test_every_cue_that_matches_is_among_the_candidates(cues):
    for text in _texts():
        searchable = _mask_exclusions(cues.normalizer(text), cues)
        candidates = {cue.id for cue in cues.candidates(searchable)}
        matching = {cue.id for cue in cues.cues if cue.regex.search(searchable)}
        assert matching <= candidates, (text, matching - candidates)


def test_exclusions_blank_the_same_text_with_and_without_the_shortcut(cues):
    ungated = dataclasses.replace(cues, exclusion_gate=None)
    samples = [*_texts(), "the fire hydrant was blocked", "dead battery, no one hurt",
               "tab sis hluav taws kub", "mi carro, el extintor de incendios"]
    for text in samples:
        normalized = cues.normalizer(text)
        assert _mask_exclusions(normalized, cues) == _mask_exclusions(normalized, ungated), text


def test_a_trigger_inside_a_longer_one_still_lets_its_items_in():
    # at each position the gate reports only the longest trigger starting there
    gate = Gate.over([frozenset({"fire"}), frozenset({"firearm"}), None,
                      frozenset({"arm", "gun"}), frozenset({"knife"})])
    assert gate.open("he has a firearm") == [0, 1, 2, 3]
    assert gate.open("a fire") == [0, 2]
    assert gate.open("nothing here") == [2]


@pytest.mark.parametrize("text", [
    "the fire hydrant by the fire station",
    "fire station fire hydrant fire",
    "dead battery dead battery again",
    "no fire here",
    "hydrants",
])
def test_exclusions_tried_one_by_one_blank_what_one_regex_of_them_would(text):
    # overlapping exclusions: at a place where several match, the first listed wins, and
    # matching resumes where it ended, exactly as one alternation of them all does
    patterns = ["fire", "fire hydrant", "hydrant by the fire", "dead battery( again)?",
                "station fire"]
    compiled = [_union([p]) for p in patterns]
    expected = [m.span() for m in _union(patterns).finditer(text)]
    assert _leftmost_spans(compiled, text) == expected
