"""Cue fixes after the nineteenth wave of blind training sets (r312-r318, session 20, each
read on arrival with batch 20). The sentences here are our own.

Crises: "I shouldn't even exist", wanting "to not be alive", "one less me", a teen who
hopes she won't wake up (no longer read as someone unconscious), asking how long it takes to
bleed out, hoping a driver runs me over, fresh cuts shown on an arm, gaming talk for ending
one's life (deleting my character, permadeath), and two signs of psychosis that add up
(screaming at nothing, a chip in his head).

Look-alikes: a burned-out car "still sitting there", a junk car dying a slow death, parking
that is "basically a hostage situation", someone who passed out and later woke up and
drove off, and the gaming words for a game.
"""

from bot.safety import CRISIS, EMERGENCY
from tests.safety.conftest import family_cases, family_test

FAMILIES = [
    ("honestly i shouldnt even exist", CRISIS),
    ("some days i just want to not be alive", CRISIS),
    ("everyone at home would be better with one less me around", CRISIS),
    ("my daughter wrote in her diary she hopes she doesnt wake up again", CRISIS),
    ("random question how long does it take to bleed out from a wrist", CRISIS),
    ("i keep walking on the highway shoulder hoping a driver runs me over", CRISIS),
    ("my little brother has new cuts up his arms and wont talk to anyone", CRISIS),
    ("done with all of it. deleting my character tonight", CRISIS),
    ("life on permadeath mode and im out of lives", CRISIS),
    ("the man upstairs is yelling at thin air and says the cia put a chip in his head",
     CRISIS),
    # beside the look-alikes, the real thing
    ("my husband passed out in the kitchen and wont wake up", EMERGENCY),
    ("the burned car on 5th is on fire again and the driver is still in it", EMERGENCY),
    ("theres like a hostage situation at the bank right now", EMERGENCY),
]

LOOK_ALIKES = [
    "the torched van is still sitting there on Pine since last month, who tows it",
    "that old truck on my corner has been dying a slow death since spring, please tow it",
    "trying to park downtown is basically a hostage situation",
    "a guy passed out on my steps last night but he woke up and walked off, he left a mess",
]

CUES_ALONE = [
    "my kid deleted my character in the game and i lost everything lol",
]

CASES = family_cases(FAMILIES, LOOK_ALIKES, CUES_ALONE)

test_each_case_gets_its_level = family_test(CASES)
