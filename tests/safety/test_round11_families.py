"""Crisis cues loosened after the blind sets r25-r28 and r31-r34 (written in session 4 and
since used as training data): the same wishes with a filler word in the way or said the
way a second-language writer would.

Crisis: "don't really / even want to be alive"; "I won't be alive by Friday" (no second cue
needed: a date for one's own death); hoping a bus "just" hits me; thinking about stepping
in front of a train; "finish my life".

Look-alikes kept none: not wanting to live in a neighbourhood, near a bar or by the
highway; a battery or a plant that will not be alive by morning; a scam that took someone's
life savings; cancelling a life insurance policy; walking to the store.
"""

from __future__ import annotations

import pytest

from bot.safety import CRISIS, NONE, assess


@pytest.mark.parametrize(("text", "expected"), [
    ("honestly i dont even want to be alive anymore", CRISIS),
    ("i dont really wanna live, everything is just heavy", CRISIS),
    ("i dont want to live in this world anymore", CRISIS),
    ("my sister doesnt actually want to be alive she told me last night", CRISIS),
    ("i wont be alive by next week so the report doesnt matter", CRISIS),
    ("he texted that he will not be alive by friday", CRISIS),
    ("kinda hoping a bus just hits me on the walk home", CRISIS),
    ("been thinking about stepping in front of a train after work", CRISIS),
    ("tonight i want to finish my life, i am very tired", CRISIS),
    ("i dont really want to live in this neighborhood anymore after the break ins", NONE),
    ("we dont want to live near that bar with all the car windows smashed", NONE),
    ("my wife doesnt want to live by the highway, too many stolen cars", NONE),
    ("the car battery wont be alive by morning if the lights stay on", NONE),
    ("the scammer took my life savings through a fake parking app", NONE),
    ("i need to stop my life insurance autopay, my card was stolen", NONE),
    ("i was thinking about walking to the store when my bike got taken", NONE),
])
def test_crisis_said_with_a_filler_word_or_plainly(text, expected):
    assert assess(text).level == expected
