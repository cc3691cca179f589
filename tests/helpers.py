"""Small readers for what tests assert: rows a staff member or the city would look at."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.storage.tables import events, messages, reports


def db(app):
    return app.extensions["bot"].db


def all_reports(app) -> list[dict]:
    with db(app).connect() as conn:
        return [dict(r) for r in conn.execute(select(reports).order_by(reports.c.id)).mappings()]


def count(app, table, *where) -> int:
    with db(app).connect() as conn:
        return conn.execute(select(func.count()).select_from(table).where(*where)).scalar()


def event_kinds(app) -> list[str]:
    with db(app).connect() as conn:
        return [r.kind for r in conn.execute(select(events.c.kind).order_by(events.c.id))]


def inbound_bodies(app) -> list[str]:
    with db(app).connect() as conn:
        rows = conn.execute(select(messages.c.body).where(messages.c.direction == "in")
                            .order_by(messages.c.id))
        return [r.body for r in rows]


THEFT_BY_SMS = ["someone stole my bike", "120 main street", "yesterday 3pm",
                "Red Trek bike, serial WTU123", "skip", "yes"]
