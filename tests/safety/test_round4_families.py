"""Cue families widened after the fourth blind probe: fire spreading with words between,
dog bites without "by", stuck with heat further apart, "being stolen" + now without "is",
sleep and not wake up, a goodbye + a dangerous place, a small child who swallowed pills
(emergency before crisis), a farewell letter + leaving with a gun, a fight with knives,
Somali feminine/plural "not moving", "better off if I am gone" in either order, and "not
answering" that no longer outranks a crisis told about someone else. Sentences are
written for these tests; none comes from a measuring set.
"""

from __future__ import annotations

import pytest

from bot.safety import CRISIS, EMERGENCY, NONE, assess


def level(text: str) -> str:
    return assess(text).level


@pytest.mark.parametrize("text", [
    "garage fire is spreading into the laundry room and we cant put it out",
    "the flames are spreading up the curtains, tried to put it out",
    "stuck in the freight elevator at work for an hour now and its getting hot in here",
    "trapped in the back of the van, way too hot and no air",
    "neighbors pitbull attack, my daughter got bitten on the arm",
    "the dog next door just bit my husband on the leg",
    "my truck getting broken into out front right now",
    "right now my bike is being stolen from the rack",
    "my 3 year old got into the pills in my purse and is super sleepy",
    "el niño se comió unas pastillas que dejé en la cocina y está muy dormido",
    "mi nieta de dos años se tragó el cloro",
    "kuv tus me nyuam 2 xyoos nqos tshuaj tag nrho lawm",
    "hadda laba nin ayaa bastoolad iyo mindi ku dagaallamaya",
    "aabbahay wuu dhacay oo ma toosayo",
    "walaashay way suuxday mana dhaqaaqayso",
])
def test_widened_emergency_families(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize("text", [
    "i want to fall asleep and never wake up again",
    "tonight i'll just close my eyes and not wake up",
    "my brother texted everyone goodbye and his phone shows him on the bridge",
    "she wrote a goodbye note and now she's up on the roof",
    "my dad left a goodbye letter and drove off with his rifle",
    "mi hermano me mandó un mensaje de despedida y está en el puente",
    "dejó una nota de despedida y salió con la soga",
    "qoyskayga way fiicnaan lahaayeen haddaan jirin",
    "haddii aan dhinto qoyskayga way nasan lahaayeen, qorshe baan sameeyey",
    "waxaan rabaa inaan hurdo oo aanan marnaba soo toosin",
    "yog kuv tuag lawm kuv tsev neeg yuav nyob zoo dua",
    "nws hais tias nws yuav xaus nws lub neej hmo no",
])
def test_widened_crisis_families(text):
    assert level(text) == CRISIS


@pytest.mark.parametrize("text", [
    # a crisis about someone else wins over "not answering" (no outranking emergency)
    "walaashay waxay igu tiri is dili doonaa, hadda ma jawaabayso",
    "kuv tus muam hais tias nws xav tua nws tus kheej, nws tsis teb kuv xov tooj",
])
def test_not_answering_does_not_outrank_a_crisis(text):
    assert level(text) == CRISIS


@pytest.mark.parametrize("text", [
    # not answering after a fall or alone is still an emergency
    "hooyaday way dhacday mana jawaabayso",
    "yawg ntog lawm tsis teb",
])
def test_not_answering_alone_is_still_an_emergency(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize("text", [
    "the kitchen fire last week was put out quickly, can someone inspect the hood",
    "my packages keep getting stolen from the porch, right now im filing a report",
    "i was bit by a mosquito at the park, are they spraying",
    "my dog bit his chew toy and broke it",
    "i go to sleep early and dont wake up until 9",
    "we took photos on the bridge for the festival",
    "there is trash on the train tracks behind 5th street",
    "mi hija se tomó su medicina para la gripe",
    "hay basura en las vías del tren",
    "buundada waddadu waa jaban tahay",
    "muaj khib nyiab nyob ntawm lub choj",
])
def test_look_alikes_stay_none(text):
    assert level(text) == NONE
