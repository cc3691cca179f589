"""Database engines: SQLite (WAL, one writer at a time) and PostgreSQL, one engine per URL."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event

from bot.config import sqlite_path
from bot.storage.checkpoints import BACKSTOP_PAGES, Checkpointer
from bot.storage.prepared import as_sqlalchemy_error

log = logging.getLogger(__name__)


# json.dumps(value) with its default settings, as one call to the C encoder json.dumps
# itself ends in: json.dumps builds that encoder anew (and checks its arguments) on every
# call, three times a turn (the conversation's data and each event's). The text is the
# same. Only the check for circular references is left out: the bot's JSON columns hold
# what was read from JSON and plain values, and a cycle would still fail (RecursionError
# instead of ValueError). A module-level function, not a closure: psycopg builds a dumper
# class per closure it is given (and warns about it), one per connection.
_encode_str = json.encoder.encode_basestring_ascii
_c_make_encoder = json.encoder.c_make_encoder
_make = (None if _c_make_encoder is None else  # no C accelerator in this Python
         _c_make_encoder(None, json.JSONEncoder().default, _encode_str, None, ": ", ", ",
                         False, False, True))


def _fast_json_dumps(value) -> str:
    if value.__class__ is str:  # as JSONEncoder.encode: a bare string in one piece
        return _encode_str(value)
    return "".join(_make(value, 0))


json_dumps = json.dumps if _make is None else _fast_json_dumps


class TurnLock:
    """One writer at a time on a SQLite file, across threads and processes, in a queue.

    SQLite's own busy handler polls for the write lock after 1, 2, 5, 10 ... ms, so with two
    workers one often sleeps while the lock sits free and the other takes it again. A waiter
    on this lock (flock on a file beside the database) wakes as soon as it is released.
    SQLite's lock still guards the data; this only orders who asks for it.
    """

    def __init__(self, path: Path):
        self.path = path
        self._threads = threading.Lock()
        self._fd: int | None = None
        self._opened = False

    def __enter__(self) -> None:
        self._threads.acquire()
        try:
            if not self._opened:
                self._fd, self._opened = self._open(), True
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_EX)
        except BaseException:
            self._threads.release()
            raise

    def __exit__(self, *exc) -> None:
        try:
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._threads.release()

    def after_fork(self) -> None:
        """In a forked child (a gunicorn worker): a lock and an open file of its own."""
        if self._fd is not None:
            os.close(self._fd)
        self._threads, self._fd, self._opened = threading.Lock(), None, False

    def _open(self) -> int | None:
        try:
            return os.open(self.path, os.O_RDONLY | os.O_CREAT, 0o644)
        except OSError:
            log.warning("cannot open %s; writers wait in SQLite's busy handler", self.path)
            return None


class HeldConnection:
    """Each thread's Connection to a SQLite file, kept open from one turn to the next.

    Checking a connection out of the pool and back in cost about 6% of a webhook request
    (the pool's bookkeeping, events and a rollback on return), for a file that is local and
    a worker that runs one turn at a time. The connection is dropped (and the next turn
    checks out a fresh one) whenever a turn fails, and never crosses a fork.
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self._local = threading.local()

    def get(self) -> Connection:
        local = self._local
        conn = getattr(local, "conn", None)
        if conn is None or local.pid != os.getpid() or conn.closed or conn.invalidated:
            conn = local.conn = self.engine.connect()
            local.pid = os.getpid()
        return conn

    def drop(self) -> None:
        conn, self._local.conn = getattr(self._local, "conn", None), None
        if conn is not None and self._local.pid == os.getpid():
            try:
                conn.close()
            except Exception:  # already broken: the pool discards it either way
                log.debug("closing a failed turn's connection", exc_info=True)


_turn_locks: weakref.WeakKeyDictionary[Engine, TurnLock] = weakref.WeakKeyDictionary()
_held: weakref.WeakKeyDictionary[Engine, HeldConnection] = weakref.WeakKeyDictionary()
_checkpointers: weakref.WeakKeyDictionary[Engine, Checkpointer] = weakref.WeakKeyDictionary()


def _after_fork_in_child() -> None:
    for lock in list(_turn_locks.values()):
        lock.after_fork()


os.register_at_fork(after_in_child=_after_fork_in_child)


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """engine.begin() for a turn that writes; on a SQLite file, turns queue for the lock.

    On a SQLite file the turn's transaction is begun and committed on the driver's
    connection: SQLAlchemy's own begin and commit (a transaction object, events, three
    layers of calls each way) cost about a third of a turn's BEGIN .. COMMIT. A statement
    the turn runs through SQLAlchemy (conn.execute) still works: SQLAlchemy begins its
    transaction inside the open one (_on_begin sees it and adds no BEGIN), and that
    transaction is what commits or rolls back at the end. Driver errors are raised as
    SQLAlchemy's, as before."""
    lock = _turn_locks.get(engine)
    if lock is None:
        with engine.begin() as conn:
            yield conn
        return
    _checkpointers[engine].ensure_running()
    held = _held[engine]
    conn = held.get()  # outside the lock: only BEGIN IMMEDIATE .. COMMIT holds it
    try:
        with lock:
            driver = conn.connection.driver_connection
            try:
                driver.execute("BEGIN IMMEDIATE")
            except Exception as exc:
                as_sqlalchemy_error(conn, "BEGIN IMMEDIATE", exc)
            try:
                yield conn
            except BaseException:
                _rollback(conn, driver)
                raise
            if conn.in_transaction():  # a statement went through SQLAlchemy
                conn.commit()
            else:
                try:
                    driver.commit()
                except Exception as exc:
                    as_sqlalchemy_error(conn, "COMMIT", exc)
    except BaseException:
        held.drop()
        raise


def _rollback(conn: Connection, driver) -> None:
    """End a failed turn's transaction; the connection is dropped after it either way, so
    a failure here gives way to the turn's own error."""
    try:
        if conn.in_transaction():
            conn.rollback()
        elif driver.in_transaction:
            driver.rollback()
    except Exception:
        log.debug("rolling back a failed turn", exc_info=True)


def make_engine(url: str) -> Engine:
    """An engine for url; SQLite gets WAL, a busy timeout and BEGIN IMMEDIATE writes."""
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{path}"
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                               json_serializer=json_dumps)
        _tune_sqlite(engine, wal_autocheckpoint=BACKSTOP_PAGES)
        _turn_locks[engine] = TurnLock(path.with_name(path.name + ".lock"))
        _held[engine] = HeldConnection(engine)
        _checkpointers[engine] = Checkpointer(path, lock=_turn_locks[engine])
        return engine
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False},
                               json_serializer=json_dumps)
        _tune_sqlite(engine)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    # No pre-ping: it cost a round trip per request (9% of a webhook worker's time). A turn
    # that meets a dead connection is retried once by the engine; other pages show an error.
    return create_engine(url, pool_size=5, max_overflow=5, json_serializer=json_dumps)


def _tune_sqlite(engine: Engine, wal_autocheckpoint: int = 1000) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute(f"PRAGMA wal_autocheckpoint={int(wal_autocheckpoint)}")
        # No memory map (mmap_size stays 0): in WAL mode a connection that sees another's
        # commit drops its page cache and unmaps the file, so with two workers taking turns
        # each turn paid an munmap, an mmap and a page fault per page read, and most of the
        # pages a turn reads are in the log (read() either way) since checkpoints restart it
        # twice a second. Without the map: 3-5% more webhook requests a second.
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Take the write lock up front: two messages from one number queue, never deadlock.
        # Straight to the driver, and only when write_transaction has not already begun
        # the turn's transaction there.
        driver = conn.connection.driver_connection
        if not driver.in_transaction:
            driver.execute("BEGIN IMMEDIATE")


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """The process-wide engine for url (workers and the app share this)."""
    return make_engine(url)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
