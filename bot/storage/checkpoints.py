"""WAL checkpoints for a SQLite file, run by a thread of their own instead of by a turn.

SQLite copies the write-ahead log back into the database file (a checkpoint) in the
connection whose commit pushes the log past wal_autocheckpoint pages: that turn holds the
write lock through the copy and an fsync, and every turn queued behind it waits. Here a
daemon thread per process runs a PASSIVE checkpoint every second, which never blocks a
writer; turns' connections keep a far higher automatic threshold only as a backstop.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)
BACKSTOP_PAGES = 20000  # ~80 MB of log: only reached if the thread cannot keep up
INTERVAL_SECONDS = 1.0


class Checkpointer:
    """Started on the first write in each process (gunicorn workers are forked)."""

    def __init__(self, path: Path, interval: float = INTERVAL_SECONDS):
        self.path = path
        self.interval = interval
        self._pid: int | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()

    def ensure_running(self) -> None:
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid == os.getpid():
                return
            self._stop = threading.Event()
            thread = threading.Thread(target=self._run, args=(self._stop,),
                                      name="sqlite-checkpoint", daemon=True)
            thread.start()
            self._pid = os.getpid()

    def stop(self) -> None:
        self._stop.set()

    def checkpoint(self) -> tuple[int, int, int] | None:
        """(busy, log frames, frames copied), as SQLite reports them; None if unreachable."""
        try:
            conn = sqlite3.connect(self.path, timeout=0.1, isolation_level=None)
        except sqlite3.Error:
            return None
        try:
            return conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:
            log.debug("checkpoint of %s skipped: %s", self.path.name, exc)
            return None
        finally:
            conn.close()

    def _run(self, stop: threading.Event) -> None:
        while not stop.wait(self.interval):
            if not self.path.exists():
                return  # the database was removed (a test's temporary file)
            self.checkpoint()
