"""Measure the safety check on a labelled file.

    python -m bot.safety.evaluate FILE [--cues DIR] [--strict]

FILE is JSONL: one object a line with "text", "label" (none, emergency, crisis) and
optionally "id" and "lang". Prints precision and recall per level, the false-escalation
rate on "none" lines, the confusion matrix and every miss. Exits 2 on unreadable input,
and with --strict 1 when the targets (recall >= 0.98, false escalation <= 5%) are missed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bot.safety.assessment import CRISIS, EMERGENCY, NONE, assess
from bot.safety.cues import load_cues
from bot.safety.validation import CueError

LABELS = (EMERGENCY, CRISIS, NONE)
MIN_RECALL = 0.98
MAX_FALSE_ESCALATION = 0.05


class InputError(Exception):
    """The labelled file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    lang: str | None
    label: str


@dataclass(frozen=True)
class Result:
    example: Example
    got: str
    signals: tuple[str, ...]


def read_examples(path: Path) -> list[Example]:
    """The labelled lines of a JSONL file; InputError on anything unusable."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    examples = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path} line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InputError(f"{path} line {number}: needs a \"text\" string")
        if row.get("label") not in LABELS:
            raise InputError(f"{path} line {number}: \"label\" must be one of "
                             f"{', '.join(LABELS)}, not {row.get('label')!r}")
        examples.append(Example(str(row.get("id", f"line{number}")), row["text"],
                                row.get("lang"), row["label"]))
    if not examples:
        raise InputError(f"{path}: no labelled lines")
    return examples


def run(examples: list[Example], cues_dir: str | None = None) -> list[Result]:
    cues = load_cues(cues_dir)
    results = []
    for example in examples:
        assessment = assess(example.text, example.lang, cues=cues)
        results.append(Result(example, assessment.level, assessment.signals))
    return results


def report(results: list[Result]) -> tuple[str, bool]:
    """The printed report and whether the targets are met."""
    pairs = Counter((r.example.label, r.got) for r in results)
    lines = [f"{len(results)} messages", "",
             f"{'level':<10} {'precision':>9} {'recall':>7} {'expected':>8} {'assessed':>8} "
             f"{'correct':>7}"]
    met = True
    for level in LABELS:
        expected = sum(pairs[(level, got)] for got in LABELS)
        assessed = sum(pairs[(label, level)] for label in LABELS)
        correct = pairs[(level, level)]
        precision = correct / assessed if assessed else float("nan")
        recall = correct / expected if expected else float("nan")
        if level != NONE and expected and recall < MIN_RECALL:
            met = False
        lines.append(f"{level:<10} {precision:>9.3f} {recall:>7.3f} {expected:>8} "
                     f"{assessed:>8} {correct:>7}")
    nones = sum(pairs[(NONE, got)] for got in LABELS)
    escalated = nones - pairs[(NONE, NONE)]
    rate = escalated / nones if nones else 0.0
    met = met and rate <= MAX_FALSE_ESCALATION
    lines += ["", f"false escalation on none: {rate:.1%} ({escalated} of {nones})",
              f"targets (recall >= {MIN_RECALL:.2f} on emergency and crisis, false escalation "
              f"<= {MAX_FALSE_ESCALATION:.0%}): {'met' if met else 'NOT met'}",
              "", "confusion (rows expected, columns assessed)",
              f"{'':<10} " + " ".join(f"{got:>9}" for got in LABELS)]
    for label in LABELS:
        lines.append(f"{label:<10} " + " ".join(f"{pairs[(label, got)]:>9}" for got in LABELS))
    misses = [r for r in results if r.got != r.example.label]
    lines += ["", f"misses: {len(misses)}"]
    for r in misses:
        lines.append(f"- {r.example.id} expected {r.example.label}, got {r.got}: "
                     f"{r.example.text!r} signals: {', '.join(r.signals) or '-'}")
    return "\n".join(lines), met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.safety.evaluate",
                                     description="Measure the safety check on labelled JSONL.")
    parser.add_argument("file", type=Path, help="JSONL with text, lang, label per line")
    parser.add_argument("--cues", help="cue directory (default config/safety)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when targets are missed")
    args = parser.parse_args(argv)
    try:
        results = run(read_examples(args.file), args.cues)
    except (InputError, CueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    text, met = report(results)
    print(text)
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
