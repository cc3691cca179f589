"""The audit log: every staff action, with who, what, when, and the values before and after."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from bot.storage.tables import audit_log
from bot.storage.timestamps import aware, utcnow


def record(conn: Connection, actor, action: str, *, target: str | None = None,
           report_id: int | None = None, before: dict | None = None,
           after: dict | None = None, at: datetime | None = None) -> None:
    """Append one entry in the caller's transaction. actor is an Account (or a name, for CLI)."""
    user_id = getattr(actor, "id", None)
    name = getattr(actor, "email", None) or str(actor)
    conn.execute(insert(audit_log).values(
        at=at or utcnow(), user_id=user_id, actor=name, action=action, target=target,
        report_id=report_id, before=_plain(before), after=_plain(after),
    ))


def for_report(conn: Connection, report_id: int) -> list[dict]:
    rows = conn.execute(select(audit_log).where(audit_log.c.report_id == report_id)
                        .order_by(audit_log.c.id)).mappings()
    return [_entry(r) for r in rows]


def recent(conn: Connection, limit: int = 200) -> list[dict]:
    rows = conn.execute(select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)).mappings()
    return [_entry(r) for r in rows]


def _entry(row) -> dict:
    entry = dict(row)
    entry["at"] = aware(entry["at"])
    return entry


def _plain(values: dict | None) -> dict[str, Any] | None:
    """JSON-safe copy: datetimes as ISO text."""
    if values is None:
        return None
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items()}
