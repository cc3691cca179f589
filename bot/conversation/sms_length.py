"""How long a reply is as SMS: GSM-7 or UCS-2, and how many segments it costs."""

from __future__ import annotations

SOFT_LIMIT = 320  # what we aim for: two GSM-7 segments
HARD_LIMIT = 1600  # Twilio refuses longer bodies

_GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXT = set("^{}\\[~]|€\f")


def is_gsm7(text: str) -> bool:
    """True when every character fits GSM-7; one other character makes the SMS UCS-2."""
    return all(ch in _GSM7 or ch in _GSM7_EXT for ch in text)


def segments(text: str) -> int:
    """SMS segments the text costs (153 GSM-7 or 67 UCS-2 units per part when split)."""
    if is_gsm7(text):
        units = sum(2 if ch in _GSM7_EXT else 1 for ch in text)
        return 1 if units <= 160 else -(-units // 153)
    units = sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)
    return 1 if units <= 70 else -(-units // 67)


def clip(text: str, limit: int = HARD_LIMIT) -> str:
    """Text cut to limit characters, on a word boundary where possible."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"
