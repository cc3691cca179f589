"""References are short, typed back easily, and never mix up 0/O or 1/I/L."""

from __future__ import annotations

from bot.reference import ALPHABET, canonical, new_reference


def test_new_references_are_readable():
    for _ in range(200):
        ref = new_reference("theft")
        assert ref[0] == "T" and len(ref) == 9
        assert all(c in ALPHABET for c in ref[2:5] + ref[6:])


def test_typed_back_in_any_case_or_spacing():
    assert canonical("t4kx 92m") == "T-4KX-92M"
    assert canonical(" P-ABC-DEF ") == "P-ABC-DEF"
    assert canonical("T-0KX-92M") is None  # 0 is never used
    assert canonical("T-4KX") is None
