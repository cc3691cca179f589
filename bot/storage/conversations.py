"""Contacts, inbound/outbound messages and conversations: the statements of one turn.

Every statement is built once, here, and run through bot.storage.prepared: a turn pays
only for the driver's work, never for building, hashing or compiling a statement.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, bindparam, insert, select, update

from bot.storage.prepared import PerDialect, Prepared, insert_ignore
from bot.storage.tables import attachments, contacts, conversations, events, messages
from bot.storage.timestamps import aware

_MESSAGE_KEYS = ["contact_id", "conversation_id", "direction", "channel", "kind", "body",
                 "provider_sid", "status", "attempts", "created_at"]
_REPLY_KEYS = ["contact_id", "conversation_id", "direction", "channel", "kind", "address",
               "body", "reply_to_id", "status", "attempts", "created_at"]
_NEW_CONTACT_KEYS = ["channel", "address", "language", "opted_out", "created_at"]
_CONVERSATION_KEYS = ["contact_id", "channel", "flow", "flow_version", "state", "status",
                      "data", "started_at", "updated_at"]
_SAVED_KEYS = ["flow", "flow_version", "state", "status", "data", "updated_at"]
_EVENT_KEYS = [c.name for c in events.c if c.name != "id"]
_EVENT_DEFAULTS = {**dict.fromkeys(_EVENT_KEYS), "data": {}}


_CONTACT = select(contacts).where(contacts.c.channel == bindparam("channel"),
                                  contacts.c.address == bindparam("address"))
_CONTACT_LOCKED = PerDialect(sqlite=Prepared(_CONTACT),
                             postgresql=Prepared(_CONTACT.with_for_update()))
_NEW_CONTACT = insert_ignore(contacts, ["channel", "address"], _NEW_CONTACT_KEYS, contacts)
_CONTACT_COLUMNS = [c.name for c in contacts.c]
_CONVERSATION_COLUMNS = [c.name for c in conversations.c]
_WITH_CONVERSATION = select(
    contacts, *[c.label(f"conversation_{c.name}") for c in conversations.c]
).where(contacts.c.channel == bindparam("channel"), contacts.c.address == bindparam("address"))
_CONTACT_WITH_CONVERSATION = Prepared(_WITH_CONVERSATION.outerjoin_from(
    contacts, conversations, conversations.c.id == contacts.c.conversation_id))
# PostgreSQL: both rows locked in one round trip. FOR UPDATE needs an inner join; a contact
# without a conversation (or one a concurrent turn just moved to another) finds no row here.
_CONTACT_WITH_CONVERSATION_LOCKED = Prepared(_WITH_CONVERSATION.join_from(
    contacts, conversations, conversations.c.id == contacts.c.conversation_id
).with_for_update())
_NEW_MESSAGE = Prepared(insert(messages).returning(messages.c.id), _MESSAGE_KEYS)
_NEW_MESSAGE_ONCE = insert_ignore(messages, ["channel", "provider_sid"], _MESSAGE_KEYS,
                                  messages.c.id)
_INSERT_REPLIES = Prepared(insert(messages), _REPLY_KEYS)
_LINK_MESSAGE = Prepared(update(messages).where(messages.c.id == bindparam("message_id_")),
                         ["conversation_id"])
_CONVERSATION = Prepared(
    select(conversations).where(conversations.c.id == bindparam("conversation_id_")))
_NEW_CONVERSATION_ROW = Prepared(insert(conversations).returning(conversations),
                                 _CONVERSATION_KEYS)
_SAVE_CONVERSATION = Prepared(update(conversations).where(
    conversations.c.id == bindparam("conversation_id_")), _SAVED_KEYS)
_INSERT_ATTACHMENTS = insert(attachments)
_INSERT_EVENTS = Prepared(insert(events), _EVENT_KEYS)


def lock_contact(conn: Connection, channel: str, address: str, now: datetime) -> dict:
    """The contact row, created if new, locked until commit so one number's turns queue."""
    query = _CONTACT_LOCKED.on(conn)
    key = {"channel": channel, "address": address}
    row = query.first(conn, key)
    if row is None:
        # A new number; if another turn inserts it first, ours waits for it, then reads it.
        row = _NEW_CONTACT.on(conn).first(conn, {
            **key, "language": "en", "opted_out": False, "created_at": now,
        }) or query.first(conn, key)
    return row


def lock_contact_with_conversation(conn: Connection, channel: str, address: str,
                                   now: datetime) -> tuple[dict, dict | None]:
    """lock_contact, and the conversation load_conversation would read for it."""
    key = {"channel": channel, "address": address}
    if conn.dialect.name != "sqlite":
        # Both rows are locked, so a turn that waited for a concurrent one from the same
        # number reads both as that turn left them (PostgreSQL re-reads locked rows after
        # the wait and drops the row if the join no longer holds).
        row = _CONTACT_WITH_CONVERSATION_LOCKED.first_row(conn, key)
        if row is None:  # no conversation, or a new number: lock, then read in two steps
            contact = lock_contact(conn, channel, address, now)
            return contact, load_conversation(conn, contact["conversation_id"])
    else:
        # SQLite: the transaction began with the write lock, so nothing changes in between.
        row = _CONTACT_WITH_CONVERSATION.first_row(conn, key)
        if row is None:
            return lock_contact(conn, channel, address, now), None
    split = len(_CONTACT_COLUMNS)
    contact = dict(zip(_CONTACT_COLUMNS, row[:split], strict=True))
    conv = dict(zip(_CONVERSATION_COLUMNS, row[split:], strict=True))
    return contact, (_conversation(conv) if conv["status"] == "active" else None)


_UPDATE_CONTACT: dict[tuple[str, ...], Prepared] = {}


def update_contact(conn: Connection, contact_id: int, **values) -> None:
    keys = tuple(sorted(values))
    statement = _UPDATE_CONTACT.get(keys)
    if statement is None:
        if not set(keys) <= set(_CONTACT_COLUMNS) - {"id"}:
            raise ValueError(f"not a contact column: {keys}")
        statement = _UPDATE_CONTACT[keys] = Prepared(
            update(contacts).where(contacts.c.id == bindparam("contact_id_")), keys)
    statement.execute(conn, {**values, "contact_id_": contact_id})


def record_inbound(conn: Connection, contact_id: int, channel: str, body: str,
                   provider_sid: str | None, now: datetime, *,
                   conversation_id: int | None = None) -> int | None:
    """The new message id, or None when this provider id was already recorded (a retry)."""
    values = {"contact_id": contact_id, "conversation_id": conversation_id, "direction": "in",
              "channel": channel, "kind": "resident", "body": body,
              "provider_sid": provider_sid, "status": "received", "attempts": 0,
              "created_at": now}
    if provider_sid is None:
        return _NEW_MESSAGE.scalar(conn, values)
    return _NEW_MESSAGE_ONCE.on(conn).scalar(conn, values)


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
    _INSERT_REPLIES.run_many(
        conn,
        [
            {"contact_id": contact_id, "conversation_id": conversation_id, "direction": "out",
             "channel": channel, "kind": "reply", "address": address, "body": body,
             "reply_to_id": inbound_id, "status": "replied", "attempts": 0, "created_at": now}
            for body in replies
        ],
    )


def set_message_conversation(conn: Connection, message_id: int,
                             conversation_id: int | None) -> None:
    """File a message under a conversation, or under none."""
    _LINK_MESSAGE.execute(conn, {"message_id_": message_id, "conversation_id": conversation_id})


def load_conversation(conn: Connection, conversation_id: int | None) -> dict | None:
    if conversation_id is None:
        return None
    row = _CONVERSATION.first(conn, {"conversation_id_": conversation_id})
    if row is None or row["status"] != "active":
        return None
    return _conversation(row)


def _conversation(row) -> dict:
    conv = dict(row)
    conv["data"] = dict(conv["data"] or {})
    conv["started_at"] = aware(conv["started_at"])
    conv["updated_at"] = aware(conv["updated_at"])
    return conv


def start_conversation(conn: Connection, contact_id: int, channel: str, flow: str,
                       version: int, state: str, data: dict, now: datetime) -> dict:
    """A new active conversation, as load_conversation would read it back."""
    row = _NEW_CONVERSATION_ROW.first(conn, {
        "contact_id": contact_id, "channel": channel, "flow": flow, "flow_version": version,
        "state": state, "status": "active", "data": data, "started_at": now,
        "updated_at": now,
    })
    return _conversation(row)


def save_conversation(conn: Connection, conv: dict, now: datetime) -> None:
    _SAVE_CONVERSATION.execute(conn, {
        "conversation_id_": conv["id"], "flow": conv["flow"],
        "flow_version": conv["flow_version"], "state": conv["state"],
        "status": conv["status"], "data": conv["data"], "updated_at": now,
    })


def record_attachments(conn: Connection, conversation_id: int | None, message_id: int,
                       media: list, now: datetime) -> None:
    if not media:
        return
    conn.execute(
        _INSERT_ATTACHMENTS,
        [{"conversation_id": conversation_id, "message_id": message_id, "url": m.url,
          "content_type": m.content_type, "created_at": now} for m in media],
    )


def record_events(conn: Connection, rows: list[dict]) -> None:
    if rows:
        _INSERT_EVENTS.run_many(conn, [{**_EVENT_DEFAULTS, **row} for row in rows])
