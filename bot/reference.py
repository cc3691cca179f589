"""Report references: short, readable aloud, no look-alike characters (0/O, 1/I/L)."""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_CLEAN = re.compile(r"[^0-9A-Z]")


def new_reference(report_type: str) -> str:
    """'T-4KX-92M': the type's initial, then six random characters (31^6 ≈ 887 million)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(6))
    return f"{report_type[:1].upper()}-{body[:3]}-{body[3:]}"


def canonical(text: str) -> str | None:
    """The stored form of a reference as a resident typed it ('t4kx 92m' -> 'T-4KX-92M')."""
    raw = _CLEAN.sub("", text.upper())
    if len(raw) != 7 or not raw[0].isalpha() or any(c not in ALPHABET for c in raw[1:]):
        return None
    return f"{raw[0]}-{raw[1:4]}-{raw[4:]}"
