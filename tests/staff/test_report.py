"""A report's page and what staff do on it: status, notes, replies, reassignment, audit."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import services
from bot.staff import audit
from bot.storage.tables import reports
from tests.staff.conftest import wait_for_outbound


def _status(app, report_id: int) -> str:
    with services(app).db.connect() as conn:
        return conn.execute(select(reports.c.status).where(reports.c.id == report_id)).scalar()


def test_report_page_shows_fields_transcript_and_routing(clerk_311, seed):
    report = seed.report(description="Red Trek bike <b>locked</b>", location="120 Main St")
    page = clerk_311.page(f"/staff/reports/{report['id']}")
    assert report["reference"] in page
    assert "Red Trek bike &lt;b&gt;locked&lt;/b&gt;" in page
    assert "120 Main St" in page
    assert "my bicycle report" in page and "Thank you, we got it." in page  # transcript
    assert "routing table" in page and "City 311" in page  # routing history
    assert "subtype" in page and "bicycle" in page  # all answers


def test_status_moves_through_the_workflow_and_closing_needs_a_reason(clerk_311, seed, app):
    report = seed.report()
    path = f"/staff/reports/{report['id']}/status"
    for status in ("in_review", "referred", "resolved"):
        assert clerk_311.post(path, {"status-status": status}).status_code == 302
        assert _status(app, report["id"]) == status

    refused = clerk_311.post(path, {"status-status": "closed"}, follow_redirects=True)
    assert "Give a reason to mark a report closed." in refused.get_data(as_text=True)
    assert _status(app, report["id"]) == "resolved"

    clerk_311.post(path, {"status-status": "closed", "status-reason": "bike recovered"})
    assert _status(app, report["id"]) == "closed"
    backwards = clerk_311.post(path, {"status-status": "referred"}, follow_redirects=True)
    assert "cannot become referred" in backwards.get_data(as_text=True)


def test_spanish_resident_is_told_of_a_status_change_in_spanish(clerk_311, seed, app,
                                                                  fake_twilio):
    report = seed.report(language="es", phone="+13125550177")
    clerk_311.post(f"/staff/reports/{report['id']}/status", {"status-status": "in_review"})
    wait_for_outbound(app)
    [sms] = fake_twilio.messages
    assert sms.to == "+13125550177"
    assert sms.body.startswith(f"Novedad del reporte {report['reference']}")
    assert "311 de la Ciudad" in sms.body
    page = clerk_311.page(f"/staff/reports/{report['id']}")
    assert "Status notice" in page and "Novedad del reporte" in page


def test_reply_reaches_the_resident_and_joins_the_transcript(clerk_311, seed, app,
                                                             fake_twilio):
    report = seed.report(phone="+13125550188")
    response = clerk_311.post(f"/staff/reports/{report['id']}/reply",
                              {"reply-body": "Officer Diaz will call you today."},
                              follow_redirects=True)
    assert "Message sent to the resident." in response.get_data(as_text=True)
    wait_for_outbound(app)
    [sms] = fake_twilio.messages
    assert (sms.to, sms.body) == ("+13125550188", "Officer Diaz will call you today.")
    page = clerk_311.page(f"/staff/reports/{report['id']}")
    assert "<strong>Staff</strong>" in page and "Officer Diaz will call you today." in page


def test_no_reply_is_sent_to_a_resident_who_opted_out(clerk_311, seed, app, fake_twilio):
    report = seed.report()
    seed.opt_out(report["contact_id"])
    response = clerk_311.post(f"/staff/reports/{report['id']}/reply",
                              {"reply-body": "Are you there?"}, follow_redirects=True)
    assert "opted out of texts (STOP), so nothing was sent" in response.get_data(as_text=True)
    wait_for_outbound(app)
    assert fake_twilio.messages == []
    assert all(m["body"] != "Are you there?" for m in seed.messages_of(report["contact_id"]))


def test_status_notice_to_an_opted_out_resident_is_suppressed(clerk_311, seed, app,
                                                              fake_twilio):
    report = seed.report()
    seed.opt_out(report["contact_id"])
    clerk_311.post(f"/staff/reports/{report['id']}/status", {"status-status": "in_review"})
    wait_for_outbound(app)
    assert fake_twilio.messages == []
    notice = [m for m in seed.messages_of(report["contact_id"]) if m["kind"] == "notice"]
    assert [m["status"] for m in notice] == ["suppressed"]


def test_notes_are_internal_and_listed_on_the_report(clerk_311, seed, fake_twilio, app):
    report = seed.report()
    clerk_311.post(f"/staff/reports/{report['id']}/notes",
                   {"note-body": "Caller sounded <i>upset</i>; follow up."})
    page = clerk_311.page(f"/staff/reports/{report['id']}")
    assert "Caller sounded &lt;i&gt;upset&lt;/i&gt;; follow up." in page
    wait_for_outbound(app)
    assert fake_twilio.messages == []


def test_supervisor_reassigns_and_the_routing_history_keeps_both(supervisor, seed, app):
    report = seed.report(type="theft")
    response = supervisor.post(f"/staff/reports/{report['id']}/reassign",
                               {"reassign-agency": "traffic",
                                "reassign-reason": "bike locked to a parking sign"})
    assert response.status_code == 302
    page = supervisor.page(f"/staff/reports/{report['id']}")
    routing = page.split('id="routing-title"')[1].split("</table>")[0]
    assert routing.index("City 311") < routing.index("Traffic Control")
    assert "bike locked to a parking sign" in routing
    with services(app).db.connect() as conn:
        row = conn.execute(select(reports).where(reports.c.id == report["id"])).one()
    assert row.agency == "traffic" and row.routing["agency"] == "traffic"


def test_staff_cannot_reassign(clerk_311, seed):
    report = seed.report()
    response = clerk_311.post(f"/staff/reports/{report['id']}/reassign",
                              {"reassign-agency": "traffic"})
    assert response.status_code == 403
    assert "Reassign" not in clerk_311.page(f"/staff/reports/{report['id']}").split(
        'id="actions-title"')[1].split("</section>")[0]


def test_every_action_is_audited_with_who_what_and_before_after(supervisor, seed, app):
    report = seed.report()
    base = f"/staff/reports/{report['id']}"
    supervisor.post(f"{base}/status", {"status-status": "in_review"})
    supervisor.post(f"{base}/notes", {"note-body": "checked cameras"})
    supervisor.post(f"{base}/reply", {"reply-body": "We are on it."})
    supervisor.post(f"{base}/reassign", {"reassign-agency": "traffic"})
    with services(app).db.connect() as conn:
        entries = audit.for_report(conn, report["id"])
    assert [e["action"] for e in entries] == ["status_changed", "note_added",
                                              "resident_replied", "reassigned"]
    assert {e["actor"] for e in entries} == {"sam@city.example.gov"}
    status = entries[0]
    assert status["before"] == {"status": "new"}
    assert status["after"] == {"status": "in_review", "reason": None}
    assert entries[3]["before"] == {"agency": "city311"}
    assert all(e["at"] is not None for e in entries)
    page = supervisor.page(base)
    assert "status_changed" in page and "sam@city.example.gov" in page


def test_full_theft_report_by_sms_shows_up_for_311(clerk_311, phone, app):
    from tests.conftest import reference_in

    for text in ("someone stole my bike", "120 Main St", "yesterday 3pm", "red bike", "skip",
                 "yes"):
        phone.send(text)
    reference = reference_in(phone.send("yes"))
    page = clerk_311.page("/staff/reports", query_string={"q": reference})
    assert reference in page
    report_path = page.split(f'">{reference}<')[0].rsplit('href="', 1)[1]
    transcript = clerk_311.page(report_path)
    assert "someone stole my bike" in transcript and reference in transcript
