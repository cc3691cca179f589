"""The one sender: hands queued messages to RQ or a local thread, makes each attempt."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, Retry
from sqlalchemy import Engine

from bot.masking import mask_address, redact
from bot.outbound import records
from bot.outbound.errors import DeliveryError
from bot.outbound.local import LocalQueue
from bot.outbound.sms import SmsGateway
from bot.outbound.webhook import WebhookPoster

log = logging.getLogger("bot.outbound")

RQ_QUEUE = "outbound"
DELIVER_JOB = "bot.outbound.jobs.deliver_job"  # by name: jobs.py imports this module
JOB_TIMEOUT = 120  # seconds; one attempt is two short HTTP calls at most
FAILED_JOB_TTL = 7 * 24 * 3600  # keep failed jobs a week for inspection with `rq info`


@dataclass(frozen=True)
class Outcome:
    """What one deliver() call did to a message."""

    message_id: int
    status: str  # the row's status afterwards (or why it was skipped: "missing", "taken")
    attempts: int = 0
    retry: bool = False  # a transient failure; the row is "queued" again for a later attempt
    error: str | None = None


class Sender:
    """Delivers outbound messages; build one per process from the config and an engine."""

    def __init__(
        self, config: Mapping[str, Any], engine: Engine, *, queue_name: str = RQ_QUEUE
    ) -> None:
        self.engine = engine
        self.retry_delays = list(config.get("OUTBOUND_RETRY_DELAYS") or [])
        self.max_attempts = 1 + len(self.retry_delays)
        self.queue_name = queue_name
        self.redis_url = config.get("REDIS_URL") or None
        self._sms = SmsGateway(config)
        self._webhook = WebhookPoster(config.get("ONCALL_WEBHOOK_SECRET"))
        self._local = LocalQueue(self.deliver, self.retry_delays)
        self._rq_queue: Queue | None = None

    def dispatch(self, message_ids: Iterable[int]) -> None:
        """Hand committed message ids on: to RQ when REDIS_URL is set, else to a local thread."""
        for message_id in message_ids:
            if self.redis_url:
                try:
                    self._enqueue(message_id)
                    continue
                except RedisError as exc:  # sending from this process beats not sending
                    log.warning(
                        "outbound message %s: cannot enqueue on Redis (%s); sending in-process",
                        message_id,
                        type(exc).__name__,
                    )
            self._local.put(message_id)

    def drain(self, timeout: float = 10.0) -> bool:
        """Wait until the in-process queue is idle, retries included; False on timeout."""
        return self._local.drain(timeout)

    def close(self) -> None:
        """Stop the in-process thread (rows not yet attempted stay "queued")."""
        self._local.close()

    def redispatch_queued(self, older_than: timedelta = timedelta(minutes=5)) -> int:
        """Dispatch rows still "queued" (e.g. after a restart) created before older_than ago."""
        ids = records.queued_before(self.engine, records.utcnow() - older_than)
        self.dispatch(ids)
        return len(ids)

    def deliver(self, message_id: int, *, final_attempt: bool = False) -> Outcome:
        """Make one delivery attempt for a queued message and record its result.

        Skips rows that are not "queued" (already sent, or taken by another worker), so a
        message is never sent twice. final_attempt turns a transient failure into "failed".
        """
        claim = records.claim(self.engine, message_id)
        if not claim.claimed:
            if claim.status == "suppressed":
                log.info("outbound message %s: suppressed, contact opted out", message_id)
            else:
                log.info("outbound message %s: skipped, status %s", message_id, claim.status)
            return Outcome(message_id, claim.status)
        try:
            status, provider_sid = self._send(claim)
        except DeliveryError as exc:
            return self._failed(claim, exc, final_attempt)
        records.finish(self.engine, message_id, status, provider_sid=provider_sid)
        log.info(
            "outbound message %s: %s to %s via %s (attempt %s)",
            message_id,
            status,
            mask_address(claim.address),
            claim.channel,
            claim.attempts,
        )
        return Outcome(message_id, status, attempts=claim.attempts)

    def _send(self, claim: records.Claim) -> tuple[str, str | None]:
        if claim.channel == "sms":
            return self._sms.send(claim.address, claim.body)
        if claim.channel == "webhook":
            self._webhook.post(claim.address, claim.body, claim.message_id)
            return "delivered", None
        if claim.channel == "chat":
            return "delivered", None  # the chat page reads replies from the database
        raise DeliveryError(f"unknown channel {claim.channel!r}", retryable=False)

    def _failed(self, claim: records.Claim, exc: DeliveryError, final_attempt: bool) -> Outcome:
        reason = redact(exc.reason)
        retry = exc.retryable and not final_attempt and claim.attempts < self.max_attempts
        if retry:
            records.release(self.engine, claim.message_id, reason)
            log.warning(
                "outbound message %s to %s: attempt %s of %s failed, will retry: %s",
                claim.message_id,
                mask_address(claim.address),
                claim.attempts,
                self.max_attempts,
                reason,
            )
            return Outcome(claim.message_id, "queued", claim.attempts, retry=True, error=reason)
        records.finish(self.engine, claim.message_id, "failed", error=reason)
        log.error(
            "outbound message %s to %s: failed after %s attempt(s): %s",
            claim.message_id,
            mask_address(claim.address),
            claim.attempts,
            reason,
        )
        return Outcome(claim.message_id, "failed", claim.attempts, error=reason)

    def _enqueue(self, message_id: int) -> None:
        retry = None
        if self.retry_delays:
            retry = Retry(max=len(self.retry_delays), interval=self.retry_delays)
        self._queue().enqueue(
            DELIVER_JOB,
            message_id,
            retry=retry,
            job_timeout=JOB_TIMEOUT,
            failure_ttl=FAILED_JOB_TTL,
            description=f"deliver outbound message {message_id}",
        )

    def _queue(self) -> Queue:
        if self._rq_queue is None:
            connection = Redis.from_url(self.redis_url, socket_connect_timeout=2, socket_timeout=5)
            self._rq_queue = Queue(self.queue_name, connection=connection)
        return self._rq_queue
