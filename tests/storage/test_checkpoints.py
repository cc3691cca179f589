"""The WAL is copied back into a SQLite file by a thread, not by a resident's turn."""

import threading

from sqlalchemy import text

from bot.storage.checkpoints import BACKSTOP_PAGES
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
