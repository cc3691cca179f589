"""Migration 0002 on SQLite and PostgreSQL: up, down and up again; search stays in step."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from alembic import command
from sqlalchemy import insert, update

from bot.staff import queries
from bot.staff.queries import QueueFilter
from bot.storage import migrate
from bot.storage.db import make_engine
from bot.storage.tables import reports

TZ = ZoneInfo("America/Chicago")


def _report(conn, reference: str, description: str) -> int:
    now = datetime.now(UTC)
    return conn.execute(insert(reports).values(
        reference=reference, type="theft", agency="city311", status="new", language="en",
        channel="sms", description=description, location_text="1 Main St",
        contact_phone="+13125550142", answers={}, routing={}, created_at=now, updated_at=now,
    ).returning(reports.c.id)).scalar_one()


def _found(db, q: str) -> list[str]:
    with db.connect() as conn:
        page = queries.queue_page(conn, QueueFilter(q=q), None, TZ)
    return [row["reference"] for row in page.rows]


def test_staff_schema_goes_up_down_and_up_again(db_url):
    migrate.upgrade(db_url, "0002")
    command.downgrade(migrate.alembic_config(db_url), "0001")
    migrate.upgrade(db_url, "0002")
    db = make_engine(db_url)
    try:
        with db.begin() as conn:
            report_id = _report(conn, "T-222-222", "green scooter stolen")
        assert _found(db, "scooter") == ["T-222-222"]
        assert _found(db, "0142") == ["T-222-222"]
        with db.begin() as conn:
            conn.execute(update(reports).where(reports.c.id == report_id)
                         .values(description="green bicycle stolen"))
        assert _found(db, "scooter") == []
        assert _found(db, "bicycle") == ["T-222-222"]
    finally:
        db.dispose()
