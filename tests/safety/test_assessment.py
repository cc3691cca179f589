"""What a resident or dispatcher would notice: which messages escalate, and which do not.

Sentences here are written for these tests; none comes from the measuring set.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from bot.safety import CRISIS, EMERGENCY, NONE, Assessment, assess, load_cues
from bot.safety.assessment import MEMO_SIZE


def level(text: str, lang: str | None = None) -> str:
    return assess(text, lang).level


@pytest.mark.parametrize("text", [
    "somebody is breaking into the car next to mine right now",
    "two men are robbing the corner store",
    "a guy is trying to pry open my back door",
    "they are stealing the wheels off my truck as we speak",
])
def test_crime_in_progress_is_an_emergency(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize("text", [
    "my truck was broken into two nights ago",
    "someone stole the wheels off my truck over the weekend",
    "the laundromat was held up back in march, windows still boarded",
    "a guy was breaking into cars on my street yesterday",
])
def test_the_same_crime_in_the_past_is_not(text):
    assert level(text) == NONE


@pytest.mark.parametrize("text", [
    "car window smashed, no one is hurt",
    "a bike hit my mirror, nobody was injured",
    "the guy who took my tools is gone now",
    "not an emergency, just a stolen scooter",
    "fender bender in the lot, no injuries",
])
def test_negated_danger_does_not_escalate(text):
    assert level(text) == NONE


def test_negation_only_reaches_its_own_clause():
    assert level("nobody saw it happen but my neighbor is bleeding badly") == EMERGENCY


@pytest.mark.parametrize("text", [
    "these towing fees are killing me",
    "my smoke alarm battery chirps every night",
    "a car alarm has been blaring on our block for an hour",
    "delivery trucks idle outside all night, they should kill the motor",
    "a box of shot glasses went missing from my porch",
    "dead battery, car stuck in the loading zone",
    "someone keeps blocking the fire hydrant",
    "a truck is parked in the fire lane again",
    "i'm dying to know who dented my door",
    "the handle on my classic car's suicide door was snapped off",
    "i want to end my lease on the garage spot",
    "someone stole my glue gun from the garage",
])
def test_idioms_and_look_alikes_do_not_escalate(text):
    assert level(text) == NONE


@pytest.mark.parametrize("text", [
    "a man has a k n i f e at the bus stop",
    "guy with a kn1fe outside my door",
    "g.u.n by the playground rn",
    "HELLLLP someone is in my houuuse",
    "sum1 is tryin 2 get in my window rn",
    "ppl fighting w/ a machete on my block",
])
def test_obfuscated_and_abbreviated_danger_still_escalates(text):
    assert level(text) == EMERGENCY


@pytest.mark.parametrize(("text", "expected"), [
    # blocked in by a parked car: a parking report
    ("a pickup is double parked outside my building and i cant get out", NONE),
    ("someone blocked me in, cant get out of my driveway for work", NONE),
    ("i cant get out of my parking spot, a van is blocking me", NONE),
    ("the neighbor parks behind my garage every morning so i cannot get my car out", NONE),
    # trapped, beside the same words: still an emergency
    ("the car flipped and i cant get out", EMERGENCY),
    ("someone parked behind me, i cant get out and smoke is pouring out of the building",
     EMERGENCY),
    ("he blocked the door with his truck and locked me in, i cant get out and he has a gun",
     EMERGENCY),
])
def test_blocked_in_by_a_parked_car_is_not_trapped(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize("text", ["$uicide", "i'm going to h@ng mys3lf", "s u i c i d a l"])
def test_obfuscated_crisis_still_escalates(text):
    assert level(text) == CRISIS


def test_signal_at_the_end_of_a_long_message_is_found():
    text = ("Good afternoon, I am writing about the sedan that has been parked across from "
            "our building since last Tuesday. It has a flat tire, expired tabs and a pile "
            "of flyers under the wiper, and the street sweeper could not get past it this "
            "week. I called once before and nobody came. " * 3
            + "Also there is a man in the lobby right now waving a gun at people.")
    assert len(text) > 800
    assessment = assess(text)
    assert assessment.level == EMERGENCY
    assert "en.weapon.present" in assessment.signals


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("alguien está forzando la puerta de mi vecino ahora mismo", "es", EMERGENCY),
    ("mi abuelo dejó de respirar", "es", EMERGENCY),
    ("no quiero seguir viviendo así", "es", CRISIS),
    ("se llevaron mi moto del estacionamiento el fin de semana pasado", "es", NONE),
    ("esta cola me está matando", "es", NONE),
    ("qof hub sita ayaa dugsiga agtiisa taagan", "so", EMERGENCY),
    ("baabuurka ayaa gubanaya", "so", EMERGENCY),
    ("walaalkay wuxuu sheegay inuu is dili doono", "so", CRISIS),
    ("mootadayda ayaa la xaday xalay", "so", NONE),
    ("muaj neeg tab tom nyiag kuv lub tsheb", "hmn", EMERGENCY),
    ("kuv yawg tsis ua pa", "hmn", EMERGENCY),
    ("kuv tsis xav nyob lawm", "hmn", CRISIS),
    ("lawv nyiag kuv lub xov tooj lub lim tiam dhau los", "hmn", NONE),
])
def test_each_language_is_understood(text, lang, expected):
    assert level(text, lang) == expected


@pytest.mark.parametrize("lang", [None, "en", "es", "so", "hmn", "fr", ""])
def test_every_language_is_checked_whatever_lang_says(lang):
    assert level("un tipo armado con un cuchillo en la parada", lang) == EMERGENCY
    assert level("the stairwell is full of flames", lang) == EMERGENCY


def test_mixed_languages_in_one_message():
    assert level("sorry my english, hay fuego en el garage") == EMERGENCY


@pytest.mark.parametrize("text", [
    "my dad keeps saying he wants to end it",
    "my roommate told me she is going to kill herself",
    "my daughter keeps threatening to harm herself",
    "mi hermana dice que quiere suicidarse",
])
def test_crisis_about_someone_else_escalates(text):
    assert level(text) == CRISIS


@pytest.mark.parametrize("text", [
    "got another ticket, i wanna die lol",
    "i don't want to exist anymore",
    "i've got the pills ready and i'm saying goodbye",
])
def test_a_stated_wish_to_die_is_a_crisis(text):
    assert level(text) == CRISIS


def test_overdose_by_mistake_with_someone_unresponsive_is_an_emergency_first():
    assessment = assess("she swallowed every pill in the cabinet by mistake "
                        "and now she won't wake up")
    assert assessment.level == EMERGENCY
    assert any(s.startswith("en.crisis.") for s in assessment.signals)


@pytest.mark.parametrize("text", [
    "she swallowed every pill in the cabinet on purpose and now she won't wake up",
    "mi papa se tomo el frasco de pastillas para morirse y no despierta",
])
def test_overdose_on_purpose_keeps_the_crisis_reply_when_they_will_not_wake(text):
    # the crisis reply names 911 for immediate danger as well as 988
    assessment = assess(text)
    assert assessment.level == CRISIS
    assert any(".medical." in s or ".medico." in s for s in assessment.signals)


def test_self_harm_threat_with_a_blade_stays_a_crisis():
    assert level("my brother is holding a knife and says he will cut himself") == CRISIS
    assert level("my dad is waving a razor and says he'll slice himself") == CRISIS


def test_signals_name_the_cues_that_fired():
    assessment = assess("a stranger is breaking into the shed and he has a gun")
    assert {"en.crime.in_progress", "en.weapon.present"} <= set(assessment.signals)
    assert assess("the pothole on 5th is getting bigger").signals == ()


def test_assessment_is_frozen():
    assessment = assess("house on fire")
    with pytest.raises(dataclasses.FrozenInstanceError):
        assessment.level = NONE  # type: ignore[misc]
    assert assessment == Assessment(EMERGENCY, assessment.signals)


@pytest.mark.parametrize("text", ["", "   ", "👍", "ok", "12345"])
def test_empty_or_trivial_messages_are_none(text):
    assert level(text) == NONE


def test_safety_imports_no_web_database_or_sms_library():
    code = ("import sys, bot.safety; bot.safety.assess('hello'); "
            "bad = sorted(m for m in sys.modules "
            "if m.split('.')[0] in {'flask', 'twilio', 'sqlalchemy'}); print(bad)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_a_run_on_message_still_escalates_new_danger_after_an_old_date():
    assert level("my bike was stolen last night a man is beating his wife outside") == EMERGENCY


def test_weak_words_add_up_only_when_they_are_close():
    assert level("FIRE! help!") == EMERGENCY
    assert level("My neighbors were fighting about parking again. Separately, can you "
                 "help me with the form for my stolen bike?") == NONE


def test_a_negator_only_negates_cues_of_its_own_language():
    # "ma" negates in Somali, but in an English text it is mom
    assert level("my ma is bleeding") == EMERGENCY


def test_a_short_message_gets_the_same_verdict_every_time_it_recurs():
    first = assess("he has a gun")
    assert first.level == EMERGENCY
    for _ in range(3):
        assert assess("he has a gun") == first
    assert assess("yes") == assess("yes") == Assessment(NONE)


def test_remembered_verdicts_belong_to_their_own_cue_set():
    cues = load_cues()
    assert assess("he has a gun", cues=cues).level == EMERGENCY
    # The same text under stricter cues (an administrator's edit) is judged afresh.
    strict = dataclasses.replace(cues, threshold=100.0, model=None)
    assert assess("he has a gun", cues=strict).level == NONE
    assert assess("he has a gun", cues=cues).level == EMERGENCY


def test_the_memory_of_short_messages_stays_bounded():
    cues = dataclasses.replace(load_cues())
    for i in range(MEMO_SIZE + 50):
        assess(f"answer {i}", cues=cues)
    assert 0 < len(cues.memo) <= MEMO_SIZE
