"""Queueing outbound rows and applying Twilio's status callbacks."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.outbound import SMS_MAX_CHARS, queue, record_status
from bot.storage.tables import messages


def test_reply_is_queued_in_the_callers_transaction(engine, outbox):
    with engine.begin() as conn:
        message_id = queue(conn, channel="sms", address="+15551234567",
                           body="Thanks, we got your report.", kind="reply")

    row = outbox.row(message_id)
    assert (row.direction, row.channel, row.kind, row.status) == ("out", "sms", "reply", "queued")
    assert row.address == "+15551234567"
    assert row.attempts == 0
    assert row.created_at is not None


def test_nothing_is_queued_when_the_callers_transaction_rolls_back(engine):
    with engine.connect() as conn:
        with conn.begin() as transaction:
            queue(conn, channel="sms", address="+15551234567", body="Hi", kind="reply")
            transaction.rollback()
        assert conn.scalar(select(func.count()).select_from(messages)) == 0


def test_a_long_sms_is_cut_to_what_twilio_accepts(outbox):
    sms = outbox.queue(body="x" * 2000)
    webhook = outbox.queue(channel="webhook", address="https://oncall.example.gov/hook",
                           body="y" * 2000, kind="alert")

    assert len(outbox.row(sms).body) == SMS_MAX_CHARS
    assert outbox.row(sms).body.endswith("…")
    assert len(outbox.row(webhook).body) == 2000


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"channel": "fax"}, "unknown outbound channel"),
        ({"kind": "spam"}, "unknown message kind"),
        ({"address": None}, "needs an address"),
    ],
)
def test_a_malformed_message_is_refused(engine, bad, message):
    fields = {"channel": "sms", "address": "+15551234567", "body": "Hi", "kind": "reply", **bad}
    with engine.begin() as conn, pytest.raises(ValueError, match=message):
        queue(conn, **fields)


def _sent(outbox, sender):
    message_id = outbox.queue()
    sender.deliver(message_id)
    return message_id, outbox.row(message_id).provider_sid


def test_delivery_receipt_marks_the_sms_delivered(engine, outbox, sender):
    message_id, sid = _sent(outbox, sender)

    with engine.begin() as conn:
        assert record_status(conn, sid, "sent")
        assert record_status(conn, sid, "delivered")

    assert outbox.row(message_id).status == "delivered"


def test_a_late_sent_callback_does_not_undo_delivered(engine, outbox, sender):
    message_id, sid = _sent(outbox, sender)

    with engine.begin() as conn:
        record_status(conn, sid, "delivered")
        assert record_status(conn, sid, "sent") is True  # known sid, nothing to change
        record_status(conn, sid, "queued")

    assert outbox.row(message_id).status == "delivered"


def test_read_receipt_follows_delivered(engine, outbox, sender):
    message_id, sid = _sent(outbox, sender)

    with engine.begin() as conn:
        record_status(conn, sid, "delivered")
        record_status(conn, sid, "read")

    assert outbox.row(message_id).status == "read"


def test_carrier_rejection_is_recorded_with_its_error_code(engine, outbox, sender):
    message_id, sid = _sent(outbox, sender)

    with engine.begin() as conn:
        record_status(conn, sid, "sent")
        record_status(conn, sid, "undelivered", error_code="30003")
        record_status(conn, sid, "delivered")  # a terminal status is final

    row = outbox.row(message_id)
    assert row.status == "undelivered"
    assert row.error == "twilio error 30003"


def test_callback_for_an_unknown_message_is_reported(engine):
    with engine.begin() as conn:
        assert record_status(conn, "SM" + "0" * 32, "delivered") is False
