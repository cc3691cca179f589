"""An emergency or a crisis wins over everything, at every step, even with the database down."""

from __future__ import annotations

import json

import pytest

from bot import create_app
from bot.outbound import verify
from bot.storage.tables import conversations, escalations, reports
from tests.conftest import Phone
from tests.helpers import count, db

ONCALL = "+13125550900"
SECRET = "oncall-secret"
EMERGENCY = "there's a man with a gun outside my door right now"
CRISIS = "i don't want to live anymore, i'm going to end it tonight"

# Answers that walk each flow from its first question to the confirm summary.
WALKS = {
    "theft": ["hi", "1", "1", "120 Main St", "yesterday", "red bike", "skip", "yes"],
    "damage": ["hi", "2", "3", "Oak Ave & 5th St", "this morning", "window smashed", "skip", "no"],
    "parking": ["hi", "3", "1", "455 Elm St", "now", "silver civic", "skip", "yes"],
}
STEPS = {
    "theft": ["kind", "item", "where", "when", "description", "photos", "contact", "confirm"],
    "damage": ["kind", "what", "where", "when", "description", "photos", "contact", "confirm"],
    "parking": ["kind", "problem", "where", "when", "description", "photos", "contact",
                "confirm"],
}


@pytest.fixture
def config(config, fake_webhook):
    return {**config, "ONCALL_SMS": [ONCALL], "ONCALL_WEBHOOK_URL": fake_webhook.url,
            "ONCALL_WEBHOOK_SECRET": SECRET, "TEXT_TO_911": True}


def escalation_rows(app):
    with db(app).connect() as conn:
        return [dict(r) for r in conn.execute(escalations.select().order_by(escalations.c.id))
                .mappings()]


def test_an_emergency_first_message_says_call_911_and_alerts_on_call(app, phone, fake_twilio,
                                                                    fake_webhook):
    reply = phone.send(EMERGENCY)
    assert "call 911 now" in reply and "text 911" in reply
    (row,) = escalation_rows(app)
    assert row["level"] == "emergency" and row["signals"]
    assert row["body"] == EMERGENCY
    app.extensions["bot"].sender.drain(10)
    (alert,) = [m for m in fake_twilio.messages if m.to == ONCALL]
    assert phone.number in alert.body and "gun" in alert.body
    assert f"/staff/escalations/{row['id']}" in alert.body
    (post,) = fake_webhook.received
    assert verify(SECRET, post.body, post.headers["X-Bot-Signature"])
    payload = json.loads(post.body)
    assert payload["level"] == "emergency" and payload["resident"] == phone.number


def test_a_crisis_gets_988_and_911(app, phone):
    reply = phone.send(CRISIS)
    assert "988" in reply and "911" in reply
    assert escalation_rows(app)[0]["level"] == "crisis"


@pytest.mark.parametrize("flow", sorted(WALKS))
def test_escalation_at_every_step_pauses_the_flow_and_it_can_go_on(app, make_phone, flow):
    for depth, step in enumerate(STEPS[flow], 1):
        phone = make_phone(f"+1312555{depth:02d}{len(flow):02d}")
        for text in WALKS[flow][:depth]:
            phone.send(text)
        reply = phone.send(f"my neighbor is bleeding and not breathing, step {step}")
        assert "call 911" in reply, (flow, step)
        assert "Welcome back" in phone.send("hello"), (flow, step)
        resumed = phone.send("1")
        assert "Please" not in resumed.split("\n")[0] or step == "confirm", (flow, step, resumed)
    rows = escalation_rows(app)
    assert len(rows) == len(STEPS[flow])
    assert [r["step"] for r in rows] == STEPS[flow]
    assert count(app, reports) == 0


def test_location_known_to_the_conversation_goes_with_the_alert(app, phone, fake_twilio):
    for text in WALKS["theft"][:4]:
        phone.send(text)
    phone.send("wait, the guy who took it is back and he has a knife")
    app.extensions["bot"].sender.drain(10)
    (alert,) = [m for m in fake_twilio.messages if m.to == ONCALL]
    assert "120 Main St" in alert.body
    assert escalation_rows(app)[0]["location"] == "120 Main St"


def test_a_signal_at_the_end_of_a_long_report_still_escalates(app, phone):
    long_text = "My bike was taken from the rack near the library. " * 40
    reply = phone.send(long_text + " Now he is coming back with a knife")
    assert "911" in reply


def test_a_past_theft_is_not_an_emergency(app, phone):
    reply = phone.send("someone broke into my car last night and stole my stereo")
    assert "911 now" not in reply
    assert escalation_rows(app) == []


@pytest.mark.parametrize("text, level", [
    ("Hay un hombre con un cuchillo en mi casa ahora mismo", "emergency"),
    ("Ya no quiero vivir, me quiero matar", "crisis"),
    ("Guriga dab ayaa ka kacay hadda, caawa", "emergency"),
    ("Waxaan doonayaa inaan is dilo", "crisis"),
    ("Muaj ib tug neeg tuav phom nyob ntawm kuv qhov rooj", "emergency"),
    ("Kuv xav tua kuv tus kheej", "crisis"),
])
def test_escalation_in_four_languages(app, phone, text, level):
    reply = phone.send(text)
    assert "911" in reply
    assert escalation_rows(app)[0]["level"] == level


def test_spanish_resident_gets_the_escalation_in_spanish(app, phone):
    phone.send("ES")
    reply = phone.send("alguien está entrando a mi casa ahora")
    assert "llame al 911" in reply


def test_with_the_database_down_an_emergency_still_gets_911(config, fake_twilio):
    down = create_app({**config,
                       "DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:9/none"})
    phone = Phone(down.test_client(), fake_twilio.auth_token)
    try:
        assert "call 911 now" in phone.send(EMERGENCY)
        assert "988" in phone.send(CRISIS)
        assert "try again in a few minutes" in phone.send("my bike was stolen")
    finally:
        down.extensions["bot"].sender.close()


def test_conversation_stays_paused_not_lost(app, phone):
    for text in WALKS["parking"][:4]:
        phone.send(text)
    phone.send("someone just pulled a gun on me")
    with db(app).connect() as conn:
        conv = conn.execute(conversations.select()).mappings().one()
    assert conv["status"] == "active" and conv["state"] == "when"
    assert conv["data"]["answers"]["location"]["normalized"] == "455 Elm St"


def test_an_escalation_the_model_overruled_is_kept_for_staff_and_the_flow_goes_on(app, phone):
    from bot.safety import NONE, Assessment, assess
    from bot.safety.assessment import OVERRULED
    from bot.storage.tables import events

    overruled = Assessment(NONE, ("en.help.request", "en.violence.fight", OVERRULED))
    app.extensions["bot"].engine.assess = (
        lambda text, lang=None: overruled if "pillow fight" in text else assess(text, lang))
    phone.send("hi")
    reply = phone.send("help, the kids had a pillow fight and broke my lamp")
    assert "911" not in reply and "988" not in reply
    assert escalation_rows(app) == []
    with db(app).connect() as conn:
        kinds = {r.kind: r.data for r in conn.execute(events.select())}
    assert kinds["escalation_overruled"]["signals"] == list(overruled.signals)
    assert "escalated" not in kinds
