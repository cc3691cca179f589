"""How many pages one webhook turn writes to SQLite's log, and which table or index they belong to.

    .venv/bin/python bench/wal_frames.py                 # 3,000 turns after 2,000 of warm-up
    .venv/bin/python bench/wal_frames.py --turns 10000

Every page a turn changes is one frame in the write-ahead log, written inside the turn's
lock (a header and the page, two writes each); after another worker's commit each page a
turn needs is read again. Fewer pages per turn is a shorter locked section. This serves the
same signed walks as bench/turn_cost.py in one process with the checkpoints stopped, then
reads the log's frame headers and names each page with SQLite's dbstat table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import struct
import sys
import tempfile
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import turn_cost  # noqa: E402
import webhook as wh  # noqa: E402

WAL_HEADER = 32
FRAME_HEADER = 24


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--warmup", type=int, default=2000, help="turns before counting")
    p.add_argument("--turns", type=int, default=3000, help="turns counted")
    return p.parse_args(argv)


def frame_pages(wal: Path) -> list[int]:
    """The page number of every frame in a write-ahead log file."""
    data = wal.read_bytes()
    if len(data) < WAL_HEADER:
        return []
    page_size = struct.unpack(">I", data[8:12])[0]
    step = page_size + FRAME_HEADER
    return [struct.unpack(">I", data[offset:offset + 4])[0]
            for offset in range(WAL_HEADER, len(data) - step + 1, step)]


def owners(db: Path) -> dict[int, str]:
    with sqlite3.connect(db) as conn:
        try:
            return dict((page, name) for name, page in
                        conn.execute("SELECT name, pageno FROM dbstat"))
        except sqlite3.Error:  # a build without the dbstat table
            return {}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from bot.storage import checkpoints
    from bot.storage import db as storage

    checkpoints.Checkpointer.ensure_running = lambda self: None  # the log must keep every frame
    storage.BACKSTOP_PAGES = 10 ** 9
    workdir = Path(tempfile.mkdtemp(prefix="bench-wal-"))
    try:
        db = workdir / "bench.db"
        url = f"sqlite:///{db}"
        wh.migrate_and_seed(url)
        os.environ.update(wh.app_config(url))
        os.environ["REDIS_URL"] = ""
        os.environ["BENCH_SAFETY"] = "on"
        import webhook_app

        app = webhook_app.app
        forms = turn_cost.signed_forms(args.warmup + args.turns)
        turn_cost.serve(app, turn_cost.environs("/sms", forms[:args.warmup]))
        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _, bad = turn_cost.serve(app, turn_cost.environs("/sms", forms[args.warmup:]))
        pages = frame_pages(Path(f"{db}-wal"))
        named = owners(db)
        print(f"{len(pages)} frames for {args.turns} turns: {len(pages) / args.turns:.2f} a turn"
              f"{f' ({bad} answers were not 200)' if bad else ''}")
        for name, count in Counter(named.get(p, "?") for p in pages).most_common():
            print(f"{count / args.turns:7.2f}  {name}")
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
