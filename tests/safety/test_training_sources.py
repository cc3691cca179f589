"""The blind sets kept for measuring never become training data."""

import dataclasses
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEASURE = ROOT / "tests" / "safety" / "data" / "measure"


def _training_script():
    spec = importlib.util.spec_from_file_location(
        "train_safety_model", ROOT / "tools" / "train_safety_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_measuring_sets_are_not_training_data():
    measured = sorted(p.name for p in MEASURE.glob("*.jsonl"))
    assert measured == ["r10.jsonl", "r101.jsonl", "r102.jsonl", "r105.jsonl", "r106.jsonl",
                        "r111.jsonl", "r112.jsonl", "r117.jsonl", "r118.jsonl", "r12.jsonl",
                        "r123.jsonl", "r124.jsonl", "r129.jsonl", "r130.jsonl", "r135.jsonl",
                        "r136.jsonl", "r141.jsonl", "r142.jsonl", "r147.jsonl", "r148.jsonl",
                        "r15.jsonl", "r151.jsonl", "r153.jsonl", "r155.jsonl", "r158.jsonl",
                        "r16.jsonl", "r161.jsonl", "r162.jsonl", "r163.jsonl", "r164.jsonl",
                        "r165.jsonl", "r169.jsonl", "r171.jsonl", "r173.jsonl",
                        "r175.jsonl", "r177.jsonl", "r179.jsonl", "r181.jsonl",
                        "r183.jsonl", "r185.jsonl", "r189.jsonl", "r193.jsonl",
                        "r197.jsonl", "r201.jsonl", "r205.jsonl", "r209.jsonl",
                        "r211.jsonl", "r213.jsonl", "r215.jsonl", "r217.jsonl",
                        "r219.jsonl", "r221.jsonl", "r223.jsonl", "r225.jsonl",
                        "r227.jsonl", "r229.jsonl", "r231.jsonl", "r233.jsonl",
                        "r235.jsonl", "r237.jsonl", "r239.jsonl", "r241.jsonl",
                        "r243.jsonl", "r245.jsonl", "r247.jsonl", "r249.jsonl",
                        "r251.jsonl", "r253.jsonl", "r255.jsonl", "r257.jsonl",
                        "r259.jsonl", "r261.jsonl", "r263.jsonl", "r265.jsonl",
                        "r267.jsonl", "r269.jsonl", "r271.jsonl", "r273.jsonl",
                        "r275.jsonl", "r277.jsonl", "r279.jsonl", "r281.jsonl",
                        "r283.jsonl", "r285.jsonl", "r287.jsonl", "r289.jsonl",
                        "r29.jsonl", "r291.jsonl", "r293.jsonl", "r295.jsonl",
                        "r297.jsonl", "r299.jsonl", "r30.jsonl", "r301.jsonl",
                        "r303.jsonl", "r305.jsonl", "r307.jsonl", "r309.jsonl",
                        "r311.jsonl", "r313.jsonl", "r315.jsonl", "r317.jsonl",
                        "r319.jsonl", "r321.jsonl", "r323.jsonl", "r325.jsonl",
                        "r327.jsonl", "r329.jsonl", "r331.jsonl", "r333.jsonl",
                        "r335.jsonl", "r337.jsonl", "r339.jsonl", "r341.jsonl",
                        "r343.jsonl", "r345.jsonl", "r347.jsonl", "r349.jsonl",
                        "r351.jsonl", "r353.jsonl", "r355.jsonl", "r357.jsonl",
                        "r359.jsonl", "r369.jsonl",
                        "r37.jsonl", "r371.jsonl", "r373.jsonl", "r375.jsonl",
                        "r377.jsonl", "r379.jsonl", "r38.jsonl", "r381.jsonl", "r383.jsonl",
                        "r43.jsonl", "r44.jsonl", "r49.jsonl",
                        "r50.jsonl", "r55.jsonl", "r56.jsonl", "r61.jsonl", "r62.jsonl",
                        "r67.jsonl", "r68.jsonl", "r77.jsonl", "r78.jsonl", "r83.jsonl",
                        "r84.jsonl", "r85.jsonl", "r86.jsonl", "r95.jsonl", "r96.jsonl"]
    sources = _training_script().source_files()
    assert sources, "the training script found no data"
    assert not [p for p in sources if p.name in measured or MEASURE in p.parents]


def test_a_measuring_set_copied_elsewhere_is_refused(tmp_path, monkeypatch):
    script = _training_script()
    copied = tmp_path / "probes" / "r15.jsonl"
    copied.parent.mkdir()
    copied.write_text((MEASURE / "r15.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(script, "DATA", tmp_path)
    monkeypatch.setattr(script, "MEASURE", tmp_path / "measure")
    try:
        script.source_files()
    except SystemExit as refused:
        assert "r15.jsonl" in str(refused)
    else:
        raise AssertionError("a copy of r15 was taken as training data")


class _FixedModel:
    """Stands in for the trained model: the same probabilities for every message."""

    def __init__(self, **probabilities):
        self.probabilities_ = {"none": 0.0, "emergency": 0.0, "crisis": 0.0, **probabilities}

    def probabilities(self, _normalized):
        return self.probabilities_


def _line(script, text, label, rules=None, weak=False):
    return script.Line("training", text, None, label, text, rules or label, False, weak)


def test_a_harmless_test_message_moves_the_threshold_it_would_cross():
    script = _training_script()
    joke = _line(script, "not going to end it over a ticket lol", "none")
    thresholds, over, veto, moved = script.keep_test_verdicts(
        _FixedModel(none=0.49, crisis=0.51), [joke], {"emergency": 0.55, "crisis": 0.475},
        0.525, 0.925, min_words=2)
    assert thresholds == {"emergency": 0.55, "crisis": 0.525}
    assert (over, veto) == (0.525, 0.925)
    assert len(moved) == 1 and "crisis threshold -> 0.525" in moved[0] and joke.text in moved[0]


def test_an_escalation_the_tests_assert_is_not_overruled():
    script = _training_script()
    fight = _line(script, "two guys swinging at each other out front", "emergency", weak=True)
    thresholds, _, veto, moved = script.keep_test_verdicts(
        _FixedModel(none=0.95, emergency=0.05), [fight], {"emergency": 0.55, "crisis": 0.5},
        0.525, 0.925, min_words=2)
    assert veto == 0.96 and thresholds == {"emergency": 0.55, "crisis": 0.5}
    assert "none_over_weak_cues -> 0.96" in moved[0]


def test_settings_that_keep_every_verdict_stay_as_picked():
    script = _training_script()
    lines = [_line(script, "blue honda blocking the alley", "none"),
             _line(script, "yes", "none")]
    picked = {"emergency": 0.55, "crisis": 0.5}
    assert script.keep_test_verdicts(_FixedModel(none=0.9, crisis=0.1), lines, picked, 0.525,
                                     0.925, min_words=2) == (picked, 0.525, 0.925, [])


def test_a_test_message_is_taught_as_the_verdict_its_test_asserts():
    # a message the cues leave alone but whose test expects a crisis (the model gives it)
    # must be taught as a crisis: taught as "none", the threshold step would raise the
    # crisis threshold until the model stopped giving it, as happened in session 13
    script = _training_script()
    from bot.safety.cues import load_cues
    cues = dataclasses.replace(load_cues(), model=None)
    lines = script.labelled_test_lines({
        "some nights i lie awake hoping to just drift off for good": ("crisis", None),
        "blue honda blocking the alley again": (None, None),
        "hay un hombre con una pistola en la tienda ahora mismo": (None, "es"),
    }, cues)
    by_text = {line.text: line for line in lines}
    wish = by_text["some nights i lie awake hoping to just drift off for good"]
    assert (wish.label, wish.rules) == ("crisis", "none")
    assert by_text["blue honda blocking the alley again"].label == "none"
    gun = by_text["hay un hombre con una pistola en la tienda ahora mismo"]
    assert (gun.label, gun.lang) == ("emergency", "es")
    # and they count more than a line of a blind set in the fit, so the model learns the
    # promise instead of a threshold moving for every message to keep it
    assert script.TEST_WEIGHT > 1
    assert {line.weight for line in lines} == {script.TEST_WEIGHT}


def test_a_labelled_row_is_a_promise_as_a_named_message_is():
    # the routine-answers test takes each message as a `row` of routine_none.jsonl; a
    # retrain that missed them sent "im done." (the answer at the photo step) to the crisis
    # reply in session 20
    script = _training_script()
    row = {"id": "routine1", "text": "im done.", "lang": "en", "label": "none"}
    assert script.asserted_case({"row": row}) == ("im done.", "none", "en")
    assert script.asserted_case({"text": "hay humo", "expected": "emergency", "lang": "es"}) == (
        "hay humo", "emergency", "es")
    assert script.asserted_case({"text": "yes"}) == ("yes", None, None)
    assert script.asserted_case({"row": {"id": "x"}}) is None
    assert script.asserted_case({"count": 3}) is None
