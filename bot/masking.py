"""Recipients and provider messages made fit for log lines: no full phone number, ever."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# A run of 7+ digits with the usual separators: long enough to be a phone number,
# short Twilio error codes (21211) stay readable.
_PHONE_LIKE = re.compile(r"\+?\d[\d ().-]{5,}\d")


def mask_address(address: str | None) -> str:
    """A recipient for a log line: a number keeps its last 4 digits, a URL only its host."""
    if not address:
        return "-"
    if "://" in address:
        parts = urlsplit(address)
        return f"{parts.scheme}://{parts.hostname}/..."
    return _mask_digits(address)


def redact(text: str) -> str:
    """text with every phone-number-like run masked down to its last 4 digits."""
    return _PHONE_LIKE.sub(lambda match: _mask_digits(match.group()), text)


def _mask_digits(text: str) -> str:
    hide = sum(ch.isdigit() for ch in text) - 4
    out = []
    for ch in text:
        if ch.isdigit() and hide > 0:
            out.append("*")
            hide -= 1
        else:
            out.append(ch)
    return "".join(out)
