"""Read a street address or an intersection as typed and give it one normal spelling."""

from __future__ import annotations

import re

_SUFFIXES = {
    "street": "St", "st": "St", "str": "St", "avenue": "Ave", "ave": "Ave", "av": "Ave",
    "boulevard": "Blvd", "blvd": "Blvd", "road": "Rd", "rd": "Rd", "drive": "Dr", "dr": "Dr",
    "lane": "Ln", "ln": "Ln", "court": "Ct", "ct": "Ct", "place": "Pl", "pl": "Pl",
    "parkway": "Pkwy", "pkwy": "Pkwy", "highway": "Hwy", "hwy": "Hwy", "terrace": "Ter",
    "circle": "Cir", "way": "Way", "square": "Sq", "alley": "Aly", "trail": "Trl",
}
_DIRECTIONS = {"north": "N", "south": "S", "east": "E", "west": "W", "n": "N", "s": "S",
               "e": "E", "w": "W", "ne": "NE", "nw": "NW", "se": "SE", "sw": "SW"}
_JOINERS = re.compile(r"\s*(?:&|@|/|\+|\band\b|\bat\b|\by\b|\bcon\b|\bx\b)\s*", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"^(?:(?:it\s+(?:was|is|happened)|i\s+was|we\s+were)\s+)?"
    r"(?:on|at|in|near|by|outside|in front of|en|cerca de|frente a|corner of|esquina de)\s+",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^\d+[a-z]?\s+\S")
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$", re.IGNORECASE)


def _tidy_word(word: str) -> str:
    low = word.lower().strip(".,")
    if low in _SUFFIXES:
        return _SUFFIXES[low]
    if low in _DIRECTIONS:
        return _DIRECTIONS[low]
    ordinal = _ORDINAL.match(low)
    if ordinal:
        return ordinal.group(1) + ordinal.group(2).lower()
    if low.isdigit():
        return low
    return word[:1].upper() + word[1:].lower() if word.isalpha() or word.isupper() else word


def _tidy(part: str) -> str:
    return " ".join(_tidy_word(w) for w in part.split())


def normalize_address(text: str) -> str | None:
    """'120 main street' -> '120 Main St'; 'main and 5th' -> 'Main & 5th'; None if not a place."""
    text = " ".join(text.replace(",", ", ").split()).strip(" ,.")
    text = _LEAD_IN.sub("", text)
    if len(text) < 3 or not _WORD.search(text):
        return None
    parts = [p for p in _JOINERS.split(text) if p.strip(" ,.")]
    if len(parts) == 2 and all(_WORD.search(p) for p in parts) and not _NUMBERED.match(text):
        return f"{_tidy(parts[0].strip(' ,.'))} & {_tidy(parts[1].strip(' ,.'))}"
    words = text.split()
    has_suffix = any(w.lower().strip(".,") in _SUFFIXES for w in words)
    if _NUMBERED.match(text) or has_suffix or len(words) >= 3:
        return _tidy(text).replace(" ,", ",")
    return None
