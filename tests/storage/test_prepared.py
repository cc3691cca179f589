"""Statements run on the driver's cursor store and read values as SQLAlchemy Core does."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from bot.storage import conversations as store
from bot.storage import reports as report_store
from bot.storage.tables import contacts, conversations, events, reports

NOW = datetime(2026, 11, 20, 15, 4, 5, 123456, tzinfo=UTC)


def test_a_conversation_written_by_prepared_statements_reads_back_through_core(app):
    db = app.extensions["bot"].db
    with db.begin() as conn:
        contact = store.lock_contact(conn, "sms", "+13125550111", NOW)
        conv = store.start_conversation(conn, contact["id"], "sms", "theft", 1, "location",
                                        {"answers": {"item": "bike ¿ñ 🚲"}}, NOW)
        store.update_contact(conn, contact["id"], conversation_id=conv["id"], opted_out=True)
        conv["data"]["answers"]["location"] = {"text": "120 Main St"}
        store.save_conversation(conn, conv, NOW + timedelta(minutes=1))
        store.record_events(conn, [{"at": NOW, "kind": "step_answered",
                                    "contact_id": contact["id"], "data": {"step": "item"}},
                                   {"at": NOW, "kind": "opted_out"}])
    assert conv["started_at"] == NOW
    with db.connect() as conn:
        row = conn.execute(select(conversations)).mappings().one()
        who = conn.execute(select(contacts)).mappings().one()
        logged = conn.execute(select(events.c.kind, events.c.data).order_by(events.c.id)).all()
    assert row["data"] == {"answers": {"item": "bike ¿ñ 🚲", "location": {"text": "120 Main St"}}}
    assert row["updated_at"].replace(tzinfo=UTC) == NOW + timedelta(minutes=1)
    assert who["opted_out"] is True and who["conversation_id"] == conv["id"]
    assert logged == [("step_answered", {"step": "item"}), ("opted_out", {})]
    with db.begin() as conn:
        again, loaded = store.lock_contact_with_conversation(conn, "sms", "+13125550111", NOW)
    assert again["opted_out"] is True
    assert loaded["data"] == row["data"] and loaded["state"] == "location"


def test_a_taken_reference_is_drawn_again_without_losing_the_report(app, monkeypatch):
    db = app.extensions["bot"].db
    drawn = iter(["T-AAA-BBB", "T-AAA-BBB", "T-CCC-DDD"])
    monkeypatch.setattr(report_store, "new_reference", lambda _type: next(drawn))
    values = {"type": "theft", "agency": "311", "language": "en", "channel": "sms",
              "description": "red bike"}
    with db.begin() as conn:
        first = report_store.file_report(conn, values, NOW)
        second = report_store.file_report(conn, values, NOW)
    assert first[1] == "T-AAA-BBB" and second[1] == "T-CCC-DDD"
    with db.connect() as conn:
        rows = conn.execute(select(reports.c.reference, reports.c.status, reports.c.answers)
                            .order_by(reports.c.id)).all()
    assert rows == [("T-AAA-BBB", "new", {}), ("T-CCC-DDD", "new", {})]


def test_unknown_columns_are_refused(app):
    db = app.extensions["bot"].db
    with db.begin() as conn:
        contact = store.lock_contact(conn, "sms", "+13125550112", NOW)
        with pytest.raises(ValueError, match="nickname"):
            store.update_contact(conn, contact["id"], nickname="x")


def test_a_driver_error_is_raised_as_sqlalchemys_as_connection_execute_would(app):
    from sqlalchemy.exc import IntegrityError

    from bot.storage.prepared import Prepared, batched

    db = app.extensions["bot"].db
    keys = [c.name for c in events.c if c.name != "id"]
    bad = Prepared(insert(events), keys)
    no_time = {**dict.fromkeys(keys), "kind": "step_answered", "data": {}}  # "at" is NOT NULL
    with pytest.raises(IntegrityError), db.begin() as conn:
        bad.execute(conn, no_time)
    with pytest.raises(IntegrityError), db.begin() as conn, batched(conn):
        store.record_events(conn, [{"at": NOW, "kind": "step_answered"}])
        bad.execute(conn, no_time)
    with db.connect() as conn:
        assert conn.execute(select(events)).all() == []  # both transactions rolled back


def test_sqlite_timestamps_are_written_as_the_same_text_core_writes():
    from datetime import date, timezone

    from sqlalchemy.dialects import sqlite

    from bot.storage.prepared import _faster

    core = sqlite.DATETIME().bind_processor(sqlite.dialect())
    fast = _faster(sqlite.DATETIME(), core)
    assert fast is not core
    values = [NOW, NOW.replace(microsecond=0), datetime(999, 1, 2, 3, 4, 5, 6),
              datetime(2026, 3, 8, 2, 30),
              datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=-6))),
              date(2026, 5, 4), None]
    assert [fast(v) for v in values] == [core(v) for v in values]
    with pytest.raises(TypeError):
        fast("2026-01-01")


def test_sqlite_json_columns_read_back_as_core_reads_them():
    from sqlalchemy import JSON
    from sqlalchemy.dialects import sqlite

    from bot.storage.prepared import _faster_json_result

    dialect = sqlite.dialect()
    type_ = JSON().dialect_impl(dialect)
    core = type_.result_processor(dialect, None)
    fast = _faster_json_result(type_, dialect)
    assert fast is not core
    texts = ['{"answers": {"kind": "theft"}, "history": ["a", "b"], "misses": 0}', "[1, 2.5]",
             '"caf\\u00e9"', "null", "7", ' {"a": 1}', '{"a": 1} ', 3, 2.5]
    assert [fast(t) for t in texts] == [core(t) for t in texts]
    for bad in ('{"a": 1} x', "{", "", "NaNx", '\ufeff{"a": 1}'):
        with pytest.raises(ValueError) as expected:
            core(bad)
        with pytest.raises(type(expected.value)):
            fast(bad)
