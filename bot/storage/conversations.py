"""Contacts, inbound/outbound messages and conversations: the statements of one turn."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from bot.storage.tables import attachments, contacts, conversations, events, messages
from bot.storage.timestamps import aware
from bot.storage.upsert import insert_ignore


def lock_contact(conn: Connection, channel: str, address: str, now: datetime) -> dict:
    """The contact row, created if new, locked until commit so one number's turns queue."""
    insert_ignore(
        conn,
        contacts,
        {"channel": channel, "address": address, "language": "en", "opted_out": False,
         "created_at": now},
        ["channel", "address"],
    )
    query = select(contacts).where(contacts.c.channel == channel, contacts.c.address == address)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    return dict(conn.execute(query).mappings().one())


def update_contact(conn: Connection, contact_id: int, **values) -> None:
    conn.execute(update(contacts).where(contacts.c.id == contact_id).values(**values))


def record_inbound(conn: Connection, contact_id: int, channel: str, body: str,
                   provider_sid: str | None, now: datetime) -> int | None:
    """The new message id, or None when this provider id was already recorded (a retry)."""
    values = {"contact_id": contact_id, "direction": "in", "channel": channel, "kind": "resident",
              "body": body, "provider_sid": provider_sid, "status": "received", "attempts": 0,
              "created_at": now}
    if provider_sid is None:
        return conn.execute(insert(messages).values(**values).returning(messages.c.id)).scalar()
    return insert_ignore(conn, messages, values, ["channel", "provider_sid"])


def earlier_replies(conn: Connection, channel: str, provider_sid: str) -> list[str]:
    """What we answered the first time this provider message arrived."""
    first = select(messages.c.id).where(
        messages.c.channel == channel, messages.c.provider_sid == provider_sid
    ).scalar_subquery()
    rows = conn.execute(
        select(messages.c.body).where(messages.c.reply_to_id == first).order_by(messages.c.id)
    )
    return [r.body for r in rows]


def record_replies(conn: Connection, inbound_id: int, contact_id: int, conversation_id,
                   channel: str, address: str, replies: list[str], now: datetime) -> None:
    if not replies:
        return
    conn.execute(
        insert(messages),
        [
            {"contact_id": contact_id, "conversation_id": conversation_id, "direction": "out",
             "channel": channel, "kind": "reply", "address": address, "body": body,
             "reply_to_id": inbound_id, "status": "replied", "attempts": 0, "created_at": now}
            for body in replies
        ],
    )


def link_message(conn: Connection, message_id: int, conversation_id: int | None) -> None:
    if conversation_id is not None:
        conn.execute(update(messages).where(messages.c.id == message_id)
                     .values(conversation_id=conversation_id))


def load_conversation(conn: Connection, conversation_id: int | None) -> dict | None:
    if conversation_id is None:
        return None
    row = conn.execute(
        select(conversations).where(conversations.c.id == conversation_id)
    ).mappings().first()
    if row is None or row["status"] != "active":
        return None
    conv = dict(row)
    conv["data"] = dict(conv["data"] or {})
    conv["started_at"] = aware(conv["started_at"])
    conv["updated_at"] = aware(conv["updated_at"])
    return conv


def create_conversation(conn: Connection, contact_id: int, channel: str, flow: str,
                        version: int, state: str, data: dict, now: datetime) -> int:
    return conn.execute(
        insert(conversations).values(
            contact_id=contact_id, channel=channel, flow=flow, flow_version=version, state=state,
            status="active", data=data, started_at=now, updated_at=now,
        ).returning(conversations.c.id)
    ).scalar_one()


def save_conversation(conn: Connection, conv: dict, now: datetime) -> None:
    conn.execute(
        update(conversations).where(conversations.c.id == conv["id"]).values(
            flow=conv["flow"], flow_version=conv["flow_version"], state=conv["state"],
            status=conv["status"], data=conv["data"], updated_at=now,
        )
    )


def record_attachments(conn: Connection, conversation_id: int | None, message_id: int,
                       media: list, now: datetime) -> None:
    if not media:
        return
    conn.execute(
        insert(attachments),
        [{"conversation_id": conversation_id, "message_id": message_id, "url": m.url,
          "content_type": m.content_type, "created_at": now} for m in media],
    )


def record_events(conn: Connection, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(events), rows)
