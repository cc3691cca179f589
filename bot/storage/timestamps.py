"""Timestamps are stored in UTC; SQLite hands them back naive, so mark them UTC on read."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    if type(value) is datetime:
        # value.replace(tzinfo=UTC), built from its date and time: replace() parses eight
        # keyword arguments and costs ~5x as much (a turn reads two such timestamps).
        return datetime.combine(value, value.time(), UTC)
    return value.replace(tzinfo=UTC)
