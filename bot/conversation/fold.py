"""Fold resident text for matching: case, accents, spacing and edge punctuation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s\W_]+|[\s\W_]+$", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced text without leading/trailing punctuation."""
    if len(text) <= _MEMO_CHARS:  # menu numbers, yes/no, labels: the same few recur
        return _fold_short(text)
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():  # nothing to decompose, and casefold() is lower()
        stripped = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = _SPACES.sub(" ", stripped)
    return _EDGE_PUNCT.sub("", stripped)


_MEMO_CHARS = 40
_fold_short = lru_cache(maxsize=4096)(_fold)


def word_pattern(words: list[str]) -> re.Pattern[str] | None:
    """One regex matching any of words (folded) as whole words or phrases."""
    folded = sorted({fold(str(w)) for w in words if fold(str(w))}, key=len, reverse=True)
    if not folded:
        return None
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
