"""Template filters: times in the city's time zone, ages, labels, answers as plain text."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app

from bot.staff import bp
from bot.staff.workflow import STATUS_LABELS
from bot.storage.timestamps import aware, utcnow

WHO = {("in", "resident"): "Resident", ("out", "reply"): "Bot", ("out", "staff"): "Staff",
       ("out", "notice"): "Status notice"}


def _tz() -> ZoneInfo:
    return ZoneInfo(current_app.config["CITY_TIMEZONE"])


@bp.app_template_filter("local")
def local_time(value: datetime | str | None) -> str:
    """A timestamp in the city's time zone, like 2026-03-05 14:07."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return aware(value).astimezone(_tz()).strftime("%Y-%m-%d %H:%M")


@bp.app_template_filter("age")
def age(value: datetime | None) -> str:
    """How long ago, coarsely: 45 min, 3 h, 12 d."""
    if value is None:
        return ""
    minutes = int((utcnow() - aware(value)).total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 0)} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} d"


@bp.app_template_filter("status_label")
def status_label(value: str) -> str:
    return STATUS_LABELS.get(value, value)


@bp.app_template_filter("who")
def who(message: dict) -> str:
    direction = message["direction"]
    return WHO.get((direction, message["kind"]), "Resident" if direction == "in" else "Bot")


@bp.app_template_filter("plain")
def plain(value) -> str:
    """An answer or audit value as one line of text (nested values flattened)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain(v)}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, list | tuple):
        return ", ".join(plain(v) for v in value)
    return str(value)
