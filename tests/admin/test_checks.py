"""Before publishing, every draft is checked; each error names its step and says how to fix it.

tests/admin/broken/ holds one small broken draft per error (one change to valid_demo.yaml);
its `# expect:` lines are what the administrator must read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.admin.checks import SOFT_LIMIT, check_flow, check_routing
from bot.conversation.loader import load_source
from bot.conversation.texts import SystemTexts
from bot.routing import RoutingTable
from tests.admin.conftest import FLOWS, seed_text

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
TEXTS = SystemTexts.load(FLOWS / "system.yaml")
ROUTING = RoutingTable.load(ROOT / "config" / "routing.yaml")
SHIPPED = ("intake", "theft", "damage", "parking")


def live_flows() -> dict:
    return {n: load_source(seed_text(n), f"{n}.yaml", TEXTS.languages) for n in SHIPPED}


def check_demo(text: str):
    return check_flow(text, "demo", TEXTS, live_flows(), ROUTING)


def broken_cases() -> list:
    cases = []
    for path in sorted((HERE / "broken").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        expected = [line.removeprefix("# expect: ") for line in text.splitlines()
                    if line.startswith("# expect: ")]
        cases.append(pytest.param(text, expected, id=path.stem))
    return cases


def test_the_demo_every_broken_draft_starts_from_is_valid():
    verdict = check_demo((HERE / "valid_demo.yaml").read_text(encoding="utf-8"))
    assert verdict.publishable, [str(f) for f in verdict.findings]


@pytest.mark.parametrize("text, expected", broken_cases())
def test_each_broken_draft_is_refused_with_its_step_and_the_fix(text, expected):
    verdict = check_demo(text)
    assert not verdict.publishable
    what, fix = expected
    matching = [f for f in verdict.errors if what in str(f)]
    assert matching, f"no error like {what!r} in {[str(f) for f in verdict.errors]}"
    assert any(fix in str(f) for f in matching), [str(f) for f in matching]
    assert all(f.line for f in matching), "every error points at a line of the draft"


def test_an_error_points_at_the_line_of_its_step():
    text = (HERE / "broken" / "unreachable_step.yaml").read_text(encoding="utf-8")
    [error] = check_demo(text).errors
    assert text.splitlines()[error.line - 1] == "  orphan:"


def test_a_yaml_syntax_error_gives_its_line():
    text = (HERE / "broken" / "not_yaml.yaml").read_text(encoding="utf-8")
    [error] = check_demo(text).errors
    assert text.splitlines()[error.line - 1].startswith("title: {en: [Demo,")


def test_a_reply_over_320_characters_is_a_warning_that_does_not_block():
    text = (HERE / "valid_demo.yaml").read_text(encoding="utf-8").replace(
        '"¿Dónde?"', '"' + "¿Dónde? " * 45 + '"')
    verdict = check_demo(text)
    assert verdict.publishable
    [warning] = verdict.warnings
    assert warning.step == "where" and f"aim for {SOFT_LIMIT} or less" in warning.message
    assert "'es'" in warning.message and "SMS segments" in warning.message


def test_the_whole_reply_counts_not_just_the_question():
    long = "x" * 240  # each label is fine alone; seven of them make the reply too long
    extra = "".join(f"      - value: choice_{i}\n"
                    f"        label: {{en: {long}, es: {long}, so: {long}, hmn: {long}}}\n"
                    for i in range(7))
    text = (HERE / "valid_demo.yaml").read_text(encoding="utf-8").replace(
        "    next: where\n", extra + "    next: where\n", 1)
    verdict = check_demo(text)
    assert any(f.step == "item" and "SMS refuses more than 1600" in f.message
               for f in verdict.errors), [str(f) for f in verdict.findings]


def test_there_is_no_flow_key_that_switches_off_safety_or_commands():
    import json

    schema = json.loads((FLOWS / "flow.schema.json").read_text(encoding="utf-8"))
    keys = set(schema["properties"]) | set(schema["$defs"]["step"]["properties"]) | set(
        schema["$defs"]["choice"]["properties"])
    assert not {k for k in keys if any(w in k for w in ("safe", "command", "escalat", "stop"))}
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["step"]["additionalProperties"] is False


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_flow_passes_the_publish_checks(name):
    verdict = check_flow(seed_text(name), name, TEXTS, live_flows(), ROUTING)
    assert verdict.publishable, [str(f) for f in verdict.errors]
    assert verdict.review == {"so": "machine-drafted", "hmn": "machine-drafted"}


def test_intake_that_no_longer_offers_a_flow_gets_a_warning():
    text = seed_text("intake").replace("        goto: parking\n", "        goto: theft\n")
    verdict = check_flow(text, "intake", TEXTS, live_flows(), ROUTING)
    assert verdict.publishable
    assert any("no choice hands over to flow 'parking'" in f.message for f in verdict.warnings)


# --- routing -------------------------------------------------------------------------------

ROUTING_TEXT = (ROOT / "config" / "routing.yaml").read_text(encoding="utf-8")


def test_the_shipped_routing_table_passes():
    verdict = check_routing(ROUTING_TEXT, TEXTS, live_flows())
    assert verdict.publishable, [str(f) for f in verdict.findings]


def test_a_routing_table_without_a_route_for_a_live_report_type_is_refused():
    text = ROUTING_TEXT.replace("  - {type: parking, agency: traffic}\n", "")
    [error] = check_routing(text, TEXTS, live_flows()).errors
    assert "flow 'parking' files 'parking' reports and no route sends them" in error.message
    assert "add - {type: parking, agency: <key>}" in error.message


def test_a_route_to_an_unknown_agency_is_refused():
    text = ROUTING_TEXT.replace("{type: parking, agency: traffic}", "{type: parking, agency: tow}")
    [error] = check_routing(text, TEXTS, live_flows()).errors
    assert "unknown agency 'tow'" in error.message and "known: city311, traffic" in error.message


def test_an_agency_without_a_name_in_every_language_is_refused():
    text = ROUTING_TEXT.replace(", hmn: Chaw Tswj Kev Tsheb}", "}")
    [error] = check_routing(text, TEXTS, live_flows()).errors
    assert str(error).endswith("agency 'traffic': has no name in 'hmn' (residents read it when "
                               "their report is sent): add hmn: ... under name")
    assert error.line == text.splitlines().index("    name: {en: Traffic Control, es: Control "
                                                 "de Tránsito, so: Xakamaynta Gaadiidka}") + 1


def test_a_repeated_route_is_refused_and_a_route_for_an_unknown_subtype_warned():
    text = ROUTING_TEXT.replace(
        "  - {type: parking, agency: traffic}\n",
        "  - {type: parking, agency: traffic}\n  - {type: parking, agency: city311}\n"
        "  - {type: theft, subtype: boat, agency: traffic}\n")
    verdict = check_routing(text, TEXTS, live_flows())
    assert [f.subject for f in verdict.errors] == ["route 4 (parking)"]
    assert "repeats route 3" in verdict.errors[0].message
    assert any("has no subtype 'boat'" in f.message for f in verdict.warnings)
