"""Latency of the safety check per message: median and p99 over a labelled file.

    python bench/safety_speed.py [FILE] [--rounds N] [--model on|off]

FILE defaults to the shared dev set (../shared/data/escalation-dev.jsonl beside the
repository), else tests/safety/data/heldout.jsonl. --model on times the learned backstop
(config/safety/model/) at the settings' thresholds even when settings.yaml has it off;
--model off times the cues alone. Prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.safety import CueSet, assess, load_cues  # noqa: E402
from bot.safety.model import load_model  # noqa: E402

DEV_FILE = ROOT.parent / "shared" / "data" / "escalation-dev.jsonl"
HELDOUT = ROOT / "tests" / "safety" / "data" / "heldout.jsonl"


def messages(path: Path) -> list[tuple[str, str | None]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [(row["text"], row.get("lang")) for row in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path,
                        default=DEV_FILE if DEV_FILE.is_file() else HELDOUT)
    parser.add_argument("--rounds", type=int, default=30, help="passes over the file")
    parser.add_argument("--model", choices=("settings", "on", "off"), default="settings",
                        help="the learned backstop: as settings.yaml says, on, or off")
    args = parser.parse_args()
    texts = messages(args.file)

    started = time.perf_counter()
    cues = with_model(load_cues(), args.model)
    compile_ms = (time.perf_counter() - started) * 1000

    for text, lang in texts:  # warm-up: first-use costs are not per-message costs
        assess(text, lang, cues=cues)
    timings = []
    for _ in range(args.rounds):
        for text, lang in texts:
            cues.memo.clear()  # time the check itself, not a remembered short message
            started = time.perf_counter_ns()
            assess(text, lang, cues=cues)
            timings.append(time.perf_counter_ns() - started)
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    long_text = " ".join(text for text, _ in texts)[:5000]
    started = time.perf_counter_ns()
    assess(long_text, cues=cues)
    long_ms = (time.perf_counter_ns() - started) / 1e6

    print(f"file: {args.file} ({len(texts)} messages x {args.rounds} rounds); "
          f"model {'on' if cues.model else 'off'}")
    print(f"cue set compiled once in {compile_ms:.0f} ms")
    print(f"per message: median {statistics.median(timings) / 1000:.0f} us, "
          f"p99 {p99 / 1000:.0f} us, max {timings[-1] / 1000:.0f} us")
    print(f"one 5000-character message: {long_ms:.1f} ms")
    return 0


def with_model(cues: CueSet, choice: str) -> CueSet:
    if choice == "off":
        return replace(cues, model=None)
    if choice == "on" and cues.model is None:
        settings = yaml.safe_load((Path(cues.directory) / "settings.yaml").read_text("utf-8"))
        backstop = settings["model"]
        return replace(cues, model=load_model(Path(cues.directory) / backstop["file"]),
                       model_thresholds=backstop["thresholds"])
    return cues


if __name__ == "__main__":
    sys.exit(main())
