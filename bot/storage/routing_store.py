"""Published routing tables in the database; config/routing.yaml is the seed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, func, insert, select

from bot.storage.flow_store import digest
from bot.storage.prepared import Prepared
from bot.storage.tables import routing_versions

_LATEST_VERSION = Prepared(select(func.max(routing_versions.c.version).label("version")))


def latest_version(conn: Connection) -> int | None:
    """The newest published routing version (asked once per filed report)."""
    return _LATEST_VERSION.scalar(conn, {})


def source_of(conn: Connection, version: int) -> str | None:
    return conn.execute(
        select(routing_versions.c.source).where(routing_versions.c.version == version)
    ).scalar()


def latest_source(conn: Connection) -> tuple[int, str] | None:
    row = conn.execute(
        select(routing_versions.c.version, routing_versions.c.source)
        .order_by(routing_versions.c.version.desc()).limit(1)
    ).first()
    return (row.version, row.source) if row else None


def versions(conn: Connection) -> list[dict]:
    """Every routing version, newest first, without its source."""
    c = routing_versions.c
    rows = conn.execute(select(c.version, c.digest, c.author, c.created_at)
                        .order_by(c.version.desc())).mappings()
    return [dict(r) for r in rows]


def publish(conn: Connection, source: str, author: str | None, now: datetime) -> int:
    """Store source as the next immutable routing version; returns its number."""
    version = (latest_version(conn) or 0) + 1
    conn.execute(insert(routing_versions).values(
        version=version, source=source, digest=digest(source), author=author, created_at=now))
    return version


def seed(conn: Connection, source: str, now: datetime, author: str = "seed") -> int | None:
    """Publish the seed file as version 1 when no routing version exists yet."""
    if latest_version(conn) is not None:
        return None
    return publish(conn, source, author, now)
