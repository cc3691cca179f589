"""Load the safety cues from config/safety/, check them, and compile them once.

config/safety/settings.yaml holds the threshold and the normalization tables;
config/safety/lexicons/<language>.yaml hold the cues, markers and exclusions of one
language. config/safety/README.md explains each field for administrators.

Run `python -m bot.safety [DIR]` to check a cue directory after editing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.safety.normalize import NormalizationRules, Normalizer
from bot.safety.validation import CueError, expand, read_yaml

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "config" / "safety"
LEVELS = ("emergency", "crisis")
MARKER_KINDS = ("now", "dated_past", "past_grammar", "present_grammar", "over")
_SENTENCE_PUNCT = r"[.!?;:]"
_WORDS = re.compile(r"[a-z]{2,}")


@dataclass(frozen=True)
class Cue:
    """One compiled cue: when its pattern matches, and its context allows, it fires."""

    id: str
    language: str
    level: str
    weight: float
    time: str
    negatable: bool
    outranks_crisis: bool
    regex: re.Pattern[str]


@dataclass(frozen=True)
class CueSet:
    """Everything assess() needs, compiled: build with load_cues(), share freely."""

    directory: str
    languages: tuple[str, ...]
    threshold: float
    negation_window: int
    time_window: int
    combine_window: int
    normalizer: Normalizer
    cues: tuple[Cue, ...]
    exclusions: re.Pattern[str] | None
    negators: Mapping[str, re.Pattern[str] | None]  # per language: a cue's own negators
    sentence_breaks: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    markers: Mapping[str, re.Pattern[str] | None]


_default_dir: Path = DEFAULT_DIR


def load_cues(path: str | Path | None = None) -> CueSet:
    """The compiled cue set in `path` (default config/safety/); compiled once per directory.

    Raises CueError naming the file, the cue and the reason when the data is invalid.
    """
    return _load(_default_dir if path is None else Path(path).resolve())


def configure(path: str | Path) -> CueSet:
    """Make `path` the cue directory assess() uses (e.g. config SAFETY_DIR) and load it now."""
    global _default_dir
    cues = load_cues(path)
    _default_dir = Path(path).resolve()
    return cues


@lru_cache(maxsize=8)
def _load(directory: Path) -> CueSet:
    settings_path = directory / "settings.yaml"
    settings = read_yaml(settings_path, "settings.schema.json")
    lexicon_paths = sorted((directory / "lexicons").glob("*.yaml"))
    if not lexicon_paths:
        raise CueError(directory / "lexicons", "no lexicon files (<language>.yaml) found")
    lexicons = [(p, read_yaml(p, "lexicon.schema.json")) for p in lexicon_paths]
    return _compile(directory, settings_path, settings, lexicons)


def _compile(directory: Path, settings_path: Path, settings: dict[str, Any],
             lexicons: list[tuple[Path, dict[str, Any]]]) -> CueSet:
    cues: list[Cue] = []
    owner: dict[str, Path] = {}
    parts: dict[str, list[str]] = {k: [] for k in ("exclusions", "breaks", *MARKER_KINDS)}
    negators: dict[str, list[str]] = {}
    for path, lexicon in lexicons:
        if lexicon["language"] != path.stem:
            raise CueError(path, f"language is '{lexicon['language']}' but the file is named "
                                 f"{path.name}; name it {lexicon['language']}.yaml")
        fragments = lexicon.get("fragments", {})
        for entry in [*lexicon.get("exclusions", []), *lexicon["cues"]]:
            _claim(entry["id"], path, lexicon["language"], owner)
        for entry in lexicon.get("exclusions", []):
            parts["exclusions"] += [expand(p, fragments, path, entry["id"])
                                    for p in entry["patterns"]]
        negators[lexicon["language"]] = [expand(p, fragments, path, "negators")
                                         for p in lexicon.get("negators", [])]
        parts["breaks"] += [expand(p, fragments, path, "clause_breaks")
                            for p in lexicon.get("clause_breaks", [])]
        for kind in MARKER_KINDS:
            parts[kind] += [expand(p, fragments, path, f"markers.{kind}")
                            for p in lexicon.get("markers", {}).get(kind, [])]
        cues += [_cue(entry, lexicon["language"], fragments, path)
                 for entry in lexicon["cues"]]
    rules = _normalization(settings.get("normalization", {}), settings_path)
    vocabulary = _vocabulary([c.regex.pattern for c in cues], *parts.values(),
                             *negators.values(), rules.abbreviations.values(),
                             rules.fuzzy_keywords)
    sentence = [_SENTENCE_PUNCT, *parts["breaks"]]
    return CueSet(
        directory=str(directory),
        languages=tuple(lexicon["language"] for _, lexicon in lexicons),
        threshold=float(settings["threshold"]),
        negation_window=int(settings["negation_window"]),
        time_window=int(settings.get("time_window", 12)),
        combine_window=int(settings.get("combine_window", 6)),
        normalizer=Normalizer(rules, vocabulary),
        cues=tuple(cues),
        exclusions=_union(parts["exclusions"]),
        negators={language: _union(words) for language, words in negators.items()},
        sentence_breaks=_union(sentence),
        clause_breaks=_union([*sentence, ","]),
        markers={kind: _union(parts[kind]) for kind in MARKER_KINDS},
    )


def _claim(entry_id: str, path: Path, language: str, owner: dict[str, Path]) -> None:
    if not entry_id.startswith(language + "."):
        raise CueError(path, f"id must start with '{language}.' (the file's language)",
                       entry_id)
    if entry_id in owner:
        other = owner[entry_id]
        where = "twice in this file" if other == path else f"also in {other}"
        raise CueError(path, f"duplicate id: defined {where}", entry_id)
    owner[entry_id] = path


def _cue(entry: dict[str, Any], language: str, fragments: dict[str, str], path: Path) -> Cue:
    patterns = [expand(p, fragments, path, entry["id"]) for p in entry["patterns"]]
    return Cue(
        id=entry["id"],
        language=language,
        level=entry["level"],
        weight=float(entry.get("weight", 1.0)),
        time=entry.get("time", "any"),
        negatable=bool(entry.get("negatable", False)),
        outranks_crisis=bool(entry.get("outranks_crisis", False)),
        regex=_union(patterns),
    )


def _normalization(raw: dict[str, Any], path: Path) -> NormalizationRules:
    replacements = []
    for i, item in enumerate(raw.get("replacements", []), 1):
        try:
            replacements.append((re.compile(item["pattern"]), item["replacement"]))
        except re.error as exc:
            raise CueError(path, f"normalization.replacements {i}: pattern "
                                 f"{item['pattern']!r} does not compile: {exc}") from None
    fuzzy = raw.get("fuzzy", {})
    return NormalizationRules(
        characters=raw.get("characters", {}),
        replacements=tuple(replacements),
        leetspeak=raw.get("leetspeak", {}),
        abbreviations=raw.get("abbreviations", {}),
        spelling=raw.get("spelling", {}),
        fuzzy_keywords=frozenset(fuzzy.get("keywords", [])),
        not_typos=frozenset(fuzzy.get("not_typos", [])),
    )


def _union(patterns: list[str]) -> re.Pattern[str] | None:
    """One regex for many patterns, each matching whole words only."""
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])")


def _vocabulary(*sources: Iterable[str]) -> set[str]:
    """The words the cues are written in: the normalizer's notion of a known word."""
    words: set[str] = set()
    for source in sources:
        for text in source:
            words.update(_WORDS.findall(text))
    return words
