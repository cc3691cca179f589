"""WAL checkpoints for a SQLite file, run by a thread of their own instead of by a turn.

SQLite copies the write-ahead log back into the database file (a checkpoint) in the
connection whose commit pushes the log past wal_autocheckpoint pages: that turn holds the
write lock through the copy and an fsync, and every turn queued behind it waits. Here a
daemon thread per process checkpoints twice a second instead, in two passes:

1. a PASSIVE checkpoint without any lock, which copies most of the log while turns go on;
2. the same again holding the turn lock, so that no turn appends to the log meanwhile: it
   copies the pages written during the first pass, the log is then complete, and the next
   turn starts it again from its beginning.

Without the second pass a busy log is never complete (turns append while it is copied),
so it grew until a turn's commit crossed the backstop and ran the checkpoint itself: a
~50 ms stall of both workers about once a second under load, which was most of the
webhook's p99 (bench/README.md, session 16). The second pass holds the lock for a few
milliseconds (the copy of the last pages and the file's fsync).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from contextlib import AbstractContextManager
from pathlib import Path

log = logging.getLogger(__name__)
BACKSTOP_PAGES = 20000  # ~80 MB of log: only reached if the thread cannot keep up
INTERVAL_SECONDS = 0.5


class Checkpointer:
    """Started on the first write in each process (gunicorn workers are forked)."""

    def __init__(self, path: Path, lock: AbstractContextManager | None = None,
                 interval: float = INTERVAL_SECONDS):
        self.path = path
        self.lock = lock  # the turns' lock (bot.storage.db.TurnLock), for the second pass
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
        """Both passes; (busy, log frames, frames copied) as SQLite reports the last one
        run, or None if the file cannot be reached."""
        try:
            conn = sqlite3.connect(self.path, timeout=0.1, isolation_level=None)
        except sqlite3.Error:
            return None
        try:
            return self._passes(conn)
        finally:
            conn.close()

    def _passes(self, conn: sqlite3.Connection) -> tuple[int, int, int] | None:
        try:
            first = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            # Even a first pass that copied all it saw is not the whole log: turns went on
            # appending while it ran (20-40 ms under load). Busy: another process's
            # checkpoint is running, and that one will take the second pass.
            if first[0] or self.lock is None:
                return first
            with self.lock:
                return conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:
            log.debug("checkpoint of %s skipped: %s", self.path.name, exc)
            return None

    def _run(self, stop: threading.Event) -> None:
        conn = None
        try:
            while not stop.wait(self.interval):
                if not self.path.exists():
                    return  # the database was removed (a test's temporary file)
                if conn is None:  # one connection for the thread's life, not one a pass
                    try:
                        conn = sqlite3.connect(self.path, timeout=0.1, isolation_level=None,
                                               check_same_thread=False)
                    except sqlite3.Error:
                        continue
                if self._passes(conn) is None:
                    conn.close()
                    conn = None
        finally:
            if conn is not None:
                conn.close()
