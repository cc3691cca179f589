"""Cue fixes after the twenty-second wave of blind training sets (r336-r342, session 21, each
read on arrival with batch 23). The sentences here are our own.

Emergencies: a shootout on a street now (the cues alone had no word for it), beside the
new look-alikes: a man getting shot down the block, being robbed right now, a house on
fire in Hmong. Crisis: a goodbye letter with the pills ready.

Look-alikes: a pothole or a corner "going to kill someone" (a hazard to fix); shot down by a
girl at a bar, a video "I shot from my balcony"; a shootout on a TV show; feeling robbed by
a tow lot; a goodbye card for a street one moves out of; a suicide-prevention banner and a
memorial garden for those lost to suicide; a scarecrow hanging by a noose in a Halloween
display; "dying here" on hold; in Spanish a father who "will kill him when he sees" the
ticket; in Somali "no blood" (dhiig ma jiro) and smoke that was a barbecue; in Hmong
fireworks (foob pob hluav taws) and smoke that was a grill.
"""

from bot.safety import CRISIS, EMERGENCY
from tests.safety.conftest import family_cases, family_test

FAMILIES = [
    ('a man outside the bar is waving a bat and yelling he will kill someone', EMERGENCY),
    ('my cousin got shot down the block, he is bleeding bad', EMERGENCY),
    ('theres a shootout on my street right now', EMERGENCY),
    ('im being robbed right now at the gas station on 4th', EMERGENCY),
    # a person at a place is no hazard: the hazard look-alike must not mask this threat
    ('the guy on the corner is going to kill someone', EMERGENCY),
    # nor does a sports shootout hide one now, or a grill a fire in Hmong
    ('we are losing people in a shootout right now', EMERGENCY),
    ('lub tsev kub hnyiab tab sis yog thaum lawv ci nqaij', EMERGENCY),
    ('lub tsev kub hnyiab lawm, pab peb', EMERGENCY),
    ('i wrote a goodbye letter to my kids and i have the pills ready', CRISIS),
]

LOOK_ALIKES = [
    'that pothole on 9th is going to kill someone, please fill it',
    'the corner by the school will hurt a kid one day, cars never stop',
    'my roommate got shot down by a girl at the bar again lol, also our mailbox got smashed',
    'i shot this video from my balcony of the van dumping trash in the alley',
    'there was a shootout on the tv show my dad was watching so i missed the tow truck',
    'honestly feels like im being robbed by this tow lot, 300 to get my car back',
    'the kids made a goodbye card for this street, we move out friday. also the sign is bent',
    'the suicide prevention walk banner on 5th street got torn down and thrown in the creek',
    'someone vandalized the memorial garden for neighbors lost to suicide, please clean it',
    'a scarecrow hanging from our porch by a noose got stolen from the halloween display',
    'im dying here, 30 mins on hold about my ticket',
    'mi papa lo va a matar cuando vea la multa jaja, le chocaron el carro estacionado',
    'dhiig ma jiro, qof ma dhaawacmin, gaari ayaa ku dhacay baabuurkeyga xalay',
    'qiiq baan arkay laakiin waxay ahayd hilib dubis deriska, baaskiilkayga ayaa la xaday',
    'cov menyuam tso foob pob hluav taws tag hmo, lawv tsoo kuv lub qhov rais',
    'kuv pom pa taws tab sis yog kuv tus kwv ci nqaij xwb, muaj neeg nyiag kuv lub tsheb kauj vab',
]

CASES = family_cases(FAMILIES, LOOK_ALIKES)

test_each_case_gets_its_level = family_test(CASES)
