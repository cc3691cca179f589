"""Phone numbers: normalize to E.164 (masking for logs is bot.masking)."""

from __future__ import annotations

import phonenumbers

MAX_CHARS = 40  # longer input is not a phone number, however it is written


def to_e164(raw: str, region: str = "US", strict: bool = True) -> str | None:
    """'(312) 555-0142' -> '+13125550142'; None when it is not a number.

    strict checks the number is assigned (for numbers residents type); a sender Twilio
    already delivered from only has to be possible.
    """
    if not raw or len(raw) > MAX_CHARS:
        return None
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    valid = phonenumbers.is_valid_number if strict else phonenumbers.is_possible_number
    if not valid(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
