"""Read one cue file and prove it sound: its schema, then what a schema cannot see.

Every failure is a CueError naming the file, the cue (or other entry) and the reason, so
an administrator who edited a lexicon knows where to look.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

FRAGMENT = re.compile(r"\{([a-z_]+)\}")
_CAPITAL = re.compile(r"(?<!\\)[A-Z]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
# libyaml's loader when PyYAML was built with it (its wheels are): the same data, and the
# lexicons read in a twentieth of the time of the pure-Python loader (~1 s a process)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CueError(ValueError):
    """The safety cue data is invalid: which file, which cue (if any) and why."""

    def __init__(self, file: str | Path, reason: str, cue: str | None = None):
        self.file = str(file)
        self.cue = cue
        self.reason = reason
        where = f"{self.file}: cue '{cue}'" if cue else self.file
        super().__init__(f"{where}: {reason}")


def read_yaml(path: Path, schema_name: str) -> dict[str, Any]:
    """The file's mapping, checked against config/safety/<schema_name>."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise CueError(path, f"cannot read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise CueError(path, f"not valid YAML: {_yaml_reason(exc)}") from None
    if not isinstance(data, dict):
        raise CueError(path, "must be a mapping of keys (schema_version, ...), not "
                             f"{type(data).__name__}")
    errors = sorted(_validator(path.parent, schema_name).iter_errors(data),
                    key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        raise _schema_error(path, data, errors[0])
    return data


def expand(pattern: str, fragments: dict[str, str], file: Path, item: str) -> str:
    """The pattern with its {fragment} names replaced, proven to compile and to be usable."""
    for _ in range(5):  # fragments may use fragments, a few levels deep
        pattern = FRAGMENT.sub(lambda m: _fragment(m, fragments, file, item), pattern)
    if FRAGMENT.search(pattern):
        raise CueError(file, f"fragments nest too deeply in {pattern!r}", item)
    if _CAPITAL.search(pattern):
        raise CueError(file, f"pattern {pattern!r} has capital letters; messages are "
                             "lowercased first, so it could never match", item)
    if _NOT_ASCII.search(pattern):
        raise CueError(file, f"pattern {pattern!r} has accents or other non-ASCII letters; "
                             "messages are stripped to plain letters first, write it without",
                       item)
    if "'" in pattern:
        raise CueError(file, f"pattern {pattern!r} has an apostrophe; messages lose theirs "
                             "first (he's -> hes), write it joined", item)
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise CueError(file, f"pattern {pattern!r} does not compile: {exc}", item) from None
    if compiled.fullmatch(""):
        raise CueError(file, f"pattern {pattern!r} matches empty text, so it would fire on "
                             "every message", item)
    return pattern


def _fragment(match: re.Match[str], fragments: dict[str, str], file: Path, item: str) -> str:
    name = match.group(1)
    if name not in fragments:
        known = ", ".join(sorted(fragments)) or "none defined"
        raise CueError(file, f"unknown fragment {{{name}}} (known: {known})", item)
    return f"(?:{fragments[name]})"


def _schema_error(path: Path, data: dict, error: jsonschema.ValidationError) -> CueError:
    where = list(error.absolute_path)
    item = None
    if len(where) >= 2 and where[0] in ("cues", "exclusions") and isinstance(where[1], int):
        entry = data[where[0]][where[1]]
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        item = entry_id if isinstance(entry_id, str) else f"{where[0]}[{where[1]}]"
        where = where[2:]
    field = ".".join(str(part) for part in where)
    reason = f"{field}: {error.message}" if field else error.message
    return CueError(path, reason, item)


def _yaml_reason(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    return f"{problem} (line {mark.line + 1}, column {mark.column + 1})" if mark else problem


@cache
def _validator(directory: Path, schema_name: str) -> jsonschema.protocols.Validator:
    schema_path = _schema_path(directory, schema_name)
    with open(schema_path, encoding="utf-8") as fh:
        schema = json.load(fh)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _schema_path(directory: Path, schema_name: str) -> Path:
    """The schema beside the cue files, else the shipped one (for cue sets kept elsewhere)."""
    for folder in (directory, directory.parent):
        if (folder / schema_name).is_file():
            return folder / schema_name
    return Path(__file__).resolve().parents[2] / "config" / "safety" / schema_name
