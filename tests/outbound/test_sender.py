"""Delivering queued messages in-process, through twilio's real library against the fake API."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import socket
import threading
from datetime import timedelta

import pytest
from twilio.http.http_client import TwilioHttpClient

from bot.outbound import BaseUrlHttpClient, twilio_client
from tests.outbound.conftest import PUBLIC_URL, WEBHOOK_SECRET

RESIDENT = "+15551234567"
ONCALL_HOOK_BODY = json.dumps({"level": "emergency", "reference": "R-1042"})


def test_queued_sms_is_sent_through_twilio_and_recorded(fake_twilio, outbox, sender):
    message_id = outbox.queue(body="Thanks, your report R-1042 is in.")

    sender.dispatch([message_id])
    assert sender.drain(timeout=10)

    [sent] = fake_twilio.messages
    assert (sent.to, sent.from_, sent.body) == (
        RESIDENT, fake_twilio.from_number, "Thanks, your report R-1042 is in."
    )
    assert sent.status_callback == PUBLIC_URL + "/sms/status"
    row = outbox.row(message_id)
    assert (row.status, row.provider_sid, row.attempts, row.error) == ("queued", sent.sid, 1, None)
    assert row.updated_at is not None


def test_messaging_service_sends_when_configured(fake_twilio, outbox, make_sender):
    sender = make_sender(TWILIO_MESSAGING_SERVICE_SID="MG" + "1" * 32, PUBLIC_URL=None)
    message_id = outbox.queue()

    sender.deliver(message_id)

    [sent] = fake_twilio.messages
    assert sent.messaging_service_sid == "MG" + "1" * 32
    assert sent.from_ is None
    assert sent.status_callback is None
    assert outbox.row(message_id).status == "accepted"


@pytest.mark.parametrize("status", [500, 503, 429])
def test_twilio_hiccup_is_retried_and_counted(fake_twilio, outbox, sender, status):
    fake_twilio.fail_next(1, status=status)
    message_id = outbox.queue()

    sender.dispatch([message_id])
    assert sender.drain(timeout=10)

    row = outbox.row(message_id)
    assert len(fake_twilio.messages) == 1
    assert (row.status, row.attempts) == ("queued", 2)
    assert row.provider_sid == fake_twilio.messages[0].sid


@pytest.mark.parametrize("code", [21610, 21211])
def test_permanent_twilio_error_fails_at_once(fake_twilio, outbox, sender, code):
    fake_twilio.fail_next(3, status=400, code=code)
    message_id = outbox.queue()

    sender.dispatch([message_id])
    assert sender.drain(timeout=10)

    row = outbox.row(message_id)
    assert (row.status, row.attempts, row.provider_sid) == ("failed", 1, None)
    assert f"twilio {code}" in row.error
    assert fake_twilio.messages == []


def test_message_fails_when_retries_run_out(fake_twilio, outbox, sender):
    fake_twilio.fail_next(5, status=500)
    message_id = outbox.queue()

    sender.dispatch([message_id])
    assert sender.drain(timeout=10)

    row = outbox.row(message_id)
    assert (row.status, row.attempts) == ("failed", 3)  # the first try and two retries
    assert "twilio 20500" in row.error


def test_unreachable_twilio_is_retried_then_failed(outbox, make_sender):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    sender = make_sender(TWILIO_API_BASE=f"http://127.0.0.1:{closed_port}")
    message_id = outbox.queue()

    sender.dispatch([message_id])
    assert sender.drain(timeout=30)

    row = outbox.row(message_id)
    assert (row.status, row.attempts) == ("failed", 3)
    assert row.error == "cannot reach Twilio: ConnectionError"


def test_opted_out_resident_gets_no_reply(fake_twilio, outbox, sender):
    contact_id = outbox.contact(RESIDENT, opted_out=True)
    by_contact = outbox.queue(contact_id=contact_id)
    by_number = outbox.queue(kind="notice")

    sender.dispatch([by_contact, by_number])
    assert sender.drain(timeout=10)

    assert fake_twilio.messages == []
    for message_id in (by_contact, by_number):
        row = outbox.row(message_id)
        assert (row.status, row.attempts) == ("suppressed", 0)


def test_alert_reaches_an_opted_out_number(fake_twilio, outbox, sender):
    contact_id = outbox.contact(RESIDENT, opted_out=True)
    message_id = outbox.queue(kind="alert", body="Escalation R-1042", contact_id=contact_id)

    sender.dispatch([message_id])
    assert sender.drain(timeout=10)

    assert [m.body for m in fake_twilio.messages] == ["Escalation R-1042"]
    assert outbox.row(message_id).status == "queued"


def test_chat_reply_needs_no_provider(fake_twilio, outbox, sender):
    message_id = outbox.queue(channel="chat", address="session-7f3a")

    sender.dispatch([message_id])
    assert sender.drain(timeout=10)

    assert (outbox.row(message_id).status, outbox.row(message_id).attempts) == ("delivered", 1)
    assert fake_twilio.messages == []


def test_escalation_webhook_arrives_signed(fake_webhook, outbox, sender):
    message_id = outbox.queue(channel="webhook", address=fake_webhook.url,
                              body=ONCALL_HOOK_BODY, kind="alert")

    sender.dispatch([message_id])
    assert sender.drain(timeout=10)

    [post] = fake_webhook.received
    expected = hmac.new(WEBHOOK_SECRET.encode(), post.body, hashlib.sha256).hexdigest()
    assert post.headers["X-Bot-Signature"] == "sha256=" + expected
    assert post.headers["Content-Type"] == "application/json"
    assert post.headers["X-Bot-Message-Id"] == str(message_id)
    assert post.json() == {"level": "emergency", "reference": "R-1042"}
    assert outbox.row(message_id).status == "delivered"


def test_webhook_outage_is_retried(fake_webhook, outbox, sender):
    fake_webhook.fail_next(1, status=502)
    message_id = outbox.queue(channel="webhook", address=fake_webhook.url,
                              body=ONCALL_HOOK_BODY, kind="alert")

    sender.dispatch([message_id])
    assert sender.drain(timeout=10)

    assert len(fake_webhook.received) == 2
    assert (outbox.row(message_id).status, outbox.row(message_id).attempts) == ("delivered", 2)


def test_webhook_rejection_fails_at_once(fake_webhook, outbox, sender):
    fake_webhook.fail_next(1, status=403)
    message_id = outbox.queue(channel="webhook", address=fake_webhook.url,
                              body=ONCALL_HOOK_BODY, kind="alert")

    sender.deliver(message_id)

    row = outbox.row(message_id)
    assert (row.status, row.attempts, row.error) == ("failed", 1, "webhook answered HTTP 403")


def test_webhook_is_not_sent_unsigned(fake_webhook, outbox, make_sender):
    sender = make_sender(ONCALL_WEBHOOK_SECRET=None)
    message_id = outbox.queue(channel="webhook", address=fake_webhook.url,
                              body=ONCALL_HOOK_BODY, kind="alert")

    sender.deliver(message_id)

    assert fake_webhook.received == []
    assert outbox.row(message_id).status == "failed"
    assert "ONCALL_WEBHOOK_SECRET" in outbox.row(message_id).error


def test_a_message_is_sent_once_however_often_it_is_dispatched(fake_twilio, outbox, sender):
    message_id = outbox.queue()

    sender.dispatch([message_id, message_id])
    assert sender.drain(timeout=10)
    again = sender.deliver(message_id)

    assert len(fake_twilio.messages) == 1
    assert again.status == "queued" and not again.retry
    assert outbox.row(message_id).attempts == 1


def test_racing_workers_send_a_message_once(fake_twilio, outbox, make_sender):
    senders = [make_sender() for _ in range(4)]
    message_id = outbox.queue()
    start = threading.Barrier(len(senders))

    def attempt(sender):
        start.wait(timeout=10)
        sender.deliver(message_id)

    threads = [threading.Thread(target=attempt, args=(s,)) for s in senders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(fake_twilio.messages) == 1
    assert outbox.row(message_id).attempts == 1


def test_logs_never_show_a_full_phone_number(fake_twilio, outbox, sender, caplog):
    caplog.set_level(logging.DEBUG)
    fake_twilio.fail_next(1, status=400, code=21211,
                          message=f"The 'To' number {RESIDENT} is not a valid phone number.")
    failed = outbox.queue()
    sent = outbox.queue()

    sender.dispatch([failed, sent])
    assert sender.drain(timeout=10)

    assert "4567" in caplog.text
    assert "5551234567" not in caplog.text
    assert "5551234567" not in outbox.row(failed).error


def test_without_twilio_credentials_sms_fails_clearly(outbox, make_sender):
    sender = make_sender(TWILIO_ACCOUNT_SID=None)
    message_id = outbox.queue()

    sender.deliver(message_id)

    assert outbox.row(message_id).status == "failed"
    assert "Twilio is not configured" in outbox.row(message_id).error


def test_drain_gives_up_while_a_slow_retry_waits(fake_twilio, outbox, make_sender):
    sender = make_sender(OUTBOUND_RETRY_DELAYS=[60])
    fake_twilio.fail_next(1, status=500)
    message_id = outbox.queue()

    sender.dispatch([message_id])

    assert sender.drain(timeout=1) is False
    assert (outbox.row(message_id).status, outbox.row(message_id).attempts) == ("queued", 1)


def test_messages_left_queued_by_a_restart_are_sent(fake_twilio, outbox, sender):
    message_id = outbox.queue()

    assert sender.redispatch_queued(older_than=timedelta(0)) == 1
    assert sender.drain(timeout=10)

    assert len(fake_twilio.messages) == 1
    assert outbox.row(message_id).provider_sid == fake_twilio.messages[0].sid


def test_without_redis_the_app_still_sends(fake_twilio, outbox, make_sender):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    sender = make_sender(REDIS_URL=f"redis://127.0.0.1:{closed_port}/0")
    message_id = outbox.queue()

    sender.dispatch([message_id])
    assert sender.drain(timeout=10)

    assert len(fake_twilio.messages) == 1
    assert outbox.row(message_id).attempts == 1


def test_client_points_at_the_configured_api_base(fake_twilio):
    client = twilio_client(fake_twilio.config())

    assert isinstance(client.http_client, BaseUrlHttpClient)
    rewrite = client.http_client.rewrite
    assert rewrite("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json") == (
        fake_twilio.url + "/2010-04-01/Accounts/AC1/Messages.json"
    )
    assert rewrite("https://api.twilio.com.evil.example/x") == "https://api.twilio.com.evil.example/x"
    assert rewrite("https://media.twiliocdn.com/x") == "https://media.twiliocdn.com/x"


def test_client_talks_to_twilio_itself_by_default(fake_twilio):
    config = {**fake_twilio.config(), "TWILIO_API_BASE": "https://api.twilio.com/"}

    client = twilio_client(config)

    assert type(client.http_client) is TwilioHttpClient
