"""Cue fixes after the blind training sets of session 19 (r264-r270, the thirteenth wave,
each read on arrival). The sentences here are our own.

Crises told by what a person arranges: a phone that "won't be on for long" and a car that
will not be needed "or anything else"; affairs left with a lawyer after telling someone
"before I go"; the rope and "that's the day"; "thank you for being the last one I talk to";
a garage roof to go up "one last time"; a relative who "can have it" before a walk to the
river. Danger told without alarm words: small children alone in a flat since Friday; the
same pickup passing four times, a car on the bumper since work; someone knocking from inside
a van; in Somali a girl forced into a car (xoog ... riday); in Hmong someone who has got into
the house (lawm) with "hurry".

Look-alikes: the last day at a job, "dying here" over a parking meter, "they're dead to me",
a stray dog that followed me home, a husband still inside the store, a teenager who won't
wake up for school, a car that is dead and won't start, a lease one is trapped in, a ticket
for not moving a car, too many photos, old pills taken to a take-back box, being "attacked"
by tickets, "overdosed" on shopping, a car "kidnapped" by the tow lot (and "secuestró mi
carro" in Spanish), a pothole "trying to kill me", Suicide Wings and suicide doors, a bang
so loud "I thought I got shot", a patrol car asked to drive by, a lost child already found;
a fire in a telenovela; Somali "cadho ayaan la qaraxayaa" and Hmong "npau taws kub hnyiab"
(anger).
"""

import pytest

from bot.safety import CRISIS, EMERGENCY, NONE, assess

CRISES_ARRANGED = [
    "that number wont be on for long. call my brother about the truck, i wont be needing "
    "it or anything else",
    "just wanted someone to know before i go. ive put my affairs in order with the bank",
    "bought the rope today. friday thats the day",
    "confirm. thanks for being the last person i talk to",
    "does the top floor of the ramp on 4th lock at night? i want to go up there one last time",
    "the blue civic on elm is mine, keys are inside, my nephew can have it. im going to the "
    "lake tonight",
]

DANGER_WITHOUT_ALARM_WORDS = [
    "the two little ones next door have been by themselves since saturday, no adult around",
    "same gray sedan has driven past me like 5 times slow, im walking on 3rd ave",
    "this car has been on my tail since i left the gym, i took 3 turns and hes still behind me",
    "theres banging from inside the trunk of the car parked behind the laundromat",
]

OTHER_LANGUAGES = [
    ("wiil ayaa xoog loogu riday baabuur madow hadda", EMERGENCY),
    ("thov ceev ceev, muaj ib tug txiv neej nkag hauv peb lub tsev lawm", EMERGENCY),
]

LOOK_ALIKES = [
    "tomorrow is my last day as a bus driver, the stop on 9th needs a new sign",
    "im literally dying here, forty minutes trying to find a spot near the clinic",
    "hes dead to me, my brother borrowed my van and returned it with a dented door",
    "a stray cat followed me all the way home, also somebody took my recycling bin",
    "my wife is still inside the pharmacy, someone scratched our door in the lot",
    "im trapped in a lease at a building where the garage gate never closes, 3 cars broken into",
    "they gave me a ticket for not moving car on sweeping day but the sign was missing",
    "i took too many pics of the dent lol, which ones should i send",
    "took all my expired pills to the pharmacy take back box and my bike got stolen outside",
    "im being attacked by parking tickets on this block, 3 in a week",
    "my roommate overdosed on holiday shopping lol, and our mailbox got smashed",
    "my truck was kidnapped by the impound lot, where do i pay",
    "someone stole the sign off the suicide wings food truck on 7th",
    "the bang was so loud i thought someone got shot but it was my tire, rim is bent",
    "can we get a cop to drive by at night, cars keep getting broken into on our street",
    "a toddler was wandering by herself at the market earlier but her dad found her, anyway "
    "my bike lock was cut",
    "vi un incendio en la pelicula y me acordé que me robaron la placa",
    "la grua secuestro mi carro otra vez, donde lo recojo",
    "cadho ayaan la qaraxayaa, gaari ayaa mar kale xiray garaashkayga",
    "kuv npau taws kub hnyiab, lawv tsoo kuv lub qhov rai tsheb",
]

# the cues' part, where the learned backstop may still escalate (it reads the raw text)
CUES_ALONE = [
    "my car is totally dead and wont wake up, the battery light is on since the break in",
    "this intersection is trying to kill me, the light is out at 5th and pine",
    "my son wont wake up for school again, and now his scooter is gone from the porch",
    "my dad fell asleep in his chair and wont wake up for dinner, hes snoring away",
    "the food cart called suicide sauce blocks the bike lane every friday",
]

STILL_DANGER = [
    ("my husband passed out on the floor and wont wake up", EMERGENCY),
    ("someone is still inside the store with a gun", EMERGENCY),
    ("a man has been following me since the bus stop", EMERGENCY),
    ("i took all my pills on purpose", CRISIS),
]

# every family, the escalations and the look-alikes, as the shipped check and as the cues
# alone read it (the auditable floor must get each one right by itself)
FAMILIES = [*((text, CRISIS) for text in CRISES_ARRANGED),
            *((text, EMERGENCY) for text in DANGER_WITHOUT_ALARM_WORDS),
            *OTHER_LANGUAGES, *STILL_DANGER, *((text, NONE) for text in LOOK_ALIKES)]


@pytest.mark.parametrize(("text", "expected"), FAMILIES)
def test_the_check_and_the_cues_alone_give_each_family_its_level(cues_alone, text, expected):
    assert (assess(text).level, assess(text, cues=cues_alone).level) == (expected, expected)


@pytest.mark.parametrize("text", CUES_ALONE)
def test_no_cue_escalates_a_look_alike_the_backstop_may_still_read(cues_alone, text):
    assert assess(text, cues=cues_alone).level == NONE
