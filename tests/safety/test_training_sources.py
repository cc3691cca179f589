"""The blind sets kept for measuring never become training data."""

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
    assert measured == ["r10.jsonl", "r12.jsonl", "r15.jsonl", "r16.jsonl", "r29.jsonl",
                        "r30.jsonl", "r37.jsonl", "r38.jsonl", "r43.jsonl", "r44.jsonl",
                        "r49.jsonl", "r50.jsonl", "r55.jsonl", "r56.jsonl", "r61.jsonl",
                        "r62.jsonl", "r67.jsonl", "r68.jsonl", "r77.jsonl", "r78.jsonl"]
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
