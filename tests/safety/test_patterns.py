"""Patterns a blind tester found missing, one test group per pattern, in every language it
applies to. Sentences are written for these tests; none comes from a measuring set, and
each group mixes wordings so that a cue tailored to one sentence would not pass.
"""

from __future__ import annotations

import time

import pytest

from bot.safety import CRISIS, EMERGENCY, NONE, assess, load_cues


def level(text: str) -> str:
    return assess(text).level


# ---- 1. a strong single signal with next to no context ------------------------------

@pytest.mark.parametrize("text", [
    "stabbed. 1400 n washington ave apt 3. hurry",
    "SHOOTING behind the laundromat, quick",
    "my cousin got attacked, please send someone",
    "apuñalado. calle 12 y main. rápido",
    "a mi tío lo atacaron, manden a alguien pronto",
    "nin baa la mindiyeeyey. suuqa dhexdiisa. degdeg",
    "qof ayaa na weeraray fadlan na caawi",
    "raug riam. ntawm khw. sai sai",
    "kuv tus kwv raug chob, thov pab",
])
def test_a_bare_violent_word_with_urgency_is_an_emergency(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize("text", [
    "the guy who keyed my car is back and he has a bat",
    "she's still standing out there with a crowbar",
    "lady on my porch with a hammer right now",
    "my phone was taken last night, and now the same man came back with a knife",
    "people are fighting and one of them has a hammer",
    "el ladrón volvió y trae un cuchillo",
    "un hombre sigue afuera de mi casa con un tubo",
    "tuuggii shalay wuu soo noqday hadda wuxuu sitaa mindi",
    "ninkii weli halkan wuu joogaa wuxuuna wataa ul",
    "tus tub sab rov qab los thiab nqa ib rab riam",
    "tus txiv neej tseem nyob ntawd nqa ib tug pas",
])
def test_a_weapon_held_by_someone_here_now_is_an_emergency(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize("text", [
    "someone stole my hammer from the shed last week",
    "the guy came back to pick up his car, all good now",
    "i left a baseball bat at the park, can someone help me find it",
    "please hurry and tow this car, i'm late for work",
    "quick question about renewing my parking permit",
    "el vecino regresó de viaje y su alarma suena cada rato",
    "Fadlan i caawi, gaarigayga waa la qaaday",
    "Kuv lub tsheb raug rub mus lawm, thov pab kuv nrhiav",
])
def test_presence_or_urgency_alone_does_not_escalate(text):
    assert level(text) == NONE


@pytest.mark.parametrize("text", [
    "found a knife in my yard this morning, what do i do with it",
    "we found a rusty knife in the alley",
    "encontré un cuchillo en mi patio",
    "Mindi ayaan ka helay beerta gurigayga",
    "Kuv nrhiav tau ib rab riam hauv kuv lub vaj",
])
def test_a_weapon_found_lying_around_is_not_an_emergency(text):
    assert level(text) == NONE


def test_a_found_weapon_in_someone_s_hand_still_is():
    assert level("he found a knife in the kitchen and is coming at me with it") == EMERGENCY


@pytest.mark.parametrize("text", [
    "mi vecino tiene encerrada a su hija en el cuarto y ella grita",
    "un tipo metió a la fuerza a una muchacha en una camioneta",
    "wuxuu naagtiisa ku xiray qolka, way qaylinaysaa",
    "nws kaw nws tus poj niam hauv chav thiab nws qw",
    "a man is holding a teenage girl in his truck and she's crying",
    "he won't let her out of the apartment and i hear her yelling",
    "my husband locked me in the bedroom and took my phone",
])
def test_someone_held_or_locked_in_is_an_emergency(text):
    assert level(text) == EMERGENCY


# ---- 2. symbols inside words ---------------------------------------------------------

@pytest.mark.parametrize(("raw", "normal"), [
    ("g*n", "gun"),
    ("k*ll", "kill"),
    ("su*cide", "suicide"),
    ("s**cide", "suicide"),
    ("k.n.i.f.e", "knife"),
    ("g-u-n", "gun"),
    ("k-ll", "kill"),
    ("su_cide", "suicide"),
    ("g#n", "gun"),
    ("m*rder", "murder"),
    ("p*stola", "pistola"),
    ("self-harm", "selfharm"),
    ("sh*t", "sh t"),          # could be "shot": a masked swear word is left alone
    ("f*ck this", "f ck this"),
    ("e-mail", "email"),
    ("at 6 a.m.", "at 6 a . m ."),
])
def test_masked_letters_are_restored_only_when_one_reading_fits(raw, normal):
    assert load_cues().normalizer(raw) == normal


@pytest.mark.parametrize(("text", "expected"), [
    ("theres a g*n pointed at the clerk rn", EMERGENCY),
    ("hes got a k.n.i.f.e and hes yelling", EMERGENCY),
    ("some1 is sh**ting on 9th", EMERGENCY),
    ("i want to k*ll m*self", CRISIS),
    ("been thinking about su-cide a lot", CRISIS),
    ("hay un tipo con una p*stola en la tienda", EMERGENCY),
    ("this sh*t parking situation is ridiculous", NONE),
    ("f*ck this city and its tickets", NONE),
])
def test_masked_danger_words_escalate_and_masked_swearing_does_not(text, expected):
    assert level(text) == expected


# ---- 3. danger described without a keyword -------------------------------------------

@pytest.mark.parametrize("text", [
    "kids stuck in the elevator and theres smoke coming in",
    "kids in the elevator are stuck and its getting smoky",
    "smoke is filling the hallway and we can't get out",
    "los niños están atorados en el elevador y hay humo",
    "carruurtu waxay ku xayiran yihiin wiishka, qiiq ayaa jira",
    "cov menyuam daig hauv lub elevator thiab muaj pa taws",
])
def test_people_stuck_with_smoke_is_an_emergency(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize("text", [
    "my grandpa fell in the shower and isn't breathing",
    "my mom collapsed and we can't wake her up",
    "mi papá se cayó y no respira",
    "mi abuela se desmayó y no la podemos despertar",
    "hooyaday way dhacday mana neefsanayo",
    "aabbahay miyir ma leh, ma toosayo",
    "wiil yar ayaa biyaha ku dhacay",
    "kuv niam ntog thiab tsis ua pa",
    "kuv yawg tsis paub qab hau lawm",
])
def test_a_fall_or_collapse_with_no_breath_or_waking_is_an_emergency(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize("text", [
    "peb lub tsev kub hnyiab lawm pab peb",
    "muaj hluav taws kub lub tsev ntawm peb ib sab",
    "gurigayga dab ayaa ka kacay",
    "aqalka ayaa gubanaya, dadka ayaa ku jira",
    "la casa de al lado se está quemando y hay niños adentro",
])
def test_a_building_burning_is_an_emergency_in_every_language(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize("text", [
    "my keys are locked in the car, can someone help",
    "i'm stuck in traffic and will be late for the hearing",
    "the elevator in my building is stuck on the 3rd floor again, nobody inside",
    "my landlord won't let me out of my lease",
    "the neighbor's bbq smoke comes in my window every weekend",
    "my neighbor keeps smoking on his balcony and it comes in my window",
])
def test_stuck_things_and_ordinary_smoke_do_not_escalate(text):
    assert level(text) == NONE


# ---- 4. crisis without the word suicide ----------------------------------------------

@pytest.mark.parametrize("text", [
    "wrote letters to my kids. this is my last text",
    "gave away all my stuff, by the time you read this i'll be gone",
    "the pills are lined up on the table",
    "so sick of my life, tied a rope to the beam in the garage",
    "i keep cutting my arms when it gets bad",
    "been burning my thighs with a lighter",
    "escribí cartas para mis hijos, este es mi último mensaje",
    "tengo la soga lista en el garaje",
    "me corto los brazos cuando me siento así",
    "hoy voy a volver a cortarme",
    "ya nada tiene sentido y tengo las pastillas",
    "waxaan is jarayaa markaan murugoodo",
    "gabadhayda ayaa gacmaheeda jarjartay markale",
    "xarigga waa diyaar, qofna ima tabi doono",
    "waxaan qoray warqado carruurtayda, tani waa farriintii ugu dambeysay",
    "kuv txiav kuv txhais caj npab kom mob",
    "kuv npaj hlua txhij lawm",
    "kuv sau ntawv rau kuv cov menyuam lawm. no yog kuv cov lus zaum kawg",
])
def test_farewells_means_and_self_harm_are_a_crisis(text):
    assert level(text) == CRISIS


@pytest.mark.parametrize("text", [
    "i have the rope. tonight.",
    "the only way out is to end it",
    "my friend is at the top of the parking garage and says she's going to jump",
    "been saving up my sleeping pills for a while. tonight is the night",
    "she texted me that she loves me and she's sorry, now her phone is off",
    "me despido de todos, ya no voy a estar aquí mañana",
    "mi hermano dice que se va a tirar del puente",
    "walaalkay wuxuu igu yiri ha i raadin, farriintaan waa tii ugu dambeysay",
    "kuv tsis xav nyob lawm, tsis txhob nrhiav kuv",
])
def test_two_quieter_crisis_signs_together_are_a_crisis(text):
    assert level(text) == CRISIS


def test_self_harm_at_the_end_of_a_long_complaint_is_a_crisis():
    complaint = ("I have asked the city to fix the drain on my block for months, every "
                 "storm floods the basement, I sent photos twice and nobody called. ") * 3
    assert level(complaint + "honestly I've started cutting my arms again") == CRISIS
    assert level("Llevo meses pidiendo que arreglen el drenaje de la calle y nadie "
                 "contesta, cada lluvia se mete el agua. " * 3
                 + "ya me corto las muñecas otra vez") == CRISIS


@pytest.mark.parametrize("text", [
    "cut my arm on the broken fence at the park, is the city liable",
    "this is my last message about the pothole, fix it",
    "giving away my old couch, does the city pick up bulk items",
    "the pharmacy parking lot is always full, my pills are ready and i can't get in",
    "se me cortó la llamada, les escribo de nuevo",
    "me corté el pelo y me multaron el carro, qué día",
    "daawadaydu waa diyaar farmashiyaha, laakiin baarkinka waa xiran yahay",
    "kuv txiav kuv tes thaum ua noj yuam kev, tsis ua li cas",
    "goodbye, thanks for the help with my report",
])
def test_ordinary_cuts_goodbyes_and_last_messages_are_not_a_crisis(text):
    assert level(text) == NONE


# ---- 5. false escalations ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "the fire is out, firefighters left, just need to report the damaged fence",
    "the fire department put out the fire in the dumpster, lot still blocked",
    "ya apagaron el fuego, solo quiero reportar la cerca quemada",
    "el fuego ya está apagado, gracias",
    "dabka waa la demiyey, waxaan rabaa inaan sheego dayrka jabay",
    "dab-demiska ayaa yimid dabkiina wuu demay",
    "hluav taws tua tas lawm, kuv tsuas xav qhia txog lub laj kab puas",
    "tub tua hluav taws tuaj tua hluav taws tas lawm",
])
def test_a_fire_that_is_out_does_not_escalate(text):
    assert level(text) == NONE


def test_a_fire_out_of_control_still_escalates():
    assert level("the fire is out of control, the whole block") == EMERGENCY


@pytest.mark.parametrize("text", [
    "gaari ayaa la dhigay haydarantka dabka agtiisa",
    "muaj ib lub tsheb nres ntawm lub hydrant hluav taws",
    "un carro está estacionado frente al hidrante desde la mañana",
    "someone tore down the overdose prevention sign at the bus stop",
    "the narcan box outside the library is empty",
    "suicide prevention walk is blocking 5th ave saturday",
    "alguien rompió el letrero de prevención de sobredosis en el parque",
    "stabbing pain in my wallet from these fees",
    "i was shot down by the permit office again",
    "there's a box of narcan at the rec center front desk, is that city property?",
    "my kids are stuck inside all day because the park is closed",
    "fire alarm going off again in our building, false alarm",
    "my dad collapsed the tent in the yard lol",
    "bleeding heart plants stolen from my yard",
    "the gunshot detector sign on the pole fell over",
])
def test_hydrants_signs_and_figures_of_speech_do_not_escalate(text):
    assert level(text) == NONE


def test_a_stabbing_pain_in_the_chest_still_escalates():
    assert level("stabbing pain in my chest and my arm is numb") == EMERGENCY


@pytest.mark.parametrize("text", [
    "im gonna kill my neighbor if he parks in my spot again lol jk",
    "lol i swear ill murder whoever keeps taking my parking spot if they do it again",
    "gonna strangle my roommate if he eats my yogurt one more time 😂",
    "lo voy a matar si se vuelve a estacionar en mi lugar jajaja",
    "waan dili doonaa haddii uu mar kale gaarigiisa halkan dhigo haha",
    "kuv yuav tua nws yog nws nres tsheb ntawm kuv qhov chaw dua lol",
])
def test_a_joking_conditional_threat_of_the_resident_is_none(text):
    assert level(text) == NONE


@pytest.mark.parametrize("text", [
    "he's going to kill her if she leaves lol",
    "my boyfriend is going to kill me if i go out lol he said it",
    "im going to kill him",
    "i'll kill him if he comes back",
])
def test_a_threat_from_someone_else_or_without_a_joke_still_escalates(text):
    assert level(text) == EMERGENCY


# ---- scoring and speed ------------------------------------------------------------------

def test_weak_cues_in_a_short_message_add_up_across_sentences():
    assert level("stabbed. 1400 n washington ave apt 3. hurry") == EMERGENCY
    # the same pair far apart in a long report does not
    report = ("the stabbing scene in that movie we saw was intense. "
              + "the streetlight on my block has been out since march and the "
                "sidewalk is cracked in four places near the bus stop. " * 2
              + "please hurry with the repair")
    assert level(report) == NONE


@pytest.mark.parametrize("text", [
    "a-b-c-d-e-f-g " * 400,
    "k n i f e " * 500,
    " ".join(f"w{i}a-b{i}c q{i}*x" for i in range(400)),
])
def test_a_long_adversarial_message_stays_fast(text):
    assess("warm up")
    started = time.perf_counter()
    assess(text[:5000])
    assert time.perf_counter() - started < 0.5
