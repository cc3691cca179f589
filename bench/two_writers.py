"""Why a request costs more with two gunicorn workers than with one: the shared SQLite
file, or the machine going idle while a worker waits for the write lock?

    .venv/bin/python bench/two_writers.py [--requests 3000] [--rounds 2]

Runs the webhook's signed walks in-process, through the Flask app's WSGI callable as
bench/turn_cost.py does (no gunicorn, no wrk), in four arrangements, and prints the CPU
time and the wall time per request of each process:

    alone   one process, one SQLite file
    shared  two processes on one SQLite file: what two gunicorn workers do
    split   two processes with a file each: the same load, nothing shared
    nap     one process that sleeps after each request for as long as a shared process
            waited per request (its wall time less its CPU time)

Each process walks its own half of the resident numbers. If shared costs more CPU than
split, and nap costs about as much more as shared, the extra is not SQLite's work (the
instruction count barely moves, see bench/README.md) but the cost of a core that idles
while its worker waits: caches and predictors go cold between turns.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import turn_cost as tc  # noqa: E402
import webhook as wh  # noqa: E402

WARMUP = 800


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--requests", type=int, default=3000, help="measured requests a process")
    p.add_argument("--rounds", type=int, default=2, help="times to run each arrangement")
    return p.parse_args(argv)


def run_process(db: Path, forms: list, requests: int, nap: float, out: int) -> None:
    """In a forked child: serve the forms, write 'cpu_ms wall_ms' to the pipe, exit."""
    os.environ.update(wh.app_config(f"sqlite:///{db}"))
    os.environ["REDIS_URL"] = ""
    import webhook_app

    app = webhook_app.app
    envs = tc.environs("/sms", forms[:WARMUP + requests])

    def start_response(status, headers, exc_info=None):
        if not status.startswith("200"):
            raise SystemExit(f"the webhook answered {status}")

    for environ in envs[:WARMUP]:
        for _chunk in app.wsgi_app(environ, start_response):
            pass
    gc.collect()
    gc.freeze()
    cpu0, wall0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    for environ in envs[WARMUP:]:
        for _chunk in app.wsgi_app(environ, start_response):
            pass
        if nap:
            time.sleep(nap)
    cpu1, wall = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter() - wall0
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    os.write(out, f"{cpu / requests * 1e3:.3f} {wall / requests * 1e3:.3f}\n".encode())


def arrangement(name: str, workdir: Path, halves: list[list], requests: int,
                nap: float = 0.0) -> list[tuple[float, float]]:
    """(CPU ms, wall ms) per request, one pair per process."""
    db = workdir / f"{name}.db"
    wh.migrate_and_seed(f"sqlite:///{db}")
    files = [db, db]  # the file each process serves
    if name == "split":
        files[1] = workdir / f"{name}-2.db"
        shutil.copy(db, files[1])
    count = 2 if name in ("shared", "split") else 1
    read, write = os.pipe()
    children = []
    for k in range(count):
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                os.close(read)
                run_process(files[k], halves[k], requests, nap, write)
            except BaseException as exc:  # a child never returns into the parent's code
                print(f"{name} process {k}: {exc!r}", file=sys.stderr)
                code = 1
            finally:
                os._exit(code)
        children.append(pid)
    os.close(write)
    with os.fdopen(read) as pipe:
        lines = pipe.read().split("\n")
    failed = sum(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0 for pid in children)
    for leftover in workdir.glob(f"{name}*"):  # the next round starts from a fresh file
        leftover.unlink()
    if failed:
        raise SystemExit(f"{name}: {failed} process(es) failed")
    return [tuple(map(float, line.split())) for line in lines if line]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    per_process = WARMUP + args.requests
    forms = tc.signed_forms(2 * per_process)
    # each process walks its own numbers, so no number's messages are split between them
    halves = [[f for i, f in enumerate(forms) if (i % 400) % 2 == k] for k in (0, 1)]
    workdir = Path(tempfile.mkdtemp(prefix="bench-writers-"))
    print(f"{args.requests} requests a process after {WARMUP} of warm-up; cpus "
          f"{os.cpu_count()}; CPU and wall time per request, per process")
    try:
        for r in range(args.rounds):
            waited = 0.0
            for name in ("alone", "shared", "split", "nap"):
                nap = waited / 1e3 if name == "nap" else 0.0
                figures = arrangement(name, workdir, halves, args.requests, nap)
                if name == "shared":
                    waited = sum(wall - cpu for cpu, wall in figures) / len(figures)
                label = f"nap {nap * 1e3:.2f} ms" if name == "nap" else name
                cells = "  ".join(f"{cpu:.3f} CPU {wall:.3f} wall" for cpu, wall in figures)
                print(f"round {r + 1} {label:<14} {cells}", flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
