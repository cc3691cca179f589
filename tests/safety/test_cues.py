"""Loading the cue files: compiled once, and every mistake an administrator can make is
reported with the file, the cue and the reason."""

from __future__ import annotations

import pytest

from bot.safety import CueError, load_cues
from bot.safety.__main__ import main as check_cues

from .conftest import BROKEN, CUE_DIR


def test_shipped_cues_load_with_every_language(cues):
    assert set(cues.languages) == {"en", "es", "so", "hmn"}
    assert {cue.level for cue in cues.cues} == {"emergency", "crisis"}


def test_cues_are_compiled_once_per_directory():
    assert load_cues(CUE_DIR) is load_cues(CUE_DIR)
    assert load_cues() is load_cues(CUE_DIR)


def test_check_command_summarises_a_good_directory(capsys):
    assert check_cues([str(CUE_DIR)]) == 0
    assert "ok:" in capsys.readouterr().out


# broken file, where it goes in the copied directory, the cue named, words of the reason
BROKEN_CASES = [
    ("bad_regex.yaml", "lexicons/xx.yaml", "xx.weapon.gun", "does not compile"),
    ("weight_too_high.yaml", "lexicons/xx.yaml", "xx.fire.flames", "weight: 1.5"),
    ("duplicate_id.yaml", "lexicons/xx.yaml", "xx.fire.flames", "duplicate id"),
    ("unknown_level.yaml", "lexicons/xx.yaml", "xx.medical.bleeding", "'urgent' is not one of"),
    ("unknown_fragment.yaml", "lexicons/xx.yaml", "xx.weapon.carried",
     "unknown fragment {weapon}"),
    ("capital_letters.yaml", "lexicons/xx.yaml", "xx.weapon.gun", "capital letters"),
    ("matches_empty.yaml", "lexicons/xx.yaml", "xx.help.words", "matches empty text"),
    ("missing_patterns.yaml", "lexicons/xx.yaml", "xx.crisis.words",
     "'patterns' is a required property"),
    ("wrong_language.yaml", "lexicons/xx.yaml", None, "name it es.yaml"),
    ("id_prefix.yaml", "lexicons/xx.yaml", "en.fire.flames", "must start with 'xx.'"),
    ("not_yaml.yaml", "lexicons/xx.yaml", None, "not valid YAML"),
    ("settings_threshold.yaml", "settings.yaml", None, "threshold: 0"),
    ("outranks_wrong_level.yaml", "lexicons/xx.yaml", "xx.medical.unconscious",
     "outranks_emergency is for crisis cues only"),
]


def test_every_broken_file_has_a_case():
    assert {p.name for p in BROKEN.glob("*.yaml")} == {case[0] for case in BROKEN_CASES}


@pytest.mark.parametrize(("broken", "target", "cue", "reason"), BROKEN_CASES,
                         ids=[case[0] for case in BROKEN_CASES])
def test_broken_cue_file_is_reported_with_file_cue_and_reason(cue_dir_with, broken, target,
                                                              cue, reason):
    directory = cue_dir_with(broken, target)
    with pytest.raises(CueError) as caught:
        load_cues(directory)
    error = caught.value
    assert error.file.endswith(target)
    assert target in str(error)
    assert error.cue == cue
    if cue:
        assert f"cue '{cue}'" in str(error)
    assert reason in error.reason


def test_check_command_prints_the_error_for_a_broken_directory(cue_dir_with, capsys):
    directory = cue_dir_with("bad_regex.yaml", "lexicons/xx.yaml")
    assert check_cues([str(directory)]) == 1
    assert "xx.weapon.gun" in capsys.readouterr().err


def test_missing_directory_is_a_cue_error(tmp_path):
    with pytest.raises(CueError, match="cannot read"):
        load_cues(tmp_path / "nowhere")
