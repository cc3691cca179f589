"""The measuring command: figures a person can read, and clear errors on bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.safety.evaluate import main

from .conftest import DEV_FILE, HELDOUT, ROOT


def test_heldout_report_shows_figures_and_meets_targets(capsys):
    assert main([str(HELDOUT), "--strict"]) == 0
    out = capsys.readouterr().out
    for heading in ("precision", "recall", "false escalation on none",
                    "confusion (rows expected, columns assessed)", "misses:"):
        assert heading in out
    assert "targets" in out and "met" in out


def test_heldout_covers_every_language_and_level():
    import json

    rows = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 55
    assert {r["lang"] for r in rows} == {"en", "es", "so", "hmn"}
    assert {r["label"] for r in rows} == {"none", "emergency", "crisis"}


def test_each_miss_is_listed_with_id_expected_got_text_and_signals(tmp_path, capsys):
    labelled = tmp_path / "wrong.jsonl"
    labelled.write_text('{"id": "x1", "text": "grease flames all over my stove", '
                        '"lang": "en", "label": "none"}\n', encoding="utf-8")
    assert main([str(labelled)]) == 0
    out = capsys.readouterr().out
    assert "x1 expected none, got emergency: 'grease flames all over my stove'" in out
    assert "en.fire.burning" in out
    assert main([str(labelled), "--strict"]) == 1


@pytest.mark.parametrize(("content", "message"), [
    ("{not json\n", "line 1: not valid JSON"),
    ('{"text": "hi", "label": "maybe"}\n', "\"label\" must be one of"),
    ('{"label": "none"}\n', "needs a \"text\" string"),
    ("\n", "no labelled lines"),
])
def test_bad_input_is_a_clear_error_not_a_traceback(tmp_path, capsys, content, message):
    labelled = tmp_path / "bad.jsonl"
    labelled.write_text(content, encoding="utf-8")
    assert main([str(labelled)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err


def test_missing_file_from_the_command_line():
    result = subprocess.run([sys.executable, "-m", "bot.safety.evaluate", "no/such.jsonl"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "error: cannot read no/such.jsonl" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not DEV_FILE.is_file(), reason="shared dev set not present")
def test_dev_set_meets_the_targets(capsys):
    assert main([str(DEV_FILE), "--strict"]) == 0


PROBES = sorted((HELDOUT.parent / "probes").glob("*.jsonl"))


@pytest.mark.parametrize("probe", PROBES, ids=[p.stem for p in PROBES])
def test_families_fixed_after_each_blind_probe_stay_fixed(probe, capsys):
    assert main([str(probe), "--strict"]) == 0, capsys.readouterr().out


def test_every_blind_probe_is_kept():
    assert [p.stem for p in PROBES] == ["r11", "r13", "r14", "r5", "r6", "r7", "r8", "r8a"]
