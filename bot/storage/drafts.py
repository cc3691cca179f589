"""Administrators' drafts: one per flow and one for the routing table, until published."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, update

from bot.storage.tables import drafts
from bot.storage.timestamps import aware

FLOW = "flow"
ROUTING = "routing"


def get(conn: Connection, kind: str, name: str) -> dict | None:
    row = conn.execute(
        select(drafts).where(drafts.c.kind == kind, drafts.c.name == name)
    ).mappings().first()
    if row is None:
        return None
    found = dict(row)
    found["created_at"] = aware(found["created_at"])
    found["updated_at"] = aware(found["updated_at"])
    return found


def names(conn: Connection, kind: str) -> set[str]:
    return set(conn.execute(select(drafts.c.name).where(drafts.c.kind == kind)).scalars())


def save(conn: Connection, kind: str, name: str, source: str, base_version: int | None,
         author: str, now: datetime) -> None:
    """Create or replace the draft of (kind, name)."""
    where = (drafts.c.kind == kind) & (drafts.c.name == name)
    done = conn.execute(update(drafts).where(where).values(
        source=source, base_version=base_version, author=author, updated_at=now))
    if done.rowcount == 0:
        conn.execute(insert(drafts).values(
            kind=kind, name=name, source=source, base_version=base_version, author=author,
            created_at=now, updated_at=now))


def discard(conn: Connection, kind: str, name: str) -> bool:
    done = conn.execute(delete(drafts).where(drafts.c.kind == kind, drafts.c.name == name))
    return done.rowcount == 1
