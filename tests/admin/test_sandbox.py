"""The simulator's sandbox: the real engine on a throwaway database, rebuilt per request."""

from __future__ import annotations

from bot.admin.sandbox import Said, Sandbox
from bot.config import ROOT, load_config
from bot.conversation.texts import SystemTexts
from tests.admin.conftest import FLOWS, seed_text

TEXTS = SystemTexts.load(FLOWS / "system.yaml")
ROUTING = (ROOT / "config" / "routing.yaml").read_text(encoding="utf-8")


def sandbox(theft: str | None = None) -> Sandbox:
    sources = {n: seed_text(n) for n in ("intake", "theft", "damage", "parking")}
    if theft is not None:
        sources["theft"] = theft
    return Sandbox(TEXTS, sources, ROUTING, load_config({}), FLOWS)


def test_the_draft_is_what_the_resident_meets():
    draft = seed_text("theft").replace("What was stolen?", "What was taken from you?")
    [menu, item] = sandbox(draft).replay([Said("hi"), Said("1")])
    assert "What do you want to report?" in menu.replies[0]
    assert "What was taken from you?" in item.replies[0]


def test_any_worker_answers_the_same_from_the_transcript_alone():
    said = [Said("my bike was stolen"), Said("120 Main St"), Said("BACK")]
    first = [a.replies for a in sandbox().replay(said)]
    again = [a.replies for a in sandbox().replay(said)]  # another request, maybe another worker
    assert first == again and "Where did it happen" in first[-1][0]


def test_safety_and_photos_work_in_the_sandbox_and_no_alert_is_sent():
    said = [Said("someone stole my bike"), Said("120 Main St"), Said("yesterday 3pm"),
            Said("red bike"), Said("", photo=True), Said("I want to kill myself")]
    answered = sandbox().replay(said)
    assert answered[4].replies[0] == "Got 1 photo(s)."
    assert answered[5].escalation == "crisis" and "988" in answered[5].replies[0]
