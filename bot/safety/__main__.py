"""Check a safety cue directory after editing it: python -m bot.safety [DIR]."""

from __future__ import annotations

import sys

from bot.safety.cues import LEVELS, load_cues
from bot.safety.validation import CueError


def main(argv: list[str] | None = None) -> int:
    """Print a summary of the cue set, or the error and exit 1."""
    args = sys.argv[1:] if argv is None else argv
    try:
        cues = load_cues(args[0] if args else None)
    except CueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    counts = {level: sum(c.level == level for c in cues.cues) for level in LEVELS}
    print(f"ok: {cues.directory}: languages {', '.join(cues.languages)}; "
          f"{counts['emergency']} emergency cues, {counts['crisis']} crisis cues")
    return 0


if __name__ == "__main__":
    sys.exit(main())
