"""Cue fixes after the blind training sets of session 16 (r208, r210, r212, r214, each read
on arrival) and the older ones. The sentences here are our own.

First batch: someone who fell or slipped into the water, off a pier or between a boat and
the dock is an emergency; so is someone stuck in a car in flood water, even "fine for now";
a hose or a tube from a tailpipe is a crisis whatever it is called; "I want to tell someone
before I do it" is a crisis. Not danger: a chest pain that "turned out to be heartburn", a
bus shelter or a sign hit by a car, a textbook's gunshot-wounds chapter, a podcast about a
poisoning, words printed on a stolen keychain. "Between the boat and the dock" is a place,
not a time: only a span of time ("between 2 and 4") dates a story.

Second batch: people on the roof of a car or a boat in flood water or a river are a rescue,
911 first; someone on the roof of a building stays a crisis when the words say so.

Third batch, look-alikes: "lmao I'm dying" (a laugh before it), a train, a phone or a lawn
"dying"; a death told as past ("passed away in a crash over break"); a car "still in our
lot" is parked, not an intruder still here.

Fourth batch: "I'm not moving anywhere" is staying put, not a body that does not move, so
the crisis signs beside it are read as a crisis.

Fifth batch: a hiker or a child stuck on a ledge or a cliff is a rescue, 911 first (someone
on a ledge to jump stays a crisis); "shooter games" are games; "the guy in the apartment
above me" is a neighbour at home, not an intruder inside.

Sixth batch: a chest that hurts with a numb arm or jaw is a heart attack's sign, 911 first,
even told as "probably just stress" at the end of a report; people, the FBI or the devil "in
the walls" is psychosis, a crisis.

Seventh batch: opioids, a patch or pills and then barely able to keep the eyes open is an
overdose in the making, even by mistake.
"""

import pytest

from bot.safety import CRISIS, EMERGENCY, NONE, assess

FIRST_BATCH = [
    ("a woman just slipped off the pier into the harbor and she cant swim", EMERGENCY),
    ("my little brother fell through the ice on the pond behind the school", EMERGENCY),
    ("somebody fell between the boat and the dock as it pulled in", EMERGENCY),
    ("we're trapped in our van, the creek rose and water is coming through the doors, "
     "we're ok for now", EMERGENCY),
    ("there's a man in the red sedan in lot C with a tube running from his tailpipe into "
     "the back window", CRISIS),
    ("i just wanted to tell somebody before i do it. thanks for everything", CRISIS),
    ("someone smashed my car window between 1 and 3 am, glass all over the seat", NONE),
]

# the cues' part, where the learned backstop may still escalate (it reads the raw text)
CUES_ALONE = [
    ("mom is fine, the chest pain turned out to be heartburn and the clinic sent her home. "
     "i still need to report the scratched door", NONE),
    ("the fence got knocked down by a truck backing up, no injuries", NONE),
    ("the bus shelter by the library was hit by a car this morning, glass everywhere", NONE),
    ("my nursing books got stolen, including the gunshot wounds chapter notes", NONE),
    ("was listening to a podcast about a chef who poisoned his guests and someone took my "
     "bag off the seat", NONE),
    ("a hoodie that says i'd rather die than run a mile lol, grey, size M", NONE),
    ("lmao im dying. somebody put a shopping cart on top of the bus stop sign", NONE),
    ("the bus is dying again, driver made us all get off at 9th and someone took my bag", NONE),
    ("my uncle passed away in a car crash last spring and his truck is still in our "
     "driveway, can it get a ticket", NONE),
    ("lmao im dying but also someone is stabbing a guy outside the bar right now", EMERGENCY),
    ("gave my dog to my brother and sold my truck, im not moving anywhere, just wanted "
     "someone to know before tonight", CRISIS),
    ("there's a man in the house next door who keeps parking in my driveway", NONE),
    ("my roommate plays shooter games till 4am, can i report a noise complaint", NONE),
    ("a man is in the apartment next to mine with a gun, the door was kicked in", EMERGENCY),
    # the new cues fire by themselves
    ("doubled up on my oxy by accident and now i can barely keep my eyes open", EMERGENCY),
    ("took my allergy pills and im so sleepy, can barely keep my eyes open lol, anyway my "
     "bike was stolen yesterday", NONE),
    ("also unrelated but my chest keeps squeezing since lunch and my jaw is tingling, "
     "prob nothing", EMERGENCY),
    ("grandma says the government is in the walls and wont eat anything we bring her",
     CRISIS),
    ("the mice in the walls chewed through the wiring in my garage", NONE),
    ("a woman just slipped off the pier into the harbor and she cant swim", EMERGENCY),
    ("somebody fell between the boat and the dock as it pulled in", EMERGENCY),
    ("i just wanted to tell somebody before i do it. thanks for everything", CRISIS),
    ("we climbed onto the roof of our truck, the river is over the hood now", EMERGENCY),
    # the look-alike is masked, the danger beside it still counts
    ("the stop sign got knocked over by a truck and the driver is bleeding on the road",
     EMERGENCY),
    ("my son slipped off the dock last summer and got a bad scrape, anyway the boat ramp "
     "light is out", NONE),
]


SECOND_BATCH = [
    ("two kids are stranded on a ledge halfway down the quarry cliff and cant get back up",
     EMERGENCY),
    ("my girlfriend is on the ledge of the parking deck saying she wants to jump", CRISIS),
    ("the road by the mill is flooded and a minivan stalled in it, the family is up on the "
     "roof", EMERGENCY),
    ("fishing boat ran aground past the breakwater, two guys sitting on top of the cabin "
     "roof", EMERGENCY),
    ("we climbed onto the roof of our truck, the river is over the hood now", EMERGENCY),
    ("my cousin is on the roof of his apartment building by the river saying he is going to "
     "jump", CRISIS),
    ("the flood last spring wrecked my car, i found the roof rack in the creek", NONE),
]


@pytest.mark.parametrize(("text", "expected"), [*FIRST_BATCH, *SECOND_BATCH])
def test_each_message_gets_the_level_its_family_needs(text, expected):
    assert assess(text).level == expected


@pytest.mark.parametrize(("text", "expected"), CUES_ALONE)
def test_the_cues_alone_keep_the_look_alike_and_the_danger_beside_it(cues_alone, text, expected):
    assert assess(text, cues=cues_alone).level == expected
