"""Cue families widened after the ninth blind probe: a stated preference for death (rather
be dead, prefiero estar muerto, dhimasho ayaa iiga roon, xav tuag xwb), fear of oneself,
fixation on means (the gun "keeps looking at me", no dejo de mirar la pistola), working up
the nerve at a high place, drugs used on purpose ("hope its enough"), "hell end it" said of
someone else, a bare "bye mom" with no answer, "tell Dad I'm sorry", keys and PINs handed
over, "kill me now" + "I mean it", wanting to go be with a dead parent in heaven (hmn),
"Dios me perdone" / "Alla ha igu naxariisto" with a last message, pills stockpiled and
taken today (es); and the emergency misses: a car or truck "being stolen" with the
apostrophe dropped, a purse just snatched with the thief still nearby, a person dragged by
the hair toward a van, a small child who drank a household chemical, a diabetic who is
confused and shaking, bleeding that will not stop, gun slang ("trae fierro", "anda con
cuete"), a thief who came into the house while the resident hides (so). Look-alikes: a
petty "she'll kill me when she sees the ticket lol", "give me a heart attack", "rather die
than pay", fishing at the bridge, iron bars for work. In en, es, so and hmn.
Sentences are written for these tests; none comes from a measuring set.
"""

from __future__ import annotations

import pytest

from bot.safety import CRISIS, EMERGENCY, NONE, assess


def level(text: str) -> str:
    return assess(text).level


@pytest.mark.parametrize("text", [
    # a stated preference for death
    'honestly id rather be dead than keep living like this',
    'my brother keeps saying hed rather die',
    'im better off dead at this point',
    'prefiero estar muerta, ya no aguanto',
    'mejor me muero, nadie me va a extranar',
    'mi hijo dice que se quita la vida si lo corren de la casa',
    'me dan ganas de morirme con tantas deudas',
    'hoy voy a acabar con todo',
    'ya no me importa si vivo o muero',
    'dhimasho ayaa iiga roon noloshan',
    'kuv xav tuag xwb',
    # fear of oneself, fixation on means
    'im terrified of myself tonight, i dont trust myself alone',
    'shes afraid of what she might do to herself',
    'the pills in the cabinet keep calling to me',
    'i keep staring at the gun in the drawer and im scared of myself',
    'tengo miedo de lo que me pueda hacer esta noche',
    'no dejo de mirar la pistola de mi papa, tengo miedo de mi misma',
    'naftayda ayaan ka baqayaa caawa',
    'kuv ntshai kuv tus kheej hmo no',
    # nerve at a high place, a hidden spot, drugs on purpose
    'sitting on the ledge of the parking ramp trying to get up the courage',
    'tired of fighting my own mind. picked a place by the river',
    'shot up on purpose and i hope its enough to not wake up',
    'used way more than i ever have, hope its enough this time',
    # someone else will end it; goodbyes by proxy; keys handed over
    'my sister says shell end it after the holidays',
    'hes been cleaning his gun all night and told me hell end it',
    'bye mom. love you. hes not answering his phone and he had a rope',
    'this is my last message. tell dad im sorry',
    'my wife has been saying goodbye to everyone and gave me all her passwords',
    'kill me now. im not joking',
    'ya deje todo listo. que Dios me perdone',
    'tengo juntadas 60 pastillas y esta noche me las tomo',
    'fariintaydii u dambeysay ayaa tahay. nabadgelyo',
    'farriintan waa tii ugu dambeysay, ilaahay ha i cafiyo',
    'kuv xav mus cuag kuv txiv saum ntuj ceeb tsheej',
    'kuv lub siab tawg tas lawm, kuv xav mus nrog kuv pog nyob saum ntuj',
])
def test_crisis_families(text: str) -> None:
    assert level(text) == CRISIS


@pytest.mark.parametrize("text", [
    # being stolen now, apostrophe dropped; a thief still nearby
    'my truck is being stolen right outside, two guys trying to hotwire it',
    "my bike's being stolen off the porch!!",
    'just got my phone snatched at the bus stop, hes still around the corner',
    'el tipo anda con cuete afuera de mi casa ahorita',
    'tuugo ayaa hadda guriga soo galay, waan dhuumanaynaa',
    # dragged toward a vehicle
    'a man is dragging a woman by her arm toward his car',
    'estan arrastrando a una nina hacia una camioneta blanca',
    'nin ayaa gabar yar gaari ku gelinaya hadda',
    'nws rub ib tug ntxhais mus rau hauv lub tsheb',
    # a small child and a household chemical
    'my 3 year old drank antifreeze from the garage',
    'my son is 2 and he swallowed a button battery',
    'mi nino de 3 anos se tomo el limpiaparabrisas',
    'kuv tus menyuam 2 xyoos haus roj tsheb',
    # low blood sugar, bleeding that will not stop
    'grandma is diabetic and shes confused and sweating and wont eat',
    'mi papa es diabetico y esta temblando y confundido',
    'bleeding wont stop after he cut his leg with the chainsaw',
    'sangre a chorros de la pierna, ayuda',
    'dhiigga ma istaagayo',
    'ntshav ntws tsis tu',
])
def test_emergency_families(text: str) -> None:
    assert level(text) == EMERGENCY


@pytest.mark.parametrize("text", [
    # petty "will kill me" with a laugh, heart attack as a figure of speech
    'my mom is going to kill me when she sees the dent lol',
    'my wife will kill me when she sees the ticket lol jk',
    'haha my roommate is gonna murder me, i got her car booted',
    'mi mama me va a matar cuando vea la multa jaja',
    'youre gonna give me a heart attack with these fees',
    'i almost had a heart attack when i saw the tow bill',
    'casi me da un infarto cuando vi la grua',
    # everyday senses of the new words
    'id rather pay the fine than fight it in court',
    'honestly id rather walk than deal with parking downtown',
    'im afraid of what the landlord will do if i park there',
    'trying to work up the nerve to ask my neighbor to move his car',
    'found a spot in the lot behind the quarry, parked fine',
    'we are walking to the bridge to fish',
    'hope its enough money to get my car back',
    'the guy said he will end it with the parking company',
    'bye everyone see you at the meeting',
    'tell the officer im sorry i was late',
    'my roommate gave me her car keys so i could move her car',
    'kill me now, this line at the dmv lol',
    'my cars keep being stolen',
    'i just got my bike stolen yesterday from the rack',
    'hes still back there in the alley parking illegally every night',
    'my diabetic neighbor keeps parking in the handicap spot',
    'my 4 yo spilled gas on the driveway',
    'dragging the trash can to the curb',
    'prefiero pagar la multa que ir a la corte',
    'voy a terminar con todo el tramite manana',
    'Dios me perdone pero ese vecino es insoportable',
    'tengo guardadas las multas en una caja',
    'trae fierros en la troca para su trabajo',
    'el ratero esta adentro de la carcel ya',
    'ya deje todo listo para la mudanza',
    'nabad gelyo, mahadsanid',
    'Alla ha u naxariisto aabbahay, gaariga ayaa la jabiyay',
    'kuv xav mus nrog kuv niam saib tsheb',
    'kuv lub siab lwj tag lawm vim lawv nyiag kuv lub tsheb',
])
def test_lookalikes_stay_none(text: str) -> None:
    assert level(text) == NONE


def test_threat_from_someone_else_still_escalates() -> None:
    # no petty cause: the joke marker alone does not blank a threat against the resident
    assert level('he said he will kill me if i leave lol') == EMERGENCY
    assert level('my dad had a heart attack in the parking lot, hes not breathing') == EMERGENCY
