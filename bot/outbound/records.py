"""The outbound rows in `messages`: queue one, claim it for an attempt, record what happened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, and_, insert, or_, select, update

from bot.storage.tables import contacts, messages

CHANNELS = ("sms", "chat", "webhook")
KINDS = ("reply", "notice", "alert", "staff")
SMS_MAX_CHARS = 1600  # Twilio refuses longer bodies (error 21617)
ERROR_MAX_CHARS = 255  # width of messages.error

# Our own in-flight marker; Twilio uses the same word for "being handed to the carrier".
SENDING = "sending"

# Twilio's message lifecycle, in order: a callback may only move a row to a higher rank.
STATUS_RANK = {
    "accepted": 1,
    "scheduled": 1,
    "queued": 1,
    "sending": 2,
    "sent": 3,
    "delivered": 4,
    "undelivered": 4,
    "failed": 4,
    "canceled": 4,
    "partially_delivered": 4,
    "read": 5,
}


@dataclass(frozen=True)
class Claim:
    """The result of trying to take a queued row for one attempt.

    status is "sending" when this caller owns the attempt; otherwise it is why not
    ("suppressed", "missing", or the row's current status such as "sent").
    """

    message_id: int
    status: str
    channel: str = ""
    kind: str = ""
    address: str | None = None
    body: str = ""
    attempts: int = 0

    @property
    def claimed(self) -> bool:
        return self.status == SENDING


def utcnow() -> datetime:
    return datetime.now(UTC)


def queue(
    conn: Connection,
    *,
    channel: str,
    address: str | None,
    body: str,
    kind: str,
    contact_id: int | None = None,
    conversation_id: int | None = None,
) -> int:
    """Insert one outbound message (status "queued") in the caller's transaction; its id.

    Nothing is sent until the caller commits and hands the id to Sender.dispatch.
    """
    if channel not in CHANNELS:
        raise ValueError(f"unknown outbound channel {channel!r}; expected one of {CHANNELS}")
    if kind not in KINDS:
        raise ValueError(f"unknown message kind {kind!r}; expected one of {KINDS}")
    if channel in ("sms", "webhook") and not address:
        raise ValueError(f"an outbound {channel} message needs an address")
    if channel == "sms":
        body = bound_sms_body(body)
    now = utcnow()
    result = conn.execute(
        insert(messages).values(
            contact_id=contact_id,
            conversation_id=conversation_id,
            direction="out",
            channel=channel,
            kind=kind,
            address=address,
            body=body,
            status="queued",
            attempts=0,
            created_at=now,
            updated_at=now,
        )
    )
    return result.inserted_primary_key[0]


def bound_sms_body(body: str) -> str:
    """body cut to what one Twilio message accepts, with an ellipsis when cut."""
    if len(body) <= SMS_MAX_CHARS:
        return body
    return body[: SMS_MAX_CHARS - 1] + "…"


def claim(engine: Engine, message_id: int) -> Claim:
    """Take a queued row for one attempt (status "sending", attempts + 1), in its own transaction.

    Only one caller can win a row, so a message is never handed to the provider twice.
    A row whose contact opted out is marked "suppressed" instead, unless it is an alert.
    """
    with engine.begin() as conn:
        row = conn.execute(
            select(messages).where(messages.c.id == message_id, messages.c.direction == "out")
        ).first()
        if row is None:
            return Claim(message_id, "missing")
        if row.status != "queued" or row.provider_sid is not None:
            return Claim(message_id, row.status)
        if row.kind != "alert" and _opted_out(conn, row):
            conn.execute(
                _queued_row(message_id).values(
                    status="suppressed", error="contact opted out", updated_at=utcnow()
                )
            )
            return Claim(message_id, "suppressed")
        taken = conn.execute(
            _queued_row(message_id).values(
                status=SENDING, attempts=messages.c.attempts + 1, updated_at=utcnow()
            )
        )
        if taken.rowcount != 1:
            return Claim(message_id, "taken")
        return Claim(
            message_id,
            SENDING,
            channel=row.channel,
            kind=row.kind,
            address=row.address,
            body=row.body,
            attempts=row.attempts + 1,
        )


def finish(
    engine: Engine,
    message_id: int,
    status: str,
    *,
    provider_sid: str | None = None,
    error: str | None = None,
) -> None:
    """Record the outcome of the attempt this process claimed."""
    with engine.begin() as conn:
        conn.execute(
            update(messages)
            .where(messages.c.id == message_id, messages.c.status == SENDING)
            .values(
                status=status,
                provider_sid=provider_sid,
                error=_fit_error(error),
                updated_at=utcnow(),
            )
        )


def release(engine: Engine, message_id: int, error: str) -> None:
    """Put a claimed row back to "queued" after a transient failure, keeping the reason."""
    with engine.begin() as conn:
        conn.execute(
            update(messages)
            .where(messages.c.id == message_id, messages.c.status == SENDING)
            .values(status="queued", error=_fit_error(error), updated_at=utcnow())
        )


def queued_before(engine: Engine, cutoff: datetime) -> list[int]:
    """Ids of outbound rows still waiting for their first hand-off, created before cutoff."""
    with engine.connect() as conn:
        return list(
            conn.scalars(
                select(messages.c.id)
                .where(
                    messages.c.direction == "out",
                    messages.c.status == "queued",
                    messages.c.provider_sid.is_(None),
                    messages.c.created_at < cutoff,
                )
                .order_by(messages.c.id)
            )
        )


def record_status(
    conn: Connection, provider_sid: str, status: str, error_code: str | int | None = None
) -> bool:
    """Apply a Twilio status callback to the SMS with provider_sid; False when it is unknown.

    A status never moves backwards: a late "sent" does not overwrite "delivered".
    """
    status = (status or "").strip().lower()
    known = and_(
        messages.c.provider_sid == provider_sid,
        messages.c.channel == "sms",
        messages.c.direction == "out",
    )
    rank = STATUS_RANK.get(status)
    if rank is not None:
        values: dict = {"status": status, "updated_at": utcnow()}
        if error_code not in (None, "") and rank >= STATUS_RANK["delivered"]:
            values["error"] = f"twilio error {error_code}"
        lower = [name for name, other in STATUS_RANK.items() if other < rank]
        moved = conn.execute(
            update(messages).where(known, messages.c.status.in_(lower)).values(**values)
        )
        if moved.rowcount:
            return True
    return conn.execute(select(messages.c.id).where(known)).first() is not None


def _queued_row(message_id: int):
    return update(messages).where(
        messages.c.id == message_id,
        messages.c.status == "queued",
        messages.c.provider_sid.is_(None),
    )


def _opted_out(conn: Connection, row) -> bool:
    # STOP binds the number, so an SMS is checked by address too, not only by contact_id.
    match = []
    if row.contact_id is not None:
        match.append(contacts.c.id == row.contact_id)
    if row.channel == "sms" and row.address:
        match.append(and_(contacts.c.channel == "sms", contacts.c.address == row.address))
    if not match:
        return False
    found = conn.execute(
        select(contacts.c.id).where(or_(*match), contacts.c.opted_out.is_(True)).limit(1)
    ).first()
    return found is not None


def _fit_error(error: str | None) -> str | None:
    if error is None:
        return None
    return error if len(error) <= ERROR_MAX_CHARS else error[: ERROR_MAX_CHARS - 1] + "…"
