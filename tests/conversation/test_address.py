"""Places as residents type them, normalized for staff; words that are not places refused."""

from __future__ import annotations

import pytest

from bot.conversation.address import normalize_address


@pytest.mark.parametrize("typed, normal", [
    ("120 main street", "120 Main St"),
    ("120 MAIN ST.", "120 Main St"),
    ("main and 5th", "Main & 5th"),
    ("Lake St & Hennepin Ave", "Lake St & Hennepin Ave"),
    ("corner of oak avenue and 3rd street", "Oak Ave & 3rd St"),
    ("at 455 north elm boulevard", "455 N Elm Blvd"),
    ("Calle 5 y Lake St", "Calle 5 & Lake St"),
    ("in front of the public library", "Front Of The Public Library"),
])
def test_addresses_and_intersections(typed, normal):
    assert normalize_address(typed) == normal


@pytest.mark.parametrize("typed", ["", "x", "home", "my house", "42", "!!!"])
def test_not_a_place(typed):
    assert normalize_address(typed) is None
