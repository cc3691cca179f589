"""Escalations: newest first, the banner on every page, acknowledge with a note."""

from __future__ import annotations

from bot.app import services
from bot.staff import audit


def test_unacknowledged_escalation_stays_on_top_of_every_staff_page(clerk_311, seed):
    report = seed.report()
    seed.escalation(report["contact_id"], body="he has a knife", level="emergency")
    for path in ("/staff/reports", f"/staff/reports/{report['id']}", "/staff/escalations"):
        page = clerk_311.page(path)
        assert "1 escalation waiting for acknowledgement" in page
        assert "he has a knife" in page


def test_escalations_are_listed_newest_first_with_level_signals_and_conversation(clerk_311,
                                                                                 seed):
    first = seed.report()
    second = seed.report()
    seed.escalation(first["contact_id"], body="first worry")
    seed.escalation(second["contact_id"], body="second worry", level="crisis")
    page = clerk_311.page("/staff/escalations")
    assert page.index("second worry") < page.index("first worry")
    assert "CRISIS" in page and "injury" in page and "conversation " in page


def test_acknowledging_with_a_note_clears_the_banner_and_is_audited(clerk_311, seed, app):
    report = seed.report()
    escalation_id = seed.escalation(report["contact_id"], body="i feel unsafe")
    detail = clerk_311.page(f"/staff/escalations/{escalation_id}")
    assert "my bicycle report" in detail  # the conversation
    assert report["reference"] in detail

    response = clerk_311.post(f"/staff/escalations/{escalation_id}/acknowledge",
                              {"note": "called 911 dispatch"}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Escalation acknowledged." in page
    assert "waiting for acknowledgement" not in page
    assert "ana@city.example.gov" in page and "called 911 dispatch" in page

    again = clerk_311.post(f"/staff/escalations/{escalation_id}/acknowledge", {"note": ""},
                           follow_redirects=True)
    assert "Already acknowledged by ana@city.example.gov" in again.get_data(as_text=True)
    with services(app).db.connect() as conn:
        [entry] = [e for e in audit.recent(conn) if e["action"] == "escalation_acknowledged"]
    assert entry["target"] == f"escalation:{escalation_id}"
    assert entry["after"]["note"] == "called 911 dispatch"


def test_unknown_escalation_is_404(clerk_311):
    assert clerk_311.get("/staff/escalations/999").status_code == 404


def test_traffic_staff_see_the_alert_but_not_a_311_conversation(make_user, console, seed):
    theft = seed.report(type="theft", description="my stolen bike")
    escalation_id = seed.escalation(theft["contact_id"], body="i want to hurt myself")
    make_user("tom@city.example.gov", "staff", "traffic")
    console.login("tom@city.example.gov")
    page = console.page(f"/staff/escalations/{escalation_id}")
    assert "i want to hurt myself" in page
    assert "my bicycle report" not in page and theft["reference"] not in page
    assert "belongs to a report of another agency" in page


def test_messages_the_model_kept_from_escalating_are_listed_for_staff(clerk_311, app, phone):
    from bot.safety import NONE, Assessment, assess
    from bot.safety.assessment import OVERRULED

    overruled = Assessment(NONE, ("en.help.request", "en.violence.fight", OVERRULED))
    app.extensions["bot"].engine.assess = (
        lambda text, lang=None: overruled if "pillow" in text else assess(text, lang))
    assert "None in the last 30 days" in clerk_311.page("/staff/escalations")
    phone.send("hi")
    phone.send("help, the kids had a <b>pillow</b> fight")
    page = clerk_311.page("/staff/escalations")
    listed = page[page.index('id="overruled"'):]
    assert "help, the kids had a &lt;b&gt;pillow&lt;/b&gt; fight" in listed  # escaped
    assert "en.violence.fight" in listed and phone.number in listed
    assert "waiting for acknowledgement" not in page  # not an escalation
