"""CSV export of the filtered queue, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from bot.staff import queries
from bot.staff.queries import QueueFilter

COLUMNS = ("reference", "type", "subtype", "agency", "status", "language", "channel",
           "created_at", "occurred", "location", "description", "photos", "escalation")
# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """The value as CSV text that a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_row(report: dict, tz: ZoneInfo) -> list[str]:
    occurred = report.get("occurred_at")
    values = {
        **report,
        "created_at": _local(report["created_at"], tz),
        "occurred": _local(occurred, tz) if occurred else report.get("occurred_text"),
        "location": report.get("location") or report.get("location_text"),
    }
    return [safe_cell(values.get(column)) for column in COLUMNS]


def csv_lines(db: Engine, flt: QueueFilter, scope: str | None, tz: ZoneInfo) -> Iterator[str]:
    """The header and one line per report the queue shows, streamed in batches."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    with db.connect() as conn:
        for count, report in enumerate(queries.all_matching(conn, flt, scope, tz), 1):
            writer.writerow(csv_row(report, tz))
            if count % 500 == 0:
                yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _local(value: datetime, tz: ZoneInfo) -> str:
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M")
