"""The WAL is copied back into a SQLite file by a thread, not by a resident's turn."""

import sqlite3
import threading

from sqlalchemy import text

from bot.storage.checkpoints import BACKSTOP_PAGES, Checkpointer
from bot.storage.db import make_engine, write_transaction


def _checkpoint_threads() -> int:
    return sum(t.name == "sqlite-checkpoint" for t in threading.enumerate())


def test_turns_leave_checkpoints_to_one_thread_per_process(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'bot.db'}")
    before = _checkpoint_threads()
    with write_transaction(engine) as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
    for i in range(50):
        with write_transaction(engine) as conn:
            conn.execute(text("INSERT INTO t VALUES (:x)"), {"x": "x" * 2000 + str(i)})
            pages = conn.execute(text("PRAGMA wal_autocheckpoint")).scalar()
    assert pages == BACKSTOP_PAGES
    assert _checkpoint_threads() == before + 1
    from bot.storage import db as db_module

    busy, logged, copied = db_module._checkpointers[engine].checkpoint()
    assert busy == 0 and logged > 0 and copied == logged  # everything reached the file
    db_module._checkpointers[engine].stop()
    engine.dispose()


class _Recorded:
    """A stand-in for the turn lock that records when it is taken and runs a hook then."""

    def __init__(self, on_enter=None):
        self.entered = 0
        self.on_enter = on_enter

    def __enter__(self):
        self.entered += 1
        if self.on_enter:
            self.on_enter()

    def __exit__(self, *exc):
        return False


def _wal_db(path):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t (x TEXT)")
    return conn


def test_a_log_left_incomplete_is_finished_under_the_turn_lock(tmp_path):
    path = tmp_path / "bot.db"
    writer = _wal_db(path)
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM t").fetchone()  # a snapshot taken before the rows
    for i in range(20):
        writer.execute("INSERT INTO t VALUES (?)", ("x" * 3000 + str(i),))
    # The first pass cannot copy past the open snapshot; the turn it stands for ends once
    # the lock is ours, and the second pass then copies everything.
    lock = _Recorded(on_enter=lambda: reader.execute("COMMIT"))
    busy, logged, copied = Checkpointer(path, lock=lock).checkpoint()
    assert lock.entered == 1
    assert busy == 0 and logged > 0 and copied == logged


def test_checkpoints_complete_while_turns_keep_writing_so_the_log_restarts(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'bot.db'}")
    with write_transaction(engine) as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
    stop = threading.Event()

    def turns():
        i = 0
        while not stop.is_set():
            with write_transaction(engine) as conn:
                conn.execute(text("INSERT INTO t VALUES (:x)"), {"x": "x" * 2000 + str(i)})
            i += 1

    writer = threading.Thread(target=turns)
    writer.start()
    from bot.storage import db as db_module

    checkpointer = db_module._checkpointers[engine]
    try:
        results = [checkpointer.checkpoint() for _ in range(5)]
    finally:
        stop.set()
        writer.join()
    assert all(busy == 0 and copied == logged for busy, logged, copied in results)
    # Turns the writer got in after the last of those (many on a loaded machine) are copied
    # now, so the log is wholly copied before the next turn.
    assert checkpointer.checkpoint()[0] == 0
    with write_transaction(engine) as conn:  # the next turn starts the log from the top
        conn.execute(text("INSERT INTO t VALUES ('last')"))
    busy, logged, copied = checkpointer.checkpoint()
    assert 0 < logged <= 10
    checkpointer.stop()
    engine.dispose()
