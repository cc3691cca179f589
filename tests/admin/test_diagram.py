"""The diagram is drawn from the compiled state machine, on the server, as plain SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from bot.admin import diagram
from bot.conversation.compiler import CompiledFlow
from bot.conversation.loader import check_source
from tests.admin.conftest import seed_text

SVG = "{http://www.w3.org/2000/svg}"


def compile_text(text: str) -> CompiledFlow:
    flow, _ = check_source(text, "draft", ["en", "es", "so", "hmn"])
    return CompiledFlow(flow)


def nodes(svg: str) -> dict[str, str]:
    root = ElementTree.fromstring(svg)
    return {g.get("data-step"): g.get("class") for g in root.iter(f"{SVG}g")
            if g.get("data-step")}


def test_every_state_of_the_machine_is_a_box_and_every_transition_an_arrow():
    compiled = compile_text(seed_text("theft"))
    svg = diagram.render(compiled)
    assert set(nodes(svg)) == set(compiled.machine.states)
    edges = diagram.machine_edges(compiled)
    assert ("item", "where", "go") in {(e.source, e.dest, e.kind) for e in edges}
    assert ("confirm", "where", "edit") in {(e.source, e.dest, e.kind) for e in edges}
    assert svg.count('class="edge go"') == 7 and "<script" not in svg


def test_a_step_nothing_reaches_is_drawn_in_red():
    text = seed_text("theft").replace("  when:\n", "  lost:\n    type: text\n    field: x\n"
                                      "    prompt: {en: a, es: a, so: a, hmn: a}\n"
                                      "    next: when\n  when:\n")
    found = nodes(diagram.render(compile_text(text)))
    assert "unreachable" in found["lost"] and "unreachable" not in found["where"]


def test_answers_that_lead_different_ways_label_their_arrows():
    text = seed_text("theft").replace(
        "        keywords: {en: [bike, bicycle, scooter, ebike]",
        "        next: photos\n        keywords: {en: [bike, bicycle, scooter, ebike]")
    edges = diagram.machine_edges(compile_text(text))
    assert ("item", "photos", "bicycle") in {(e.source, e.dest, e.label) for e in edges}
    assert "bicycle" in diagram.render(compile_text(text))
