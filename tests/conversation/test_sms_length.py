"""Replies stay within SMS limits; one non-GSM character makes the whole SMS UCS-2."""

from __future__ import annotations

from bot.conversation.sms_length import clip, is_gsm7, segments


def test_plain_english_is_gsm7_and_fits_one_segment():
    assert is_gsm7("Where did it happen? Send a street address.")
    assert segments("x" * 160) == 1
    assert segments("x" * 161) == 2


def test_one_emoji_or_accent_outside_gsm_makes_it_ucs2():
    assert not is_gsm7("Qué pasó 🚲")
    assert segments("á" * 70) == 1  # á is not GSM-7
    assert segments("á" * 71) == 2


def test_spanish_letters_in_gsm7_stay_gsm7():
    assert is_gsm7("¿Donde? ñ ü é")  # ¿, ñ, ü and é are in GSM-7; ó is not
    assert not is_gsm7("ó")


def test_clip_cuts_on_a_word_boundary():
    text = "word " * 400
    cut = clip(text, 1600)
    assert len(cut) <= 1600 and cut.endswith("…")
