"""The RQ job: `rq worker --with-scheduler --url $REDIS_URL outbound` runs deliver_job."""

from __future__ import annotations

import os

from rq import get_current_job

from bot.config import load_config
from bot.outbound.sender import Sender
from bot.storage.db import make_engine

# One Sender (engine, Twilio client) per process. Keyed by pid because RQ's default worker
# forks a child per job, and a pooled connection must never cross a fork.
_senders: dict[int, Sender] = {}


class RetryLater(Exception):
    """A transient failure: RQ's Retry schedules the next attempt after the configured delay."""


def deliver_job(message_id: int) -> str:
    """One delivery attempt for message_id; raises RetryLater so RQ retries transient failures."""
    job = get_current_job()
    # Without retries left (or outside RQ) a transient failure is the last word.
    final = job is None or not job.retries_left
    outcome = sender().deliver(message_id, final_attempt=final)
    if outcome.retry:
        raise RetryLater(
            f"outbound message {message_id}: attempt {outcome.attempts} failed: {outcome.error}"
        )
    return outcome.status


def sender() -> Sender:
    """This worker process's Sender, built from load_config() (the environment) on first use."""
    pid = os.getpid()
    current = _senders.get(pid)
    if current is None:
        _senders.clear()
        config = load_config()
        current = _senders[pid] = Sender(config, make_engine(config["DATABASE_URL"]))
    return current
