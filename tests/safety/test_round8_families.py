"""Cue families widened after the eighth blind probe: named medicines taken in quantity or on
purpose, hanging threats (also about someone else) with a rope bought, a gun bought "not for
protection", asking for a painless way to die, hoping a bus hits me, "do something to
himself", cuts found on a child, goodbye euphemisms with a past attempt, psychosis with days
without sleep, and the emergency misses (a robbery that just happened with the robber still
around, someone forced into a van, gunfire sounds with someone down, a weapon "he'll use",
someone trying the door "as I type", a child alone in a hot car). In en, es, so and hmn, with
look-alikes that must stay none, and the Hmong clause break "tab sis" kept by normalization.
Sentences are written for these tests; none comes from a measuring set.
"""

from __future__ import annotations

import pytest

from bot.safety import CRISIS, EMERGENCY, NONE, assess


def level(text: str) -> str:
    return assess(text).level


@pytest.mark.parametrize("text", [
    # named medicines in quantity or on purpose
    'i swallowed 25 of my zoloft about twenty minutes ago',
    'she took a whole bottle of trazodone on purpose',
    'he injected extra insulin on purpose and locked himself in',
    'popped half my klonopin to not wake up, idc anymore',
    'ive been saving my seroquel, took all of them tonight',
    'me tome como 40 de mis clonazepam a proposito',
    'mi hija se trago todo el frasco de paracetamol para no despertar',
    'kiniinnadii tylenol ayaan si ula kac ah u liqay',
    'daawadayda ayaan kaydinayaa si aan mar keliya u wada liqo',
    'nws txhob txwm nqos nws cov tshuaj xanax',
    'kuv noj tag nrho kuv cov tshuaj insulin kom tuag',
    # hanging, also about someone else; a rope bought
    'my dad keeps saying hell hang himself if mom leaves',
    'mi novio dice que se ahorca si lo dejo, ya tiene la cuerda',
    'walaashay waxay leedahay way is deldeli doontaa',
    'nws hais tias nws yuav dai caj dab',
    # a gun bought, not for protection
    'picked up a pistol today and its not for protection',
    'consegui una pistola y no es para defenderme',
    'qori ayaan iibsaday, uma aha is difaac',
    'kuv muas ib rab phom, tsis yog los tiv thaiv tsev',
    # method questions
    'what is the quickest way to end my life',
    'cual es la manera mas rapida de matarme',
    'sida ugu fudud ee aan ku dhinto maxay tahay',
    'txoj kev tuag twg tsis mob',
    # hoping to be hit
    'honestly i hope a truck runs me over on the way home',
    'ojala me atropelle un tren',
    'waxaan rajeynayaa in baabuur i jiiro',
    'kuv thov kom lub tsheb tsoo kuv',
    # do something to oneself, found self-harm, never born
    'im worried my son will do something stupid to himself tonight',
    'tengo miedo de que mi hermano se vaya a hacer algo',
    'waxaan ka baqayaa inuu wax naftiisa u geysto',
    'kuv ntshai nws yuav ua tej yam phem rau nws tus kheej',
    'noticed fresh cuts on my sons forearms when he took off his hoodie',
    'le encontre cortadas en los muslos a mi hija',
    'she told me she wishes she had never been born',
    # goodbye euphemisms, past attempt, not answering
    'he texted see you in the next life and his phone is off, he tried last year',
    'ilaahow i qaad, ma rabo inaan berri arko',
    'qoraal sagootin ah ayuu ii soo diray, taleefankiisana ma qabanayo',
    'thov txim rau nej txhua tus, no yog kuv zaum kawg sau ntawv',
    'perdonenme todos, ya les deje una carta a mis papas',
    # hopeless, no reason to live
    'kuv tsis pom kuv yuav nyob ua dab tsi ntxiv lawm',
    'ya me da igual todo, no creo que vaya a estar aqui mucho tiempo',
    'cant stop the sewer slide thoughts tonight',
    'kiero morirme',
    # psychosis with no sleep
    'my uncle has been awake 5 nights straight and says the tv is beaming thoughts into his head',
])
def test_round8_crisis_families(text):
    assert level(text) == CRISIS


@pytest.mark.parametrize("text", [
    # robbery just happened, robber still around
    'me acaban de robar la cartera y el tipo anda rondando por la esquina',
    'hadda ayaa la i boobay, tuuggii weli suuqa ayuu joogaa',
    'nyuam qhuav raug tub sab txeeb kuv lub hnab, nws tseem nyob ze',
    # forced into a vehicle
    'two guys are shoving a teenager into a gray suv by the school',
    'estan metiendo a un senor a la fuerza en una camioneta',
    'nin ayaa gaari si xoog ah loo gelinayaa hadda',
    # gunfire sounds with someone down
    'bang bang bang down the block and a guy is lying on the sidewalk',
    # a weapon he will use
    'my ex is at the door with his gun saying hell use it unless i let him in',
    'trae un cuchillo y dice que lo va a usar',
    # someone at the door as I type
    'some man hopped our fence and is now prying the patio door as i text you',
    # a child alone in a hot car
    'muaj ib tug menyuam liab nyob ib leeg hauv lub tsheb ntawm lub khw',
    # jump into the water from a bridge is a crisis, not a drowning
])
def test_round8_emergency_families(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize("text", [
    'kuv nyob saum tus choj thiab xav dhia rau hauv dej kom tuag',
    'she swallowed all her ambien so she wont wake up, her voice is slurring',
])
def test_round8_intent_is_crisis_not_drowning_or_unresponsive(text):
    assert level(text) == CRISIS


@pytest.mark.parametrize("text", [
    # medicines as property, places, ordinary doses
    'somebody took all my adderall out of my backpack at the gym',
    'the pharmacy by the park was broken into overnight, they took the oxycodone',
    'my insulin cooler got stolen from the car last night',
    'me robaron el tylenol y la insulina del carro',
    'took 2 advil for my back and then called about the pothole',
    'kiniinnadayda ayaa gaariga laga xaday',
    'lawv nyiag kuv cov tshuaj ntawm lub tsheb nag hmo',
    # idioms and everyday uses
    'this towing fee is killing me lol',
    'bought a rope to tie the kayak to the roof rack',
    'ya compre la cuerda para colgar la ropa',
    'what is the easiest way to pay a parking ticket',
    'i hope the bus comes on time tomorrow',
    'see you on the other side of the river for the cleanup',
    'forgive me for the typo in my last message',
    'who do i give my parking permit to when i move out',
    'a tow truck is pulling a sedan into the lot',
    'someone hit my car while it was parked',
    'no me quiero suicidar ni nada, nomas estoy harta de las multas',
    'ya me da igual la multa, la pago',
    'no pienso seguir aqui mucho tiempo, me mudo a otra ciudad',
    # past and over
    'me robaron la bici hace dos dias, el tipo sigue rondando por aqui',
    'tuuggii baaskiilka ayaa weli xaafadda joogaa, shalay ayuu qaatay',
    'kuv lub tsheb raug nyiag nag hmo, tub sab tseem nyob ze tab sis tsis pom nws',
    'tsis muaj leej twg raug mob, lawv tsuas tsoo lub qhov rais xwb',
    'xav dhia rau hauv dej ua luam dej thaum lub caij ntuj sov',
])
def test_round8_look_alikes_stay_none(text):
    assert level(text) == NONE


@pytest.mark.parametrize(("raw", "normal"), [
    ("tab sis kuv", "tab sis kuv"),
    ("tiam sis nws", "tiam sis nws"),
    ("my sis is here", "my sister is here"),
    ("sewer slide", "suicide"),
    ("kiero", "quiero"),
])
def test_round8_normalization(cues, raw, normal):
    assert cues.normalizer(raw) == normal
