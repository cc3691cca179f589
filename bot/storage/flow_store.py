"""Published flow versions in the database; the YAML files in flows/ are the seed."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import Connection, bindparam, func, insert, select

from bot.storage.prepared import Prepared
from bot.storage.tables import flow_versions

_LATEST_VERSION = Prepared(select(func.max(flow_versions.c.version).label("version"))
                           .where(flow_versions.c.flow == bindparam("flow")))


def digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def latest_versions(conn: Connection) -> dict[str, int]:
    """{flow name: newest version}."""
    rows = conn.execute(
        select(flow_versions.c.flow, func.max(flow_versions.c.version)).group_by(
            flow_versions.c.flow)
    )
    return {flow: version for flow, version in rows}


def latest_version(conn: Connection, flow: str) -> int | None:
    """The newest published version of flow (asked once per new conversation)."""
    return _LATEST_VERSION.scalar(conn, {"flow": flow})


def source_of(conn: Connection, flow: str, version: int) -> str | None:
    return conn.execute(
        select(flow_versions.c.source).where(
            flow_versions.c.flow == flow, flow_versions.c.version == version)
    ).scalar()


def latest_source(conn: Connection, flow: str) -> tuple[int, str] | None:
    row = conn.execute(
        select(flow_versions.c.version, flow_versions.c.source)
        .where(flow_versions.c.flow == flow)
        .order_by(flow_versions.c.version.desc()).limit(1)
    ).first()
    return (row.version, row.source) if row else None


def publish(conn: Connection, flow: str, source: str, author: str | None,
            now: datetime) -> int:
    """Store source as the next immutable version of flow; returns its number."""
    version = (latest_version(conn, flow) or 0) + 1
    conn.execute(insert(flow_versions).values(
        flow=flow, version=version, source=source, digest=digest(source), author=author,
        created_at=now))
    return version


def versions(conn: Connection, flow: str) -> list[dict]:
    """Every version of a flow, newest first, without its source."""
    c = flow_versions.c
    rows = conn.execute(select(c.version, c.digest, c.author, c.created_at)
                        .where(c.flow == flow).order_by(c.version.desc())).mappings()
    return [dict(r) for r in rows]
