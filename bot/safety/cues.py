"""Load the safety cues from config/safety/, check them, and compile them once.

config/safety/settings.yaml holds the threshold and the normalization tables;
config/safety/lexicons/<language>.yaml hold the cues, markers and exclusions of one
language. config/safety/README.md explains each field for administrators.

Run `python -m bot.safety [DIR]` to check a cue directory after editing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.safety.model import SafetyModel, load_model
from bot.safety.normalize import NormalizationRules, Normalizer
from bot.safety.validation import CueError, expand, read_yaml

try:  # the standard library's own regex parser, used only to find cue triggers
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - a Python without them: every cue is tried
    _sre = _sre_parse = None  # type: ignore[assignment]

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "config" / "safety"
LEVELS = ("emergency", "crisis")
MARKER_KINDS = ("now", "dated_past", "past_grammar", "present_grammar", "over")
_SENTENCE_PUNCT = r"[.!?;:]"
_WORDS = re.compile(r"[a-z]{2,}")
# a language's exclusions that may match a message are tried one by one up to this many
_ONE_BY_ONE = 24


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
    # a crisis cue that keeps the crisis reply beside an emergency cue that outranks a crisis
    outranks_emergency: bool = False
    # pieces of text one of which every match contains; None when there are none to tell
    triggers: frozenset[str] | None = None


@dataclass(frozen=True)
class CueSet:
    """Everything assess() needs, compiled: build with load_cues(), share freely."""

    directory: str
    languages: tuple[str, ...]
    threshold: float
    negation_window: int
    time_window: int
    combine_window: int
    crisis_combine_window: int
    short_message: int
    normalizer: Normalizer
    cues: tuple[Cue, ...]
    exclusions: tuple[re.Pattern[str], ...]  # one per exclusion pattern, in file order
    exclusion_languages: tuple[int, ...]  # the position in `languages` of each one's file
    exclusion_passes: tuple[re.Pattern[str] | None, ...]  # per language: all in one regex
    negators: Mapping[str, re.Pattern[str] | None]  # per language: a cue's own negators
    sentence_breaks: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    markers: Mapping[str, re.Pattern[str] | None]
    # which cues, and which exclusion patterns, can match a text at all (see Gate)
    cue_gate: Gate | None = None
    exclusion_gate: Gate | None = None
    # the learned backstop (settings.yaml `model`): None when switched off
    model: SafetyModel | None = None
    model_thresholds: Mapping[str, float] | None = None
    model_min_words: int = 1
    # cues say emergency, model says crisis at least this likely (and likelier): crisis
    model_crisis_over_emergency: float | None = None
    # only weaker cues fired, and the model says "none" at least this sure: none
    model_none_over_weak_cues: float | None = None
    # assessments of short messages, which recur across residents ("yes", "1", "skip"):
    # see assessment.MEMO_CHARS. Never copied by replace(): each cue set starts empty.
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def fires_alone(self, cue: Cue) -> bool:
        """A strong cue: its weight alone reaches the threshold. The model never overrules
        an escalation one of these made (settings.yaml none_over_weak_cues)."""
        return cue.weight >= self.threshold - 1e-9

    def candidates(self, text: str) -> list[Cue]:
        """The cues that may match `text`, in cue order. Looking up only these, rather
        than testing every cue, keeps a message from touching hundreds of cue objects
        (slow when caches are cold)."""
        if self.cue_gate is None:
            return list(self.cues)
        return [self.cues[i] for i in self.cue_gate.open(text)]

    def exclusions_for(self, text: str) -> list[list[re.Pattern[str]]]:
        """The exclusion patterns that may match `text`, per language, in file order.

        A message meets a handful of the hundreds; matching one regex of a language's
        exclusions all together took a quarter of a millisecond a message. A long message
        may meet hundreds, and then that one regex (its language's pass, which finds the
        same) is the faster way through it.
        """
        found = (range(len(self.exclusions)) if self.exclusion_gate is None
                 else self.exclusion_gate.open(text))
        groups: dict[int, list[re.Pattern[str]]] = {}
        for i in found:
            groups.setdefault(self.exclusion_languages[i], []).append(self.exclusions[i])
        return [[self.exclusion_passes[language]] if len(patterns) > _ONE_BY_ONE else patterns
                for language, patterns in groups.items()]


@dataclass(frozen=True)
class Gate:
    """A cheap first look at which of a list of patterns can match a text.

    Each item (a cue, an exclusion pattern) has trigger pieces, one of which every match of
    it contains (see _required_text), or None when it has none to tell. One trie-shaped
    regex reports, at every position, the longest trigger starting there; the triggers it
    contains come along with it. An item is tried when one of its triggers is in the text,
    or always when it has none.
    """

    finder: re.Pattern[str] | None
    lets: Mapping[str, tuple[int, ...]]  # reported trigger -> positions of the items it lets in
    always: tuple[int, ...]

    @classmethod
    def over(cls, triggers: list[frozenset[str] | None]) -> Gate:
        holders: dict[str, set[int]] = {}
        for i, pieces in enumerate(triggers):
            for piece in pieces or ():
                holders.setdefault(piece, set()).add(i)
        words = sorted(holders)
        lets = {found: tuple(sorted({i for word in _pieces_of(found, holders)
                                     for i in holders[word]}))
                for found in words}
        finder = re.compile(f"(?=({_trie(words)}))") if words else None
        return cls(finder, lets, tuple(i for i, t in enumerate(triggers) if t is None))

    def open(self, text: str) -> list[int]:
        """Positions of the items that may match `text`, in order."""
        found = set(self.always)
        if self.finder is not None:
            for match in self.finder.finditer(text):
                found.update(self.lets[match.group(1)])
        return sorted(found)


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
    cue_set = _compile(directory, settings_path, settings, lexicons)
    backstop = settings.get("model", {})
    if not backstop.get("enabled", False):
        return cue_set
    return replace(cue_set, model=load_model(directory / backstop["file"]),
                   model_thresholds=dict(backstop["thresholds"]),
                   model_min_words=int(backstop.get("min_words", 1)),
                   model_crisis_over_emergency=backstop.get("crisis_over_emergency"),
                   model_none_over_weak_cues=backstop.get("none_over_weak_cues"))


def _compile(directory: Path, settings_path: Path, settings: dict[str, Any],
             lexicons: list[tuple[Path, dict[str, Any]]]) -> CueSet:
    cues: list[Cue] = []
    owner: dict[str, Path] = {}
    parts: dict[str, list[str]] = {k: [] for k in ("exclusions", "breaks", *MARKER_KINDS)}
    negators: dict[str, list[str]] = {}
    exclusion_languages: list[int] = []
    for language, (path, lexicon) in enumerate(lexicons):
        if lexicon["language"] != path.stem:
            raise CueError(path, f"language is '{lexicon['language']}' but the file is named "
                                 f"{path.name}; name it {lexicon['language']}.yaml")
        fragments = lexicon.get("fragments", {})
        for entry in [*lexicon.get("exclusions", []), *lexicon["cues"]]:
            _claim(entry["id"], path, lexicon["language"], owner)
        parts["exclusions"] += [expand(p, fragments, path, entry["id"])
                                for entry in lexicon.get("exclusions", [])
                                for p in entry["patterns"]]
        exclusion_languages += [language] * (len(parts["exclusions"]) - len(exclusion_languages))
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
        crisis_combine_window=int(settings.get("crisis_combine_window",
                                               settings.get("combine_window", 6))),
        short_message=int(settings.get("short_message", 0)),
        normalizer=Normalizer(rules, vocabulary),
        cues=tuple(cues),
        exclusions=tuple(_union([p]) for p in parts["exclusions"]),
        exclusion_languages=tuple(exclusion_languages),
        exclusion_passes=tuple(
            _union([p for p, at in zip(parts["exclusions"], exclusion_languages, strict=True)
                    if at == language]) for language in range(len(lexicons))),
        negators={language: _union(words) for language, words in negators.items()},
        sentence_breaks=_union(sentence),
        clause_breaks=_union([*sentence, ","]),
        markers={kind: _union(parts[kind]) for kind in MARKER_KINDS},
        cue_gate=Gate.over([cue.triggers for cue in cues]),
        exclusion_gate=Gate.over([_required_text(p) for p in parts["exclusions"]]),
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
    for key, level in (("outranks_crisis", "emergency"), ("outranks_emergency", "crisis")):
        if entry.get(key) and entry["level"] != level:
            raise CueError(path, f"{key} is for {level} cues only", entry["id"])
    patterns = [expand(p, fragments, path, entry["id"]) for p in entry["patterns"]]
    triggers = [_required_text(p) for p in patterns]
    return Cue(
        id=entry["id"],
        language=language,
        level=entry["level"],
        weight=float(entry.get("weight", 1.0)),
        time=entry.get("time", "any"),
        negatable=bool(entry.get("negatable", False)),
        outranks_crisis=bool(entry.get("outranks_crisis", False)),
        outranks_emergency=bool(entry.get("outranks_emergency", False)),
        regex=_union(patterns),
        triggers=None if None in triggers else frozenset().union(*triggers),
    )


def _normalization(raw: dict[str, Any], path: Path) -> NormalizationRules:
    replacements = []
    for i, item in enumerate(raw.get("replacements", []), 1):
        try:
            replacements.append((re.compile(item["pattern"]), item["replacement"],
                                 _required_text(item["pattern"], shortest=1)))
        except re.error as exc:
            raise CueError(path, f"normalization.replacements {i}: pattern "
                                 f"{item['pattern']!r} does not compile: {exc}") from None
    fuzzy = raw.get("fuzzy", {})
    masking = raw.get("masking", {})
    return NormalizationRules(
        characters=raw.get("characters", {}),
        replacements=tuple(replacements),
        leetspeak=raw.get("leetspeak", {}),
        abbreviations=raw.get("abbreviations", {}),
        abbreviation_exceptions={word: frozenset(after) for word, after
                                 in raw.get("abbreviation_exceptions", {}).items()},
        spelling=raw.get("spelling", {}),
        fuzzy_keywords=frozenset(fuzzy.get("keywords", [])),
        not_typos=frozenset(fuzzy.get("not_typos", [])),
        mask_characters=masking.get("characters", ""),
        mask_stretch=masking.get("stretch", ""),
        masked_words=frozenset(masking.get("words", [])),
        other_masked_words=frozenset(masking.get("other_words", [])),
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


# ---- triggers: a cheap first look that lets most cues skip most messages -------------

_MIN_TRIGGER = 3


def _required_text(pattern: str, shortest: int = _MIN_TRIGGER) -> frozenset[str] | None:
    """Pieces of literal text of which any match of `pattern` contains at least one.

    Worked out from the parsed pattern: a run of plain letters is required where it is
    not optional; an alternation requires one of its branches' pieces. None when the
    pattern has no such pieces (or cannot be read), so the cue is always tried.
    """
    if _sre_parse is None:
        return None
    try:
        return _required(list(_sre_parse.parse(pattern)), shortest)
    except Exception:  # noqa: BLE001 - an unreadable pattern just gets no shortcut
        return None


def _required(items: list[tuple[Any, Any]], shortest: int) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len("".join(run).strip()) >= shortest:
            candidates.append(frozenset(["".join(run)]))
        run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        flush()
        found = None
        if op is _sre.SUBPATTERN:
            found = _required(list(av[-1]), shortest)
        elif op is _sre.ATOMIC_GROUP:
            found = _required(list(av), shortest)
        elif op is _sre.BRANCH:
            branches = [_required(list(branch), shortest) for branch in av[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, body = av
            if low >= 1:
                found = _required(list(body), shortest)
        if found:
            candidates.append(found)
    flush()
    if not candidates:
        return None
    # the most telling: long words (a bare " a " is everywhere), then few of them
    return max(candidates, key=lambda c: (min(min(len(t.strip()) for t in c), 6), -len(c)))


def _pieces_of(text: str, known: Mapping[str, object]) -> set[str]:
    """The keys of `known` that occur in `text`: its substrings looked up, a few hundred for
    a trigger, where testing every trigger against every other took ~1.5 s a cue set."""
    return {text[i:j] for i in range(len(text)) for j in range(i + 1, len(text) + 1)
            if text[i:j] in known}


def _trie(words: list[str]) -> str:
    """A regex matching any of `words`, longest first, shaped as a trie so that each
    position is tried against a few first letters rather than every word."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(tree)
