"""Filing reports and looking them up for the resident who filed them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, bindparam, select, update

from bot.reference import new_reference
from bot.storage.prepared import Prepared, insert_ignore
from bot.storage.tables import attachments, reports
from bot.storage.timestamps import aware

_TRIES = 5
_COLUMNS = [c.name for c in reports.c if c.name != "id"]
_DEFAULTS = {**dict.fromkeys(_COLUMNS), "status": "new", "answers": {}, "routing": {}}
# A reference already taken inserts nothing and returns no row: draw another. (No
# savepoint needed, unlike catching the IntegrityError.)
_NEW_REPORT = insert_ignore(reports, ["reference"], _COLUMNS, reports.c.id)
_LINK_ATTACHMENTS = Prepared(
    update(attachments).where(attachments.c.conversation_id == bindparam("conversation_id_")),
    ["report_id"])


def file_report(conn: Connection, values: dict, now: datetime) -> tuple[int, str]:
    """Insert a report under a fresh reference (retrying a collision); (id, reference)."""
    unknown = set(values) - set(_COLUMNS)
    if unknown:
        raise ValueError(f"not report columns: {sorted(unknown)}")
    statement = _NEW_REPORT.on(conn)
    for _ in range(_TRIES):
        reference = new_reference(values["type"])
        report_id = statement.scalar(conn, {**_DEFAULTS, "created_at": now, "updated_at": now,
                                            **values, "reference": reference})
        if report_id is None:
            continue
        if values.get("conversation_id") is not None:
            _LINK_ATTACHMENTS.execute(conn, {"conversation_id_": values["conversation_id"],
                                             "report_id": report_id})
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
