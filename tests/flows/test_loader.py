"""A broken flow file is refused with its file, step and reason; the shipped flows load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import create_app
from bot.conversation.loader import FlowError, check_source, load_source

BROKEN = Path(__file__).parent / "broken"
FLOWS = Path(__file__).resolve().parents[2] / "flows"


def broken_cases() -> list:
    cases = []
    for path in sorted(BROKEN.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        cases.append(pytest.param(path, first.removeprefix("# expect: "), id=path.stem))
    return cases


@pytest.mark.parametrize("path, expected", broken_cases())
def test_each_broken_flow_names_its_step_and_reason(path, expected):
    text = path.read_text(encoding="utf-8").replace("PLACEHOLDER_1700", "x" * 1700)
    with pytest.raises(FlowError) as caught:
        load_source(text, path.name, ["en", "es"])
    message = str(caught.value)
    assert path.name in message
    assert expected in message


def test_a_long_prompt_is_a_warning_not_an_error():
    text = (BROKEN / "too_long_prompt.yaml").read_text().replace("PLACEHOLDER_1700", "y" * 400)
    flow, problems = check_source(text, "demo.yaml", ["en", "es"])
    assert flow is not None
    assert [p.level for p in problems] == ["warning"]
    assert "aim for 320" in str(problems[0])


def test_every_shipped_flow_is_valid():
    for path in FLOWS.glob("*.yaml"):
        if path.name != "system.yaml":
            load_source(path.read_text(encoding="utf-8"), path.name, ["en", "es"])


def test_the_app_refuses_to_start_with_a_broken_flow(tmp_path, config):
    flows = tmp_path / "flows"
    shutil.copytree(FLOWS, flows)
    shutil.copy(BROKEN / "invalid_next_step.yaml", flows / "theft.yaml")
    with pytest.raises(FlowError) as caught:
        create_app({**config, "FLOWS_DIR": str(flows)})
    assert "theft.yaml" in str(caught.value) and "step 'item'" in str(caught.value)


def test_a_flow_handing_over_to_a_missing_flow_is_refused(tmp_path, config):
    flows = tmp_path / "flows"
    shutil.copytree(FLOWS, flows)
    (flows / "parking.yaml").unlink()
    with pytest.raises(FlowError) as caught:
        create_app({**config, "FLOWS_DIR": str(flows)})
    assert "hands over to flow 'parking'" in str(caught.value)
