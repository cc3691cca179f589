"""The durable path: dispatch onto a real RQ queue on Redis, delivered by a real `rq worker`."""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.redis


@pytest.fixture
def rq_sender(make_sender, redis_url, rq_queue):
    return make_sender(REDIS_URL=redis_url, queue_name=rq_queue.name)


def test_worker_sends_a_queued_sms(fake_twilio, outbox, rq_sender, rq_queue, run_worker):
    message_id = outbox.queue(body="Thanks, your report R-1042 is in.")

    rq_sender.dispatch([message_id])
    assert rq_queue.count == 1
    run_worker()

    [sent] = fake_twilio.messages
    assert sent.body == "Thanks, your report R-1042 is in."
    row = outbox.row(message_id)
    assert (row.status, row.provider_sid, row.attempts) == ("queued", sent.sid, 1)
    assert rq_queue.failed_job_registry.count == 0


@pytest.mark.parametrize("worker_class", ["rq.worker.Worker", "rq.worker.SimpleWorker"])
def test_worker_retries_a_twilio_outage(
    fake_twilio, outbox, rq_sender, rq_queue, run_worker, worker_class
):
    fake_twilio.fail_next(1, status=500)
    message_id = outbox.queue()

    rq_sender.dispatch([message_id])
    run_worker("--worker-class", worker_class)

    row = outbox.row(message_id)
    assert (row.status, row.attempts) == ("queued", 2)
    assert row.provider_sid == fake_twilio.messages[0].sid
    assert len(fake_twilio.messages) == 1
    assert rq_queue.failed_job_registry.count == 0


def test_worker_fails_an_unsubscribed_number_at_once(
    fake_twilio, outbox, rq_sender, rq_queue, run_worker
):
    fake_twilio.fail_next(3, status=400, code=21610)
    message_id = outbox.queue()

    rq_sender.dispatch([message_id])
    run_worker()

    row = outbox.row(message_id)
    assert (row.status, row.attempts) == ("failed", 1)
    assert "twilio 21610" in row.error
    assert fake_twilio.messages == []


def test_worker_gives_up_when_retries_run_out(fake_twilio, outbox, rq_sender, run_worker):
    fake_twilio.fail_next(5, status=503)
    message_id = outbox.queue()

    rq_sender.dispatch([message_id])
    run_worker()

    row = outbox.row(message_id)
    assert (row.status, row.attempts) == ("failed", 3)
    assert fake_twilio.messages == []


def test_worker_stops_when_rq_has_no_retries_left(
    fake_twilio, outbox, make_sender, redis_url, rq_queue, run_worker
):
    # The app allowed one retry when it enqueued; the worker's own config would allow three.
    sender = make_sender(REDIS_URL=redis_url, queue_name=rq_queue.name, OUTBOUND_RETRY_DELAYS=[0])
    fake_twilio.fail_next(5, status=500)
    message_id = outbox.queue()

    sender.dispatch([message_id])
    run_worker(retry_delays="[0, 0, 0]")

    row = outbox.row(message_id)
    assert (row.status, row.attempts) == ("failed", 2)


def test_delayed_retry_is_run_by_the_workers_scheduler(
    fake_twilio, outbox, make_sender, redis_url, rq_queue, run_worker
):
    sender = make_sender(REDIS_URL=redis_url, queue_name=rq_queue.name,
                         OUTBOUND_RETRY_DELAYS=[1])
    fake_twilio.fail_next(1, status=500)
    message_id = outbox.queue()

    sender.dispatch([message_id])
    run_worker(retry_delays="[1]")
    waiting = outbox.row(message_id)
    assert (waiting.status, waiting.attempts) == ("queued", 1)
    assert "twilio 20500" in waiting.error
    assert rq_queue.scheduled_job_registry.count == 1

    time.sleep(1.2)
    run_worker("--with-scheduler", retry_delays="[1]")

    row = outbox.row(message_id)
    assert (row.status, row.attempts) == ("queued", 2)
    assert len(fake_twilio.messages) == 1
