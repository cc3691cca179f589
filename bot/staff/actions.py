"""What staff do to a report or an escalation, each in the caller's transaction and audited.

Functions that text the resident return the ids of the queued messages: hand them to
services(app).sender.dispatch after the commit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from bot.outbound import queue
from bot.routing import RoutingTable
from bot.staff import audit
from bot.staff.notices import Notices
from bot.staff.workflow import WorkflowError, check_move
from bot.storage.tables import contacts, escalations, report_notes, report_routes, reports


class ActionError(ValueError):
    """The action cannot be done as asked; the message is shown to the staff member."""


def change_status(conn: Connection, report: dict, new: str, reason: str | None, actor,
                  notices: Notices, routing: RoutingTable, now: datetime) -> list[int]:
    """Move the report to a new status and queue the resident's notice; the message ids."""
    try:
        check_move(report["status"], new, reason)
    except WorkflowError as exc:
        raise ActionError(str(exc)) from None
    reason = (reason or "").strip() or None
    moved = conn.execute(update(reports).where(reports.c.id == report["id"],
                                               reports.c.status == report["status"])
                         .values(status=new, updated_at=now))
    if moved.rowcount != 1:
        raise ActionError("Someone else changed this report just now. Reload and try again.")
    audit.record(conn, actor, "status_changed", target=f"report:{report['id']}",
                 report_id=report["id"], before={"status": report["status"]},
                 after={"status": new, "reason": reason}, at=now)
    body = notices.text(new, report["language"], reference=report["reference"],
                        agency=_agency_name(report, routing))
    if not body:
        return []
    sent = _text_resident(conn, report, body, "notice", check_opt_out=False)
    return [sent] if sent is not None else []


def add_note(conn: Connection, report: dict, body: str, actor, now: datetime) -> int:
    body = body.strip()
    if not body:
        raise ActionError("A note needs some text.")
    note_id = conn.execute(insert(report_notes).values(
        report_id=report["id"], user_id=actor.id, author=actor.email, body=body, created_at=now,
    ).returning(report_notes.c.id)).scalar_one()
    audit.record(conn, actor, "note_added", target=f"report:{report['id']}",
                 report_id=report["id"], after={"note_id": note_id, "body": body}, at=now)
    return note_id


def reply(conn: Connection, report: dict, body: str, actor, now: datetime) -> int:
    """Queue a message from staff to the resident (it joins the transcript); its id.

    ActionError when the resident opted out or cannot be reached.
    """
    body = body.strip()
    if not body:
        raise ActionError("The message is empty.")
    message_id = _text_resident(conn, report, body, "staff", check_opt_out=True)
    if message_id is None:
        raise ActionError("This report has no way to reach the resident.")
    conn.execute(update(reports).where(reports.c.id == report["id"]).values(updated_at=now))
    audit.record(conn, actor, "resident_replied", target=f"report:{report['id']}",
                 report_id=report["id"], after={"message_id": message_id, "body": body}, at=now)
    return message_id


def reassign(conn: Connection, report: dict, to_agency: str, reason: str | None, actor,
             routing: RoutingTable, now: datetime) -> None:
    """Send the report to another agency, keeping the move in the routing history."""
    agency = routing.agencies.get(to_agency)
    if agency is None:
        raise ActionError(f"Unknown agency {to_agency!r}.")
    if to_agency == report["agency"]:
        raise ActionError(f"The report is already with {agency.display('en')}.")
    reason = (reason or "").strip() or None
    moved = conn.execute(update(reports).where(reports.c.id == report["id"],
                                               reports.c.agency == report["agency"])
                         .values(agency=to_agency, routing=agency.snapshot(), updated_at=now))
    if moved.rowcount != 1:
        raise ActionError("Someone else reassigned this report just now. Reload and try again.")
    conn.execute(insert(report_routes).values(
        report_id=report["id"], from_agency=report["agency"], to_agency=to_agency,
        actor=actor.email, reason=reason, at=now))
    audit.record(conn, actor, "reassigned", target=f"report:{report['id']}",
                 report_id=report["id"], before={"agency": report["agency"]},
                 after={"agency": to_agency, "reason": reason}, at=now)


def acknowledge(conn: Connection, escalation: dict, note: str | None, actor,
                now: datetime) -> None:
    """Mark an escalation as seen by a person, with an optional note."""
    if escalation["acknowledged_at"] is not None:
        raise ActionError(f"Already acknowledged by {escalation['acknowledged_by']}.")
    note = (note or "").strip() or None
    done = conn.execute(update(escalations).where(escalations.c.id == escalation["id"],
                                                  escalations.c.acknowledged_at.is_(None))
                        .values(acknowledged_at=now, acknowledged_by=actor.email, note=note))
    if done.rowcount != 1:
        raise ActionError("Someone else acknowledged this escalation just now.")
    audit.record(conn, actor, "escalation_acknowledged", target=f"escalation:{escalation['id']}",
                 before={"acknowledged_at": None},
                 after={"acknowledged_at": now, "note": note}, at=now)


def destination(conn: Connection, report: dict) -> tuple[str, str, dict] | None:
    """How to reach the resident: (channel, address, contact), or None.

    SMS residents get a text at their number; web-chat residents get a text at the number
    they gave for staff, or a chat message when they gave none.
    """
    if report.get("contact_id") is None:
        return None
    contact = conn.execute(select(contacts).where(contacts.c.id == report["contact_id"])
                           ).mappings().first()
    if contact is None:
        return None
    if contact["channel"] == "sms":
        return "sms", contact["address"], dict(contact)
    if report.get("contact_phone"):
        return "sms", report["contact_phone"], dict(contact)
    return "chat", contact["address"], dict(contact)


def opted_out(conn: Connection, contact: dict, channel: str, address: str) -> bool:
    """Whether the resident said STOP (as this contact, or as the SMS number we would text)."""
    if contact["opted_out"]:
        return True
    if channel != "sms":
        return False
    found = conn.execute(select(contacts.c.id).where(
        contacts.c.channel == "sms", contacts.c.address == address,
        contacts.c.opted_out.is_(True)).limit(1)).first()
    return found is not None


def _text_resident(conn: Connection, report: dict, body: str, kind: str,
                   check_opt_out: bool) -> int | None:
    found = destination(conn, report)
    if found is None:
        return None
    channel, address, contact = found
    if check_opt_out and opted_out(conn, contact, channel, address):
        raise ActionError("The resident opted out of texts (STOP), so nothing was sent.")
    # The sender checks opt-out again at delivery, so a notice to an opted-out resident
    # is recorded as suppressed rather than sent.
    return queue(conn, channel=channel, address=address, body=body, kind=kind,
                 contact_id=contact["id"], conversation_id=report.get("conversation_id"))


def _agency_name(report: dict, routing: RoutingTable) -> str:
    agency = routing.agencies.get(report["agency"])
    return agency.display(report["language"]) if agency else report["agency"]
