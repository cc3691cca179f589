"""Turns from one number run one after the other and each sees what the last one wrote."""

import threading
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.storage import conversations as store
from bot.storage.db import make_engine, write_transaction
from bot.storage.tables import contacts, conversations

NOW = datetime(2026, 11, 20, 15, 4, 5, tzinfo=UTC)
NUMBER = "+13125550111"


def _start(db) -> None:
    with write_transaction(db) as conn:
        contact = store.lock_contact(conn, "sms", NUMBER, NOW)
        conv = store.start_conversation(conn, contact["id"], "sms", "theft", 1, "where",
                                        {"count": 0}, NOW)
        store.update_contact(conn, contact["id"], conversation_id=conv["id"])


def _turn(db, errors: list, replace_every: int) -> None:
    """Count one more in the conversation; every few turns, move to a fresh conversation
    carrying the count, as a submit followed by a new report would."""
    try:
        with write_transaction(db) as conn:
            contact, conv = store.lock_contact_with_conversation(conn, "sms", NUMBER, NOW)
            time.sleep(0.005)  # hold the lock long enough for the others to queue behind it
            count = conv["data"]["count"] + 1
            if count % replace_every == 0:
                conv["status"] = "submitted"
                store.save_conversation(conn, conv, NOW)
                conv = store.start_conversation(conn, contact["id"], "sms", "theft", 1,
                                                "where", {"count": count}, NOW)
                store.update_contact(conn, contact["id"], conversation_id=conv["id"])
            else:
                conv["data"]["count"] = count
                store.save_conversation(conn, conv, NOW)
    except Exception as exc:  # noqa: BLE001 - reported by the test
        errors.append(exc)


def test_concurrent_turns_from_one_number_never_lose_an_update(app):
    db = app.extensions["bot"].db
    _start(db)
    errors: list = []
    threads = [threading.Thread(target=_turn, args=(db, errors, 4)) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    with db.connect() as conn:
        current = conn.execute(select(contacts.c.conversation_id)).scalar_one()
        data = conn.execute(select(conversations.c.data)
                            .where(conversations.c.id == current)).scalar_one()
        active = conn.execute(select(conversations.c.id)
                              .where(conversations.c.status == "active")).scalars().all()
    assert data["count"] == 12
    assert active == [current]


def test_a_failed_turn_is_rolled_back_and_the_next_turn_starts_on_a_fresh_connection(tmp_path):
    db = make_engine(f"sqlite:///{tmp_path / 'held.db'}")
    with write_transaction(db) as first:
        first.exec_driver_sql("CREATE TABLE notes (body TEXT)")
    with write_transaction(db) as second:
        second.exec_driver_sql("INSERT INTO notes VALUES ('kept')")
    assert second is first  # a worker's turns share one connection
    with pytest.raises(RuntimeError), write_transaction(db) as failing:
        failing.exec_driver_sql("INSERT INTO notes VALUES ('lost')")
        raise RuntimeError("the turn failed half way")
    with write_transaction(db) as after:
        bodies = [row[0] for row in after.exec_driver_sql("SELECT body FROM notes")]
    assert bodies == ["kept"]
    assert after is not failing
    assert db.pool.checkedout() == 1  # the failed turn's connection went back to the pool
    db.dispose()
