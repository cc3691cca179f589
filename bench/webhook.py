"""Load the SMS webhook the way Twilio does and compare it with a bare Flask route.

    .venv/bin/python bench/webhook.py                 # SQLite in a temporary file
    .venv/bin/python bench/webhook.py --db postgres   # a throwaway PostgreSQL schema

Builds a fresh database, serves bench/webhook_app.py with gunicorn (2 sync workers on
127.0.0.1), signs requests for thousands of residents walking real flows, then runs wrk
(warm-up, then a measured period) against POST /sms and against the bare route, and prints
requests/s, p50 and p99 for both and their ratio. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, select, text  # noqa: E402
from twilio.request_validator import RequestValidator  # noqa: E402

from bot.phone import to_e164  # noqa: E402

LUA = ROOT / "bench" / "wrk" / "webhook.lua"
PUBLIC_URL = "https://reports.bench.test"
AUTH_TOKEN = "bench-auth-token-0123456789abcdef"
ACCOUNT_SID = "AC" + "0" * 32
TO_NUMBER = "+13125550199"
PG_URL = os.environ.get("BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1/test")
REFERENCE = re.compile(r"\b[A-Z]-[2-9A-Z]{3}-[2-9A-Z]{3}\b")
TARGET_RATIO = 0.35
TARGET_P99_MS = 50.0

# What residents text, message by message; each walk ends with a reference number.
WALKS = (
    ("someone stole my bike", "120 Main St", "yesterday 3pm", "red bike", "skip", "yes",
     "yes"),
    ("car blocking my driveway", "455 Elm St", "now", "silver civic", "skip", "no", "yes"),
    ("someone smashed my car window", "1", "Main and 5th", "2 hours ago",
     "rear window shattered", "skip", "yes", "yes"),
)
DESCRIBED_AT = (3, 3, 4)  # which message of each walk is the free-text description
AREA_CODES = ("312", "612", "773", "651", "415", "206", "617", "303")


@dataclass
class Phase:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    non200: int
    wrapped: int
    sent: int
    socket_errors: dict
    sample: str
    worker_ms: float = 0.0  # gunicorn workers' CPU per request
    worker_sys_ms: float = 0.0  # the part of it spent in the kernel
    busy_cores: float = 0.0  # the whole machine, averaged over the run
    wrk_cores: float = 0.0  # the load generator's share of it
    cores: float = 0.0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--pg-url", default=PG_URL, help="PostgreSQL server for --db postgres")
    p.add_argument("--pg-async-commit", action="store_true",
                   help="synchronous_commit=off for the app's sessions: shows what the WAL "
                        "flush at each commit costs (a trade of durability, not a fix)")
    p.add_argument("--warmup", type=float, default=20, help="seconds of warm-up per route")
    p.add_argument("--duration", type=float, default=20, help="measured seconds per route")
    p.add_argument("--connections", type=int, default=32)
    p.add_argument("--threads", type=int, default=2, help="wrk threads")
    p.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    p.add_argument("--numbers", type=int, default=400,
                   help="distinct resident numbers (each walks one flow after another)")
    p.add_argument("--max-rate", type=float, default=4500,
                   help="req/s the request list is sized for (no number repeats a message)")
    p.add_argument("--safety", choices=("on", "off"), default="on",
                   help="off swaps the safety check for a no-op, to measure its cost")
    p.add_argument("--unique-descriptions", action="store_true",
                   help="give every report a long description of its own (the walks' are "
                        "short and repeat, so the safety check answers them from memory)")
    p.add_argument("--no-minimal", dest="minimal", action="store_false",
                   help="skip the minimal webhook (one raw transaction a post, the issue's "
                        "reference point)")
    p.add_argument("--nice", type=int, default=0,
                   help="run gunicorn and wrk at this priority, e.g. -10 on a shared machine "
                        "(below 0 needs root); PostgreSQL keeps its own")
    p.add_argument("--py-spy", metavar="FILE",
                   help="record one worker with py-spy during the measured webhook run "
                        "(.svg flame graph, .json speedscope, .txt raw); costs throughput")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    p.add_argument("--keep", action="store_true", help="keep the temporary directory")
    return p.parse_args(argv)


# --- the database ---------------------------------------------------------------------------


@contextmanager
def fresh_database(kind: str, workdir: Path, pg_url: str,
                   async_commit: bool = False) -> Iterator[str]:
    """The URL of an empty database that is gone afterwards (a file, or a schema)."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.db'}"
        return
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in pg_url else "?"
    options = f"-csearch_path={schema}"
    if async_commit:  # commits stop waiting for the WAL flush (a crash may lose the last few)
        options += " -csynchronous_commit=off"
    try:
        yield f"{pg_url}{sep}{urlencode({'options': options})}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def app_config(db_url: str) -> dict[str, str]:
    return {"DATABASE_URL": db_url, "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "PUBLIC_URL": PUBLIC_URL,
            "SECRET_KEY": "bench-secret-key"}


def migrate_and_seed(db_url: str) -> None:
    from bot import create_app
    from bot.cli import upgrade_and_seed

    app = create_app({**app_config(db_url), "REDIS_URL": None})
    upgrade_and_seed(app)
    with app.extensions["bot"].db.begin() as conn:  # bench/webhook_app.py's /bench/minimal
        conn.execute(text("CREATE TABLE bench_minimal (sender TEXT, body TEXT, sid TEXT)"))
    app.extensions["bot"].sender.close()
    app.extensions["bot"].db.dispose()


def stored_counts(db_url: str) -> dict[str, int]:
    from bot.storage.db import make_engine
    from bot.storage.tables import messages, reports

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            inbound = conn.execute(select(func.count()).select_from(messages).where(
                messages.c.direction == "in")).scalar_one()
            replies = conn.execute(select(func.count()).select_from(messages).where(
                messages.c.direction == "out")).scalar_one()
            filed = conn.execute(select(func.count()).select_from(reports)).scalar_one()
    finally:
        engine.dispose()
    return {"inbound": inbound, "replies": replies, "reports": filed}


# --- the requests ---------------------------------------------------------------------------


def resident_numbers(count: int) -> list[str]:
    """count distinct US numbers (555 exchange, varied area codes and last digits)."""
    if count > len(AREA_CODES) * 10_000:
        raise SystemExit(f"--numbers is at most {len(AREA_CODES) * 10_000}")
    numbers = []
    for i in range(count):
        area = AREA_CODES[i % len(AREA_CODES)]
        number = f"+1{area}555{(i // len(AREA_CODES) * 7919) % 10_000:04d}"
        assert to_e164(number, "US", strict=False) == number, number
        numbers.append(number)
    return numbers


def messages_of(index: int, unique_descriptions: bool = False) -> Iterator[str]:
    """What resident number index texts, in order: one walk after another, forever. With
    unique_descriptions each description is a longer text of its own, as residents write
    them, so the safety check cannot answer it from its memory of short messages."""
    walk, told = index % len(WALKS), 0
    while True:
        for step, body in enumerate(WALKS[walk]):
            if unique_descriptions and step == DESCRIBED_AT[walk]:
                told += 1
                body = (f"{body}, resident {index} report {told}: last seen around "
                        f"{told % 12 + 1} pm near the corner store, sticker on the back")
            yield body
        walk = (walk + 1) % len(WALKS)


def signed_form(validator: RequestValidator, number: str, body: str) -> tuple[str, str]:
    form = {"AccountSid": ACCOUNT_SID, "From": number, "To": TO_NUMBER, "Body": body,
            "MessageSid": f"SM{uuid.uuid4().hex}", "NumMedia": "0"}
    return urlencode(form), validator.compute_signature(PUBLIC_URL + "/sms", form)


def write_requests(directory: Path, numbers: list[str], total: int, threads: int,
                   unique_descriptions: bool = False) -> int:
    """requests.<t>.tsv per wrk thread: thread t owns every threads-th number, and its
    messages are interleaved by round so one number's messages are far apart, in order."""
    validator = RequestValidator(AUTH_TOKEN)
    rounds = math.ceil(total / len(numbers))
    written = 0
    for t in range(threads):
        owned = [(i, numbers[i]) for i in range(t, len(numbers), threads)]
        scripts = {i: messages_of(i, unique_descriptions) for i, _ in owned}
        with open(directory / f"requests.{t}.tsv", "w", encoding="utf-8") as fh:
            for _ in range(rounds):
                for i, number in owned:
                    body, signature = signed_form(validator, number, next(scripts[i]))
                    fh.write(f"{body}\t{signature}\n")
                    written += 1
    return written


# --- the server -----------------------------------------------------------------------------


def niced(nice: int) -> list[str]:
    """A command prefix running at another scheduling priority (below 0 needs root)."""
    return ["nice", "-n", str(nice)] if nice else []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(db_url: str, workers: int, safety: str, nice: int,
             log_path: Path) -> Iterator[tuple[int, int]]:
    """(port, master pid) of gunicorn serving bench/webhook_app.py; stopped on exit."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update(app_config(db_url))
    env["PYTHONPATH"] = str(ROOT)
    env["BENCH_SAFETY"] = safety
    cmd = [*niced(nice), sys.executable, "-m", "gunicorn",
           "--config", str(ROOT / "config" / "gunicorn.conf.py"), "--workers", str(workers),
           "--worker-class",
           "sync", "--bind", f"127.0.0.1:{port}", "--backlog", "2048", "--log-level",
           "warning", "--chdir", str(ROOT), "bench.webhook_app:app"]
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_up(port, proc, log_path)
        yield port, proc.pid
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_until_up(port: int, proc: subprocess.Popen, log_path: Path, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn exited:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/bare", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer within {timeout:.0f} s")


def worker_pids(master: int) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            pids.append(int(stat.parent.name))
    return sorted(pids)


def smoke_walk(port: int) -> None:
    """One resident walks a flow through the running server: 200s and a reference."""
    validator = RequestValidator(AUTH_TOKEN)
    reply = ""
    for body in WALKS[0]:
        data, signature = signed_form(validator, "+16305550100", body)
        req = urllib.request.Request(
            f"http://127.0.0.1:{port}/sms", data=data.encode(),
            headers={"X-Twilio-Signature": signature,
                     "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                reply = resp.read().decode()
        except urllib.error.HTTPError as exc:
            raise SystemExit(f"smoke walk: {body!r} got {exc.code}: {exc.read()[:300]!r}") from None
    if not REFERENCE.search(reply):
        raise SystemExit(f"smoke walk: no reference in the last reply: {reply[:300]}")


# --- the load -------------------------------------------------------------------------------


def cpu_seconds(pids: list[int]) -> tuple[float, float]:
    """(user + system, system) CPU time the processes have used so far."""
    ticks = kernel = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
        kernel += int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK"), kernel / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, all cores."""
    # user nice system idle iowait irq softirq steal (guest time is already in user)
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / os.sysconf("SC_CLK_TCK"), sum(values) / os.sysconf(
        "SC_CLK_TCK")


def run_wrk(name: str, port: int, master: int, workdir: Path, path: str, seconds: float,
            args: argparse.Namespace, save_cursor: bool) -> Phase:
    env = {**os.environ, "BENCH_DIR": str(workdir), "BENCH_PATH": path,
           "BENCH_SAVE": "1" if save_cursor else "0"}
    cmd = [*niced(args.nice), "wrk", "--threads", str(args.threads), "--connections",
           str(args.connections),
           "--duration", f"{max(1, round(seconds))}s", "--timeout", "10s", "--latency",
           "--script", str(LUA), f"http://127.0.0.1:{port}"]
    workers = worker_pids(master)
    started = time.monotonic()
    (server0, kernel0), (busy0, total0) = cpu_seconds(workers), machine_cpu()
    wrk0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 120)
    wrk1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    (server1, kernel1), (busy1, total1) = cpu_seconds(workers), machine_cpu()
    server, kernel = server1 - server0, kernel1 - kernel0
    elapsed = time.monotonic() - started
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("{")), None)
    if out.returncode != 0 or line is None:
        raise SystemExit(f"wrk failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    r = json.loads(line)
    load_cpu = (wrk1.ru_utime + wrk1.ru_stime) - (wrk0.ru_utime + wrk0.ru_stime)
    return Phase(name, r["rps"], r["p50_ms"], r["p99_ms"], r["requests"], r["non200"],
                 r["wrapped"], r["sent"], r["socket_errors"], r["sample"],
                 worker_ms=1000 * server / max(1, r["requests"]),
                 worker_sys_ms=1000 * kernel / max(1, r["requests"]),
                 busy_cores=(busy1 - busy0) / elapsed, wrk_cores=load_cpu / elapsed,
                 cores=(total1 - total0) / elapsed)


@contextmanager
def py_spy(path: str | None, master: int, seconds: float) -> Iterator[None]:
    if not path:
        yield
        return
    fmt = {".svg": "flamegraph", ".json": "speedscope"}.get(Path(path).suffix, "raw")
    pid = worker_pids(master)[0]
    exe = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    spy = subprocess.Popen([exe, "record", "--pid", str(pid), "--duration",
                            str(max(1, round(seconds))), "--format", fmt, "--output", path,
                            "--rate", "200"], stdout=subprocess.DEVNULL)
    try:
        yield
    finally:
        spy.wait(timeout=seconds + 60)


def load(port: int, master: int, workdir: Path, args: argparse.Namespace) -> list[Phase]:
    print(f"webhook: warm-up {args.warmup:.0f} s ...", flush=True)
    warmup = run_wrk("webhook warm-up", port, master, workdir, "/sms", args.warmup, args,
                     save_cursor=True)
    print(f"webhook: measuring {args.duration:.0f} s ...", flush=True)
    with py_spy(args.py_spy, master, args.duration):
        webhook = run_wrk("webhook", port, master, workdir, "/sms", args.duration, args, True)
    print(f"bare route: warm-up {args.warmup:.0f} s, measuring {args.duration:.0f} s ...",
          flush=True)
    bare_dir = workdir / "bare"
    bare_dir.mkdir(exist_ok=True)
    for f in workdir.glob("requests.*.tsv"):
        (bare_dir / f.name).symlink_to(f)
    run_wrk("bare warm-up", port, master, bare_dir, "/bench/bare", args.warmup, args, False)
    bare = run_wrk("bare", port, master, bare_dir, "/bench/bare", args.duration, args, False)
    if not args.minimal:
        return [warmup, webhook, bare]
    print(f"minimal webhook: warm-up {args.warmup:.0f} s, measuring {args.duration:.0f} s ...",
          flush=True)
    run_wrk("minimal warm-up", port, master, bare_dir, "/bench/minimal", args.warmup, args,
            False)
    minimal = run_wrk("minimal", port, master, bare_dir, "/bench/minimal", args.duration, args,
                      False)
    return [warmup, webhook, bare, minimal]


# --- the report -----------------------------------------------------------------------------


def problems_in_log(log_path: Path) -> list[str]:
    lines = log_path.read_text(errors="replace").splitlines()
    return [ln for ln in lines if "Traceback" in ln or " ERROR " in ln or "[ERROR]" in ln
            or "could not handle" in ln]


def report(args, phases: list[Phase], counts: dict, sent: int, log_issues: list[str]) -> dict:
    webhook, bare = phases[:2]
    ratio = webhook.rps / bare.rps if bare.rps else 0.0
    print()
    commit = " (synchronous_commit=off)" if args.db == "postgres" and args.pg_async_commit else ""
    described = "unique long" if args.unique_descriptions else "the walks' short"
    print(f"database {args.db}{commit}; safety check {args.safety}, {described} "
          f"descriptions; nice {args.nice}; "
          f"gunicorn {args.workers} sync "
          f"workers; wrk {args.threads} threads, {args.connections} connections; "
          f"{args.warmup:.0f} s warm-up + {args.duration:.0f} s measured per route; "
          f"cpus {os.cpu_count()}")
    print(f"{'':10}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'requests':>9}{'non-200':>8}"
          f"{'sock err':>9}{'worker CPU':>11}{'(kernel)':>9}{'busy cores':>11}{'wrk':>6}"
          f"{'others':>7}")
    for ph in phases:
        errors = sum(ph.socket_errors.values())
        others = ph.busy_cores - ph.wrk_cores - ph.worker_ms * ph.rps / 1000
        print(f"{ph.name:10}{ph.rps:8.0f}{ph.p50_ms:8.1f}{ph.p99_ms:8.1f}{ph.requests:9d}"
              f"{ph.non200:8d}{errors:9d}{ph.worker_ms:8.2f} ms{ph.worker_sys_ms:6.2f} ms"
              f"{ph.busy_cores:6.2f}/"
              f"{ph.cores:.0f}{ph.wrk_cores:6.2f}{others:7.2f}")
    print("worker CPU: gunicorn workers' CPU per request (kernel: the part spent in "
          "system calls); busy cores: the whole machine; "
          "wrk: the load generator; others: everything else (PostgreSQL, other jobs)")
    ok_ratio, ok_p99 = ratio >= TARGET_RATIO, webhook.p99_ms < TARGET_P99_MS
    print(f"ratio webhook/bare {ratio:.2f} (target >= {TARGET_RATIO}: "
          f"{'met' if ok_ratio else 'MISSED'}); webhook p99 {webhook.p99_ms:.1f} ms "
          f"(target < {TARGET_P99_MS:.0f}: {'met' if ok_p99 else 'MISSED'})")
    if len(phases) > 2 and bare.rps:
        minimal = phases[2]
        print(f"reference: minimal webhook/bare {minimal.rps / bare.rps:.2f} (one raw "
              f"transaction a post); full webhook/minimal {webhook.rps / max(1, minimal.rps):.2f}")
    print(f"stored: {counts['inbound']} inbound messages, {counts['replies']} replies, "
          f"{counts['reports']} reports; webhook requests sent {sent}")
    warnings = []
    for ph in phases:
        if ph.non200:
            warnings.append(f"{ph.name}: {ph.non200} non-200 responses, e.g. {ph.sample}")
        if sum(ph.socket_errors.values()):
            warnings.append(f"{ph.name}: socket errors {ph.socket_errors}")
    if webhook.wrapped:
        warnings.append(f"webhook: ran out of fresh messages {webhook.wrapped} times "
                        "(replays hit the duplicate path); raise --max-rate")
    if counts["inbound"] < sent - 2 * args.connections:
        warnings.append(f"only {counts['inbound']} of {sent} inbound messages were stored")
    if log_issues:
        warnings.append(f"{len(log_issues)} error lines in the gunicorn log, first: "
                        f"{log_issues[0]}")
    for w in warnings:
        print(f"WARNING: {w}")
    return {"db": args.db, "safety": args.safety, "ratio": ratio,
            "targets_met": ok_ratio and ok_p99, "phases": [vars(ph) for ph in phases],
            "stored": counts, "warnings": warnings}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    workdir = Path(tempfile.mkdtemp(prefix="bench-webhook-"))
    try:
        with fresh_database(args.db, workdir, args.pg_url, args.pg_async_commit) as db_url:
            migrate_and_seed(db_url)
            total = int(args.max_rate * (args.warmup + args.duration))
            started = time.monotonic()
            count = write_requests(workdir, resident_numbers(args.numbers), total, args.threads,
                                   args.unique_descriptions)
            print(f"signed {count} requests for {args.numbers} numbers in "
                  f"{time.monotonic() - started:.1f} s", flush=True)
            log_path = workdir / "gunicorn.log"
            with gunicorn(db_url, args.workers, args.safety, args.nice, log_path) as (port, master):
                smoke_walk(port)
                warmup, *phases = load(port, master, workdir, args)
            sent = warmup.sent + phases[0].sent + len(WALKS[0])
            counts = stored_counts(db_url)
        result = report(args, phases, counts, sent, problems_in_log(log_path))
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
        return 0 if not result["warnings"] else 1
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
