"""What one SMS webhook request costs inside the app, without gunicorn, wrk or a second worker.

    .venv/bin/python bench/turn_cost.py               # CPU time per request
    .venv/bin/python bench/turn_cost.py --callgrind   # instructions per request (valgrind)

Builds a fresh SQLite database, signs the same walks bench/webhook.py sends, and calls the
Flask app's WSGI callable directly: a warm-up, then the measured requests, then the bare
route. CPU time drifts with this VM's speed (read several rounds); the instruction count
under callgrind is the same from run to run for the same code, so it tells whether a change
made a request cheaper by a few percent, which wrk cannot. See bench/README.md.
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import webhook as wh  # noqa: E402

# callgrind counts only inside this C function: the measured loop runs through it
TOGGLE = "functools_reduce"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--warmup", type=int, default=800, help="requests before measuring")
    p.add_argument("--requests", type=int, default=1500, help="measured requests per round")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--safety", choices=("on", "off"), default="on",
                   help="off swaps the safety check for a no-op, to see what it costs")
    p.add_argument("--unique-descriptions", action="store_true",
                   help="each report described in a longer text of its own, as residents "
                        "write (bench/webhook.py's option): the safety check reads every one")
    p.add_argument("--callgrind", action="store_true",
                   help="run under valgrind --tool=callgrind; print instructions per request "
                        "for one round (about 2 minutes)")
    return p.parse_args(argv)


def environs(path: str, forms: list[tuple[str, str]]) -> list[dict]:
    from werkzeug.test import EnvironBuilder

    host = wh.PUBLIC_URL.removeprefix("https://")
    return [EnvironBuilder(path=path, method="POST", data=body.encode(),
                           base_url=f"https://{host}",
                           headers={"X-Twilio-Signature": signature},
                           content_type="application/x-www-form-urlencoded").get_environ()
            for body, signature in forms]


def signed_forms(count: int, unique_descriptions: bool = False) -> list[tuple[str, str]]:
    from twilio.request_validator import RequestValidator

    validator = RequestValidator(wh.AUTH_TOKEN)
    numbers = wh.resident_numbers(400)
    scripts = [wh.messages_of(i, unique_descriptions) for i in range(len(numbers))]
    return [wh.signed_form(validator, numbers[i % len(numbers)], next(scripts[i % len(numbers)]))
            for i in range(count)]


def serve(app, envs: list[dict]) -> tuple[float, int]:
    """CPU seconds for answering envs in order, and how many were not a 200."""
    statuses: list[str] = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    def one(_, environ):
        for _chunk in app.wsgi_app(environ, start_response):
            pass

    gc.collect()
    gc.freeze()  # as config/gunicorn.conf.py does in the workers
    started = time.process_time()
    functools.reduce(one, envs, None)
    return time.process_time() - started, sum(not s.startswith("200") for s in statuses)


def measure(args: argparse.Namespace, workdir: Path) -> None:
    db_url = f"sqlite:///{workdir / 'bench.db'}"
    wh.migrate_and_seed(db_url)
    os.environ.update(wh.app_config(db_url))
    os.environ["REDIS_URL"] = ""
    os.environ["BENCH_SAFETY"] = args.safety
    import webhook_app

    app = webhook_app.app
    rounds = 1 if args.callgrind else args.rounds
    forms = signed_forms(args.warmup + rounds * args.requests, args.unique_descriptions)
    warm = environs("/sms", forms[:args.warmup])
    if args.callgrind:  # the warm-up must not run through the toggled function
        for environ in warm:
            list(app.wsgi_app(environ, lambda *a: None))
    else:
        serve(app, warm)
    for r in range(rounds):
        start = args.warmup + r * args.requests
        seconds, bad = serve(app, environs("/sms", forms[start:start + args.requests]))
        print(f"webhook round {r + 1}: {seconds / args.requests * 1e3:.3f} ms CPU a request"
              f"{f', {bad} not 200' if bad else ''}", flush=True)
    if not args.callgrind:
        seconds, bad = serve(app, environs("/bench/bare", forms[:args.requests]))
        print(f"bare route:      {seconds / args.requests * 1e3:.3f} ms CPU a request"
              f"{f', {bad} not 200' if bad else ''}")


def under_callgrind(args: argparse.Namespace, workdir: Path) -> int:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is missing: apt-get install -y valgrind")
    out = workdir / "callgrind.out"
    cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no", f"--toggle-collect={TOGGLE}",
           f"--callgrind-out-file={out}", sys.executable, __file__, "--inside-callgrind",
           "--warmup", str(args.warmup), "--requests", str(args.requests),
           "--safety", args.safety,
           *(["--unique-descriptions"] if args.unique_descriptions else [])]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stdout, done.stderr, sep="\n")
        return done.returncode
    totals = [line for line in out.read_text().splitlines() if line.startswith("totals:")]
    instructions = int(totals[0].split()[1])
    print(f"webhook: {instructions / args.requests / 1e6:.3f} M instructions a request "
          f"({args.requests} requests after {args.warmup} of warm-up; safety {args.safety}"
          f"{'; unique descriptions' if args.unique_descriptions else ''})")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    inside = "--inside-callgrind" in argv
    if inside:
        argv.remove("--inside-callgrind")
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="bench-turn-"))
    try:
        if args.callgrind and not inside:
            return under_callgrind(args, workdir)
        args.callgrind = inside
        measure(args, workdir)
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
