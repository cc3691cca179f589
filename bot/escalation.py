"""Record an emergency or crisis escalation and queue alerts to the on-call destinations."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert

from bot.storage.tables import escalations

Queue = Callable[..., int]  # bot.outbound.queue


@dataclass(frozen=True)
class Oncall:
    """Where alerts go, from config: ONCALL_SMS, ONCALL_WEBHOOK_URL, PUBLIC_URL."""

    sms: tuple[str, ...]
    webhook_url: str | None
    public_url: str | None
    sms_template: str

    @classmethod
    def from_config(cls, config: dict) -> Oncall:
        return cls(
            sms=tuple(config.get("ONCALL_SMS") or ()),
            webhook_url=config.get("ONCALL_WEBHOOK_URL") or None,
            public_url=(config.get("PUBLIC_URL") or "").rstrip("/") or None,
            sms_template=config["ONCALL_SMS_TEMPLATE"],
        )

    def link(self, escalation_id: int) -> str:
        return f"{self.public_url or ''}/staff/escalations/{escalation_id}"


@dataclass(frozen=True)
class Alert:
    level: str
    signals: tuple[str, ...]
    body: str
    resident: str  # E.164 number, or "web chat <session>"
    channel: str
    language: str
    contact_id: int
    conversation_id: int | None
    message_id: int
    step: str | None
    location: str | None
    contact_phone: str | None


def record(conn: Connection, alert: Alert, now: datetime, oncall: Oncall,
           queue: Queue) -> tuple[int, list[int]]:
    """Store the escalation and queue its alerts in the same transaction: (id, message ids)."""
    escalation_id = conn.execute(insert(escalations).values(
        level=alert.level, signals=list(alert.signals), body=alert.body, language=alert.language,
        contact_id=alert.contact_id, conversation_id=alert.conversation_id,
        message_id=alert.message_id, step=alert.step, location=alert.location, created_at=now,
    ).returning(escalations.c.id)).scalar_one()
    link = oncall.link(escalation_id)
    callback = alert.resident if alert.channel == "sms" else alert.contact_phone or alert.resident
    queued = []
    for number in oncall.sms:
        text = oncall.sms_template.format(
            level=alert.level.upper(), resident=callback, message=alert.body[:300],
            location=alert.location or "unknown", link=link)
        queued.append(queue(conn, channel="sms", address=number, body=text, kind="alert",
                            conversation_id=alert.conversation_id))
    if oncall.webhook_url:
        payload = {
            "type": "escalation", "id": escalation_id, "level": alert.level,
            "signals": list(alert.signals), "resident": callback, "channel": alert.channel,
            "message": alert.body, "location": alert.location, "step": alert.step,
            "conversation_id": alert.conversation_id, "link": link, "at": now.isoformat(),
        }
        queued.append(queue(conn, channel="webhook", address=oncall.webhook_url,
                            body=json.dumps(payload, ensure_ascii=False), kind="alert",
                            conversation_id=alert.conversation_id))
    return escalation_id, queued
