"""The learned backstop: it scores what its weights file says, a bad file stops loading with
the file and the reason, settings can switch it off, staff can see when it escalated, and
the shipped model catches messages the cues let through without flagging harmless ones."""

from __future__ import annotations

import gzip
import json
import math
import shutil
from dataclasses import replace

import pytest
import yaml

from bot.safety import CRISIS, EMERGENCY, NONE, CueError, assess, load_cues
from bot.safety.model import FeatureSpec, ModelError, load_model

from .conftest import CUE_DIR

TINY = {
    "schema_version": 1,
    "levels": ["none", "emergency", "crisis"],
    "features": {"words": [1, 2], "chars": [3, 3]},
    "scale": 10,
    "bias": [10, 0, 0],
    "weights": {"=zebra": [0, 0, 100], "zebra+crossing": [0, 20, 0], "ebr": [0, 0, 10]},
}


def write_model(directory, data, name="model.json") -> str:
    path = directory / name
    text = json.dumps(data) if not isinstance(data, str) else data
    if name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def softmax(scores):
    exps = [math.exp(s) for s in scores]
    return [e / sum(exps) for e in exps]


def test_words_pairs_and_letter_pieces_are_read_from_the_normalized_text():
    words, letters = FeatureSpec(words=(1, 2), chars=(3, 4)).extract("a knife . run")
    assert words == {"=a", "=knife", "=run", "a+knife"}  # no pair across the full stop
    assert " kni" in letters and "ife " in letters and " a " in letters
    assert "knife" not in letters  # longer than 4


def test_letter_pieces_across_words_are_read_only_when_the_spec_asks():
    plain = FeatureSpec(words=(1, 1), chars=(3, 3)).extract("took all")
    assert len(plain) == 2  # a model file without "text" reads as before
    *_, across = FeatureSpec(words=(1, 1), chars=(3, 3), text=(4, 5)).extract("took all")
    assert "~ok a" in across and "~ook a" in across and "~ all " in across
    assert "~took all" not in across  # longer than 5
    assert all(piece.startswith("~") for piece in across)  # never a word's own piece


def test_a_model_with_pieces_across_words_scores_them(tmp_path):
    data = {**TINY, "features": {"words": [1, 1], "chars": [3, 3], "text": [5, 5]},
            "weights": {"~ra cr": [0, 0, 100]}}
    model = load_model(write_model(tmp_path, data))
    assert model.spec.text == (5, 5)
    # " zebra crossing ": 16 characters, 12 distinct 5-letter pieces, one of them known
    across = model.probabilities("zebra crossing")
    assert across[CRISIS] == pytest.approx(softmax([1.0, 0.0, 10.0 / math.sqrt(12)])[2])
    apart = model.probabilities("crossing zebra")  # the same words, no piece known
    assert apart[CRISIS] == pytest.approx(softmax([1.0, 0.0, 0.0])[2])


def test_scores_are_what_the_weights_file_implies(tmp_path):
    model = load_model(write_model(tmp_path, TINY, "tiny.json.gz"))
    # words: =zebra, =crossing, zebra+crossing (3 features, each 1/sqrt(3));
    # letters of " zebra " and " crossing ": 5 + 8 distinct 3-grams, only "ebr" known
    probabilities = model.probabilities("zebra crossing")
    words, letters = 1 / math.sqrt(3), 1 / math.sqrt(13)
    expected = softmax([1.0, 2.0 * words, 10.0 * words + 1.0 * letters])
    assert [probabilities[level] for level in (NONE, EMERGENCY, CRISIS)] == pytest.approx(
        expected)
    assert model.probabilities("nothing known here") == pytest.approx(
        dict(zip((NONE, EMERGENCY, CRISIS), softmax([1.0, 0.0, 0.0]), strict=True)))


def test_escalation_needs_the_level_threshold(tmp_path):
    model = load_model(write_model(tmp_path, TINY))
    crisis = model.probabilities("zebra")[CRISIS]
    assert model.escalation("zebra", {EMERGENCY: 0.5, CRISIS: crisis - 0.01}) == CRISIS
    assert model.escalation("zebra", {EMERGENCY: 0.5, CRISIS: crisis + 0.01}) is None


BROKEN_MODELS = [
    ("not json", "{weights: ", "not valid JSON"),
    ("a list", [1, 2, 3], "must be a JSON object"),
    ("old schema", {**TINY, "schema_version": 0}, "schema_version must be 1"),
    ("levels", {**TINY, "levels": ["none", "crisis", "emergency"]}, "levels must be"),
    ("feature span", {**TINY, "features": {"words": [2, 1], "chars": [3, 5]}},
     "features.words must be [min, max]"),
    ("text span", {**TINY, "features": {"words": [1, 2], "chars": [3, 5], "text": [4]}},
     "features.text must be [min, max]"),
    ("short weights", {**TINY, "weights": {"=zebra": [0, 1]}}, "weights['=zebra'] must be 3"),
    ("infinite weight", {**TINY, "weights": {**TINY["weights"], "=okapi": [0, math.inf, 0]}},
     "weights['=okapi'] must be 3"),
    ("true as a weight", {**TINY, "weights": {**TINY["weights"], "=okapi": [0, True, 0]}},
     "weights['=okapi'] must be 3"),
    ("not a number", {**TINY, "bias": [0, "x", 0]}, "bias must be 3 finite numbers"),
    ("no weights", {**TINY, "weights": {}}, "weights must be a non-empty mapping"),
    ("zero scale", {**TINY, "scale": 0}, "scale must be a positive number"),
]


@pytest.mark.parametrize(("data", "reason"), [case[1:] for case in BROKEN_MODELS],
                         ids=[case[0] for case in BROKEN_MODELS])
def test_broken_model_file_is_reported_with_file_and_reason(tmp_path, data, reason):
    path = write_model(tmp_path, data, "broken.json")
    with pytest.raises(ModelError) as caught:
        load_model(path)
    assert caught.value.file == str(path)
    assert reason in caught.value.reason
    assert str(path) in str(caught.value)


def test_a_missing_or_truncated_gzip_file_is_reported(tmp_path):
    with pytest.raises(ModelError, match="cannot read"):
        load_model(tmp_path / "absent.json.gz")
    (tmp_path / "cut.json.gz").write_bytes(gzip.compress(json.dumps(TINY).encode())[:30])
    with pytest.raises(ModelError, match="not valid JSON"):
        load_model(tmp_path / "cut.json.gz")


def copy_cue_dir(tmp_path, model: str) -> object:
    """The shipped cue directory with its settings' model section replaced."""
    directory = tmp_path / "safety"
    shutil.copytree(CUE_DIR, directory)
    settings = (directory / "settings.yaml").read_text(encoding="utf-8")
    start = settings.index("\nmodel:\n")
    end = settings.index("\n\n", start + 1)
    (directory / "settings.yaml").write_text(settings[:start] + "\n" + model
                                             + settings[end:], encoding="utf-8")
    return directory


def test_a_broken_model_stops_the_cue_set_from_loading(tmp_path):
    directory = copy_cue_dir(tmp_path, "model:\n  enabled: true\n  file: model/bad.json\n"
                                       "  thresholds: {emergency: 0.5, crisis: 0.5}")
    write_model(directory / "model", {**TINY, "levels": ["none"]}, "bad.json")
    with pytest.raises(CueError) as caught:
        load_cues(directory)
    assert caught.value.file.endswith("model/bad.json")
    assert "levels must be" in str(caught.value)


def model_settings(enabled: bool) -> str:
    return (f"model:\n  enabled: {str(enabled).lower()}\n  file: model/safety-model.json.gz\n"
            "  thresholds: {emergency: 0.01, crisis: 0.01}")


def test_the_settings_switch_the_model_on_and_off(tmp_path, cues):
    text = OWN_MISSED_BY_CUES[0][0]
    on = load_cues(copy_cue_dir(tmp_path / "on", model_settings(True)))
    assert on.model is not None
    assert on.model_thresholds == {EMERGENCY: 0.01, CRISIS: 0.01}
    assert "model:crisis" in assess(text, cues=on).signals
    off = load_cues(copy_cue_dir(tmp_path / "off", model_settings(False)))
    assert off.model is None
    assert assess(text, cues=off) == assess(text, cues=replace(cues, model=None))
    assert assess(text, cues=off).level == NONE


def test_a_model_escalation_is_shown_to_staff_in_the_signals(tmp_path, cues):
    tiny = replace(cues, model=load_model(write_model(tmp_path, TINY)),
                   model_thresholds={EMERGENCY: 0.5, CRISIS: 0.5})
    assessment = assess("the zebra mural on 5th got tagged", cues=tiny)
    assert assessment.level == CRISIS
    assert assessment.signals[-1] == "model:crisis"


def test_the_cues_verdict_stands_when_they_fire(tmp_path, cues):
    tiny = replace(cues, model=load_model(write_model(tmp_path, TINY)),
                   model_thresholds={EMERGENCY: 0.01, CRISIS: 0.01})
    assessment = assess("a zebra crossing guard is bleeding on the ground, he was stabbed",
                        cues=tiny)
    assert assessment.level == EMERGENCY
    assert not any(signal.startswith("model:") for signal in assessment.signals)


def test_the_model_may_call_an_emergency_a_crisis_unless_911_must_come_first(tmp_path, cues):
    tiny = replace(cues, model=load_model(write_model(tmp_path, TINY)),
                   model_thresholds={EMERGENCY: 0.5, CRISIS: 0.5},
                   model_crisis_over_emergency=None, model_none_over_weak_cues=None)
    weapon = "a zebra crossing guard has a knife and is waving it around"
    assert assess(weapon, cues=tiny).level == EMERGENCY  # off unless settings say a value
    over = replace(tiny, model_crisis_over_emergency=0.5)
    assessment = assess(weapon, cues=over)  # the tiny model reads "zebra" as crisis
    assert assessment.level == CRISIS
    assert assessment.signals[0].startswith("en.weapon.") and assessment.signals[-1] == (
        "model:crisis")
    # someone not breathing: 911 first, whatever the model reads
    assert assess("a zebra crossing guard is not breathing", cues=over).level == EMERGENCY
    # the model must reach the value and find crisis likelier than emergency
    assert assess(weapon, cues=replace(tiny, model_crisis_over_emergency=0.999)).level == (
        EMERGENCY)


def test_crisis_over_emergency_is_read_from_the_settings_and_checked(tmp_path):
    section = ("model:\n  enabled: true\n  file: model/safety-model.json.gz\n"
               "  crisis_over_emergency: {value}\n  thresholds: {{emergency: 0.7, crisis: 0.5}}")
    assert load_cues(copy_cue_dir(tmp_path / "ok", section.format(value=0.8))
                     ).model_crisis_over_emergency == 0.8
    with pytest.raises(CueError, match="crisis_over_emergency"):
        load_cues(copy_cue_dir(tmp_path / "bad", section.format(value=1.5)))


# "quokka" makes the tiny model all but certain a message is harmless
SURE_NONE = {**TINY, "weights": {**TINY["weights"], "=quokka": [100, 0, 0]}}


def test_the_model_may_overrule_an_escalation_built_from_weaker_cues_only(tmp_path, cues):
    tiny = replace(cues, model=load_model(write_model(tmp_path, SURE_NONE)),
                   model_thresholds={EMERGENCY: 0.5, CRISIS: 0.5},
                   model_crisis_over_emergency=None, model_none_over_weak_cues=None)
    weak = "quokka help, a fight outside"  # "help" and "fight" add up; neither fires alone
    assert assess(weak, cues=tiny).level == EMERGENCY  # off unless settings say a value
    veto = replace(tiny, model_none_over_weak_cues=0.96)
    overruled = assess(weak, cues=veto)
    assert overruled.level == NONE and overruled.overruled
    assert overruled.signals == ("en.help.request", "en.violence.fight", "model:none")
    # the model must be that sure: without "quokka" it is not, and the cues stand
    assert assess("help, a fight outside", cues=veto).level == EMERGENCY


@pytest.mark.parametrize("text", [
    "quokka, a man was stabbed outside",  # a strong cue fires alone
    "quokka, my neighbour is not breathing",  # 911 first
    "quokka, i want to kill myself",
])
def test_a_strong_cue_is_never_overruled(tmp_path, cues, text):
    veto = replace(cues, model=load_model(write_model(tmp_path, SURE_NONE)),
                   model_thresholds={EMERGENCY: 0.5, CRISIS: 0.5},
                   model_none_over_weak_cues=0.5)
    assessment = assess(text, cues=veto)
    assert assessment.level != NONE and not assessment.overruled


def test_none_over_weak_cues_is_read_from_the_settings_and_checked(tmp_path):
    section = ("model:\n  enabled: true\n  file: model/safety-model.json.gz\n"
               "  none_over_weak_cues: {value}\n  thresholds: {{emergency: 0.7, crisis: 0.5}}")
    assert load_cues(copy_cue_dir(tmp_path / "ok", section.format(value=0.97))
                     ).model_none_over_weak_cues == 0.97
    with pytest.raises(CueError, match="none_over_weak_cues"):  # a coin toss may not overrule
        load_cues(copy_cue_dir(tmp_path / "bad", section.format(value=0.3)))


@pytest.fixture(scope="module")
def shipped(cues):
    """The cues with the shipped model at the shipped thresholds, whether or not
    settings.yaml has it switched on."""
    settings = yaml.safe_load((CUE_DIR / "settings.yaml").read_text(encoding="utf-8"))
    backstop = settings["model"]
    return replace(cues, model=load_model(CUE_DIR / backstop["file"]),
                   model_thresholds=backstop["thresholds"],
                   model_crisis_over_emergency=backstop.get("crisis_over_emergency"),
                   model_none_over_weak_cues=backstop.get("none_over_weak_cues"))


# Written for this test after the model was trained, in none of its training sets; the cues
# let each of these through when they were written.
OWN_MISSED_BY_CUES = [
    ("i put all my pills in one jar tonight and wrote my mom a letter", CRISIS),
    ("so tired of pretending, tonight i finally get some quiet for good", CRISIS),
    ("my mom hasnt eaten in days and keeps saying she will join dad soon", CRISIS),
    ("everyone keeps saying it gets better but im done waiting", CRISIS),
    ("my neighbor is lying at the bottom of her stairs and not answering me", EMERGENCY),
    ("the woman upstairs is yelling stop stop and something keeps hitting the floor",
     EMERGENCY),
    ("hes outside my window again with something in his hand, i can see him", EMERGENCY),
    ("water is coming into the basement fast and my mom is down there in her wheelchair",
     EMERGENCY),
]

# Harmless messages that look like danger, also written for this test.
OWN_LOOKALIKES = [
    "the chili at the cookoff was so hot it nearly killed me",
    "my kids built a fort out of the moving boxes, anyway my mailbox was knocked over",
    "last winter a pipe burst and flooded my basement, insurance wants the old report number",
    "someone stole the garden gnome my late wife loved, it had a red hat",
    "the bus driver yelled at my son last week, i want to complain",
    "im dead serious, that truck has been parked there for a month",
    "the fire truck blocked my driveway while they checked the hydrant, no big deal",
    "mi vecino pinto grafiti en mi barda, ya lo borre",
    "cov tub hluas tsoo kuv lub thoob khib nyiab nag hmo",
]


# Crises with a weapon in them, and danger from someone else: written for this test.
OWN_WEAPON_CRISES = [
    "she grabbed a kitchen knife and said she would rather die than go back to the hospital",
]
OWN_WEAPON_EMERGENCIES = [
    "guy at the bus stop has a knife and keeps yelling at people",
    "someone pulled a gun on the cashier at the gas station on 5th right now",
]


@pytest.mark.parametrize("text", OWN_WEAPON_CRISES)
def test_a_weapon_in_a_suicide_threat_gets_the_crisis_reply(shipped, cues, text):
    assert assess(text, cues=replace(cues, model=None)).level == EMERGENCY  # the cues alone
    assessment = assess(text, cues=shipped)
    assert assessment.level == CRISIS and assessment.signals[-1] == "model:crisis"


@pytest.mark.parametrize("text", OWN_WEAPON_EMERGENCIES)
def test_a_weapon_threatening_others_stays_an_emergency(shipped, text):
    assert assess(text, cues=shipped).level == EMERGENCY


@pytest.mark.parametrize(("text", "level"), OWN_MISSED_BY_CUES)
def test_the_model_catches_what_the_cues_miss(shipped, text, level):
    assessment = assess(text, cues=shipped)
    assert assessment.level == level, assessment


@pytest.mark.parametrize("text", OWN_LOOKALIKES)
def test_harmless_lookalikes_stay_none(shipped, text):
    assert assess(text, cues=shipped).level == NONE


@pytest.mark.parametrize("word", ["help", "HELP", "ayuda", "caawi", "pab", "stop", "nres",
                                  "menu", "skip", "yes", "haa"])
def test_a_bare_command_word_is_left_to_the_cues(shipped, word):
    # the resident asked for the help text (or answered the bot), not for 911
    assert shipped.model_min_words == 2
    assert assess(word, cues=shipped).level == NONE


def test_short_messages_are_left_to_the_cues_when_settings_say_so(tmp_path, cues):
    tiny = replace(cues, model=load_model(write_model(tmp_path, TINY)),
                   model_thresholds={EMERGENCY: 0.5, CRISIS: 0.5}, model_min_words=1)
    assert assess("zebra", cues=tiny).level == CRISIS  # the tiny model reads "zebra" as crisis
    assert assess("zebra", cues=replace(tiny, model_min_words=2)).level == NONE
    assert assess("zebra mural", cues=replace(tiny, model_min_words=2)).level == CRISIS
