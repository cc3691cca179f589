"""The in-process delivery queue used without Redis: one background thread, with backoff."""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Protocol

log = logging.getLogger("bot.outbound")


class Attempted(Protocol):
    retry: bool
    attempts: int


class LocalQueue:
    """Runs attempt(message_id) in a daemon thread; retries after delays[attempts - 1] seconds."""

    def __init__(self, attempt: Callable[[int], Attempted], delays: Sequence[float]) -> None:
        self._attempt = attempt
        self._delays = list(delays)
        self._cond = threading.Condition()
        self._due: list[tuple[float, int, int]] = []  # (when, order, message_id)
        self._order = itertools.count()
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None

    def put(self, message_id: int, delay: float = 0.0) -> None:
        """Attempt message_id after delay seconds."""
        with self._cond:
            if self._closed:
                raise RuntimeError("the outbound queue is closed")
            entry = (time.monotonic() + delay, next(self._order), message_id)
            heapq.heappush(self._due, entry)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="outbound-sender", daemon=True
                )
                self._thread.start()
            self._cond.notify_all()

    def drain(self, timeout: float) -> bool:
        """Wait until nothing is due or running (retries included); False if timeout came first."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._due or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return True

    def close(self, timeout: float = 5.0) -> None:
        """Stop the thread; messages still waiting stay "queued" in the database."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self) -> None:
        while True:
            message_id = self._next()
            if message_id is None:
                return
            try:
                outcome = self._attempt(message_id)
            except Exception:
                # A broken attempt (database down, a bug) must not stop the thread for the others.
                log.exception("outbound message %s: delivery attempt crashed", message_id)
                outcome = None
            with self._cond:
                if outcome is not None and outcome.retry and not self._closed:
                    delay = self._delay_after(outcome.attempts)
                    entry = (time.monotonic() + delay, next(self._order), message_id)
                    heapq.heappush(self._due, entry)
                self._busy = False
                self._cond.notify_all()

    def _next(self) -> int | None:
        with self._cond:
            while not self._closed:
                now = time.monotonic()
                if self._due and self._due[0][0] <= now:
                    self._busy = True
                    return heapq.heappop(self._due)[2]
                self._cond.wait(self._due[0][0] - now if self._due else None)
            return None

    def _delay_after(self, attempts: int) -> float:
        if not self._delays:
            return 0.0
        return float(self._delays[min(max(attempts, 1), len(self._delays)) - 1])
