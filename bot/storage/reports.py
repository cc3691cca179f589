"""Filing reports and looking them up for the resident who filed them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.reference import new_reference
from bot.storage.tables import attachments, reports
from bot.storage.timestamps import aware

_TRIES = 5


def file_report(conn: Connection, values: dict, now: datetime) -> tuple[int, str]:
    """Insert a report under a fresh reference (retrying a collision); (id, reference)."""
    for _ in range(_TRIES):
        reference = new_reference(values["type"])
        try:
            with conn.begin_nested():
                report_id = conn.execute(
                    insert(reports).values(reference=reference, status="new", created_at=now,
                                           updated_at=now, **values).returning(reports.c.id)
                ).scalar_one()
        except IntegrityError:
            continue
        if values.get("conversation_id") is not None:
            conn.execute(update(attachments)
                         .where(attachments.c.conversation_id == values["conversation_id"])
                         .values(report_id=report_id))
        return report_id, reference
    raise RuntimeError("could not find a free reference")


def report_for_contact(conn: Connection, reference: str | None, contact_id: int) -> dict | None:
    """A report filed by this contact: by reference, or the latest when reference is None.

    A reference alone never reveals someone else's report.
    """
    c = reports.c
    query = select(c.reference, c.type, c.status, c.agency, c.routing, c.created_at).where(
        c.contact_id == contact_id)
    if reference is not None:
        query = query.where(reports.c.reference == reference)
    row = conn.execute(query.order_by(reports.c.id.desc()).limit(1)).mappings().first()
    if row is None:
        return None
    found = dict(row)
    found["created_at"] = aware(found["created_at"])
    return found
