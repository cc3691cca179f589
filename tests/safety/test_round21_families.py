"""Cue fixes after the fourteenth wave of blind training sets (r272-r278, session 19, each
read on arrival with batch 15). The sentences here are our own.

Danger told plainly that no cue read: a car gone through a railing into the river; a driver
who "just got out and punched" someone; in Somali a woman who fainted and is shaking
(suuxday ... gariiraysa). A crisis: "if I'm gone the problem's gone".

Look-alikes: "literally crying rn" over a scratch, a phone "at 2% and dying", "gonna shoot
me when he finds out", a rope tied to a side mirror, someone who fainted and "is fine now",
an epipen stolen from the glove box or a spare one, a seizure that "was short" or the seizure
of a car by a tow company, packages "being stolen almost daily"; in Spanish "me quieren
matar con estos precios" and someone who "va a atropellar" the children "un día"; in Somali
a fire lane that a fire engine could not reach "haddii dab dhaco" (if a fire starts).
"""

from bot.safety import CRISIS, EMERGENCY
from tests.safety.conftest import family_cases, family_test

DANGER_TOLD_PLAINLY = [
    "a pickup just slid off the boat ramp into the lake, i see someone in the cab",
    "a van just rolled down the boat launch into the river, nobody got out",
    "the guy whose car I reported just came back and punched my neighbor",
    "nin ayaa suuxday oo gariiraya albaabka dukaanka",
]

FAMILIES = [*((text, EMERGENCY) for text in DANGER_TOLD_PLAINLY),
            ("honestly if im gone then all the problems are solved", CRISIS),
            # beside the look-alikes, the real thing
            ("my brother had a seizure and hes not waking up", EMERGENCY),
            ("someone is stealing packages from the mailroom right now", EMERGENCY),
            ("my phone is dying but a man is breaking into my car right now", EMERGENCY),
            ("im crying because hes hitting my mom right now", EMERGENCY),
            ("i tied a rope to the beam in the garage, im done", CRISIS),
            ]

LOOK_ALIKES = [
    "the scratch on my car door is so deep im literally crying rn",
    "my phone is at 5 percent and dying so quick, the tow lot is on 9th right?",
    "my mom is gonna shoot me when she finds out i got another ticket",
    "kids tied a rope to my door handle and my mailbox as a prank, the handle is bent",
    "the man who passed out at the bus stop is fine now, medics checked him, but my bike "
    "is gone",
    "stolen: my gym bag, my keys and an epipen from the glove box. i have a spare epipen",
    "the seizure was brief and shes back to normal, anyway someone stole her wallet",
    "the seizure of my truck by the city was a mistake, i had a permit",
    "bikes are being stolen from the rack at the library every week, please add a camera",
    "nos quieren matar con estas multas, tres en una semana",
    "baabuurtu waxay xireen waddada, haddii dab dhaco ma soo geli karaan",
]

# the cues' part, where the learned backstop may still escalate (it reads the raw text)
CUES_ALONE = [
    "los carros van muy rapido por la escuela, alguien va a atropellar a un niño algun dia",
]

CASES = family_cases(FAMILIES, LOOK_ALIKES, CUES_ALONE)

test_each_case_gets_its_level = family_test(CASES)
