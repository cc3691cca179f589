"""The learned backstop: a small linear model that scores a message the cues called "none".

The cues are precise but miss phrasings nobody wrote a cue for. This model reads the same
normalized text (so typos, leetspeak and accents are handled once, by the normalizer) as a
bag of binary features: words, pairs of neighbouring words, the 3-5 letter pieces of each
word and, when the model file asks for them, the letter pieces of the whole message across
word boundaries ("ook all m" says more than "took" and "all" apart). Each feature it knows
adds a weight per level; the sums, through a softmax, give a probability for "none",
"emergency" and "crisis". assess() escalates a "none" message when a level's probability
passes that level's threshold (settings.yaml `model`).

The weights are data (config/safety/model/, written by tools/train_safety_model.py), checked
on load: a bad file is a ModelError naming the file and the reason, like a bad cue file.
Pure Python, no numpy: scoring a message is a few hundred dictionary look-ups.
"""

from __future__ import annotations

import gzip
import json
import math
import zlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

from bot.safety.validation import CueError

SCHEMA_VERSION = 1
LEVELS = ("none", "emergency", "crisis")
_PUNCT = frozenset(".!?;:,")
_MAX_SPAN = 8  # longest n-gram the file may ask for


class ModelError(CueError):
    """The model file is invalid: which file and why (a CueError, so start-up stops)."""


@dataclass(frozen=True)
class FeatureSpec:
    """Which features a model reads, as (min, max): word n-grams, letter n-grams inside
    each word, and letter n-grams of the whole message (None: not read)."""

    words: tuple[int, int] = (1, 2)
    chars: tuple[int, int] = (3, 5)
    text: tuple[int, int] | None = None

    def extract(self, normalized: str) -> tuple[set[str], ...]:
        """The distinct features of a normalized message, one set per block.

        Word n-grams do not cross punctuation; letter n-grams are taken inside each word
        padded with a space on both sides, so " kni" says a word starts with "kni". A
        unigram is written "=word", a longer word n-gram joins its words with "+", so no
        word feature can be mistaken for a letter piece. Letter n-grams of the whole
        message (padded the same way) start with "~".
        """
        blocks = self.blocks(normalized)
        if self.text is None:
            return blocks
        words, chars, text = blocks
        return words, chars, {"~" + piece for piece in text}

    def blocks(self, normalized: str) -> tuple[set[str], ...]:
        """The features as extract() names them, except that the message's own letter
        n-grams come without their "~": the model keeps them in a table of their own (see
        SafetyModel.tables), and a message has hundreds of them."""
        word_features: set[str] = set()
        distinct: set[str] = set()
        low, high = self.words
        run: list[str] = []
        for token in [*normalized.split(" "), "."]:
            if token and token not in _PUNCT:
                run.append(token)
                continue
            distinct.update(run)
            for n in range(max(low, 2), high + 1):
                word_features.update("+".join(run[i:i + n]) for i in range(len(run) - n + 1))
            run = []
        if low <= 1:
            word_features.update("=" + word for word in distinct)
        char_features: set[str] = set()
        low, high = self.chars
        for word in distinct:
            padded = f" {word} "
            size = len(padded)
            for n in range(low, min(high, size) + 1):
                char_features.update(padded[i:i + n] for i in range(size - n + 1))
        if self.text is None:
            return word_features, char_features
        low, high = self.text
        padded = f" {normalized} "
        size = len(padded)
        text_features = {padded[i:i + n] for n in range(low, min(high, size) + 1)
                         for i in range(size - n + 1)}
        return word_features, char_features, text_features

    @staticmethod
    def block_of(feature: str) -> tuple[int, str]:
        """Which block an extract() feature belongs to, and its key in that block's table.
        Normalized text has no "=", "+" or "~", so the names cannot be confused."""
        if feature.startswith("~"):
            return 2, feature[1:]
        if feature.startswith("=") or "+" in feature:
            return 0, feature
        return 1, feature


@dataclass(frozen=True)
class SafetyModel:
    """A linear softmax model over FeatureSpec features, each block scaled to unit length.

    Only differences of scores matter to a softmax, so each feature's weights are kept
    relative to "none", as one complex number: emergency - none as the real part, crisis -
    none as the imaginary part. Scoring is then one look-up and one addition per feature,
    and the tables hold only plain numbers, which the garbage collector never walks. Each
    block has its table (`tables`, keyed as FeatureSpec.blocks names the features), so a
    message's pieces are looked up as they are cut, without a prefix added to each.
    Features the model does not know weigh nothing but still count in the scaling, exactly
    as in training.
    """

    path: str
    spec: FeatureSpec
    bias: complex
    tables: tuple[Mapping[str, complex], ...]

    @classmethod
    def from_vectors(cls, path: str, spec: FeatureSpec, bias: Sequence[float],
                     weights: Mapping[str, Sequence[float]], scale: float = 1.0
                     ) -> SafetyModel:
        """A model from one number per level (in LEVELS order) for the bias and for each
        feature (named as FeatureSpec.extract names them), each divided by `scale`."""
        tables: tuple[dict[str, complex], ...] = ({}, {}, {})
        for feature, vector in weights.items():
            block, key = FeatureSpec.block_of(feature)
            tables[block][key] = _relative(vector, scale)
        return cls(path, spec, _relative(bias, scale), tables)

    def probabilities(self, normalized: str) -> dict[str, float]:
        """Probability of each level for a message already normalized by the cue set."""
        score = self.bias
        for block, table in zip(self.spec.blocks(normalized), self.tables, strict=False):
            if block:  # sum() in C over dict.get(feature, 0j): no Python loop per feature
                score += sum(map(table.get, block, repeat(0j)), 0j) / math.sqrt(len(block))
        top = max(0.0, score.real, score.imag)
        exps = (math.exp(-top), math.exp(score.real - top), math.exp(score.imag - top))
        total = sum(exps)
        return {level: e / total for level, e in zip(LEVELS, exps, strict=True)}

    def escalation(self, normalized: str, thresholds: Mapping[str, float]) -> str | None:
        """The level whose probability passes its threshold (the likelier if both), or None."""
        return level_passing(self.probabilities(normalized), thresholds)


def reads_crisis(probabilities: Mapping[str, float], at_least: float) -> bool:
    """Whether the model reads a crisis rather than an emergency: settings.yaml
    crisis_over_emergency, for a message the cues call an emergency."""
    crisis = probabilities["crisis"]
    return crisis >= at_least and crisis > probabilities["emergency"]


def level_passing(probabilities: Mapping[str, float],
                  thresholds: Mapping[str, float]) -> str | None:
    """The level whose probability reaches its threshold (the likelier if both), or None."""
    passing = [(probabilities[level], level) for level, threshold in thresholds.items()
               if probabilities[level] >= threshold]
    return max(passing)[1] if passing else None


def load_model(path: str | Path) -> SafetyModel:
    """The model in `path` (JSON, gzipped when the name ends in .gz), checked.

    Raises ModelError naming the file and the reason when it cannot be used.
    """
    path = Path(path)
    data = _read(path)
    if data.get("schema_version") != SCHEMA_VERSION:
        raise ModelError(path, f"schema_version must be {SCHEMA_VERSION}, "
                               f"not {data.get('schema_version')!r}")
    if data.get("levels") != list(LEVELS):
        raise ModelError(path, f"levels must be {list(LEVELS)}, not {data.get('levels')!r}")
    features = data.get("features")
    text = _span(data, "text", path) if isinstance(features, dict) and "text" in features else None
    spec = FeatureSpec(words=_span(data, "words", path), chars=_span(data, "chars", path),
                       text=text)
    scale = data.get("scale", 1)
    if not _number(scale) or scale <= 0:
        raise ModelError(path, f"scale must be a positive number, not {scale!r}")
    bias = _vector(data.get("bias"), "bias", path)
    raw = data.get("weights")
    if not isinstance(raw, dict) or not raw:
        raise ModelError(path, "weights must be a non-empty mapping of feature -> "
                               f"{len(LEVELS)} numbers")
    if not _all_vectors(raw.values()):  # then find and name the first bad one
        for feature, vector in raw.items():
            _vector(vector, f"weights[{feature!r}]", path)
    return SafetyModel.from_vectors(str(path), spec, bias, raw, scale)


def _relative(vector: Sequence[float], scale: float) -> complex:
    """Weights per level as one number relative to "none" (see SafetyModel)."""
    none, emergency, crisis = vector
    return complex(emergency - none, crisis - none) / scale


def _read(path: Path) -> dict[str, Any]:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                data = json.load(fh)
        else:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
    except OSError as exc:
        raise ModelError(path, f"cannot read: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError, EOFError, zlib.error) as exc:
        raise ModelError(path, f"not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ModelError(path, f"must be a JSON object, not {type(data).__name__}")
    return data


def _span(data: dict[str, Any], name: str, path: Path) -> tuple[int, int]:
    span = data.get("features", {}).get(name) if isinstance(data.get("features"), dict) else None
    if (not isinstance(span, list) or len(span) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) for n in span)
            or not 1 <= span[0] <= span[1] <= _MAX_SPAN):
        raise ModelError(path, f"features.{name} must be [min, max] with "
                               f"1 <= min <= max <= {_MAX_SPAN}, not {span!r}")
    return span[0], span[1]


def _vector(value: Any, name: str, path: Path) -> list[float]:
    if (not isinstance(value, list) or len(value) != len(LEVELS)
            or not all(_number(v) for v in value)):
        raise ModelError(path, f"{name} must be {len(LEVELS)} finite numbers "
                               f"(one per level), not {value!r}")
    return value


def _all_vectors(vectors: Collection[Any]) -> bool:
    """Whether every value is a list of one finite number per level: one sweep over the
    types of all numbers, so a file of 270,000 features loads in a fraction of the time a
    check per feature takes."""
    if not all(type(v) is list and len(v) == len(LEVELS) for v in vectors):
        return False
    kinds = {type(n) for v in vectors for n in v}
    return kinds <= {int, float} and (float not in kinds or all(
        math.isfinite(n) for v in vectors for n in v if type(n) is float))


def _number(value: Any) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value))
