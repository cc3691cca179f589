"""The normalized text the cues are matched against."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("raw", "normal"), [
    ("He's got a KNIFE!!", "hes got a knife !"),
    ("Está entrando AHORA", "esta entrando ahora"),
    ("k n i f e", "knife"),
    ("has a k n i f e", "has a knife"),
    ("g.u.n", "gun"),
    ("kn1fe", "knife"),
    ("$uicide", "suicide"),
    ("k!ll", "kill"),
    ("hellllp", "help"),
    ("bloooood", "blood"),
    ("theyre stealin my bike", "theyre stealing my bike"),
    ("unconcious", "unconscious"),
    ("lady w/ a crowbar rn", "lady with a crowbar right now"),
    ("ppl hurt pls hurry", "people hurt please hurry"),
    ("meet at 35th st at 6am", "meet at 35th st at 6am"),
    ("call 9-1-1", "call 911"),
    ("line one\nline two", "line one . line two"),
    ("theresaguywithaknifeonmyporch", "theres a guy with a knife on my porch"),
    ("please help iwanttokillmyself", "please help i want to kill myself"),
])
def test_messages_are_normalized(cues, raw, normal):
    assert cues.normalizer(raw) == normal


def test_a_real_word_that_looks_like_a_slip_is_left_alone(cues):
    assert cues.normalizer("the car was braking hard") == "the car was braking hard"


@pytest.mark.parametrize("word", ["backfiring", "firefighters", "warehouse", "responsibilities"])
def test_long_words_are_not_split_into_pieces(cues, word):
    # only a run that reads as three or more known words is taken apart
    assert cues.normalizer(f"the {word} again") == f"the {word} again"


@pytest.mark.parametrize(("text", "level"), [
    ("somebodysbreakingintomygaragerightnow", "emergency"),
    ("idontwanttoliveanymore", "crisis"),
    ("someonestolemybikefromthegaragelastweek", "none"),
])
def test_words_typed_without_spaces_are_still_checked(cues, text, level):
    from bot.safety import assess
    assert assess(text, cues=cues).level == level


def test_a_run_longer_than_two_messages_is_kept_whole(cues):
    # splitting costs time in proportion to the run; beyond 320 letters it is not tried
    run = "someoneisbreakingin" * 20
    assert cues.normalizer(run) == run
    assert cues.normalizer(run[:304]).startswith("someone is breaking in")
