"""Numbers as plans write them: padded digits, Vietnamese separators, words, roman numerals."""

from __future__ import annotations

import pytest

from extractors.vnnumbers import parse_number, roman_to_int


@pytest.mark.parametrize(("text", "value"), [
    ("03", 3), ("1.000", 1000), ("46.200", 46200), ("2,5", 2.5), ("1.5", 1.5), ("95", 95),
    ("ba", 3), ("mười", 10), ("mười lăm", 15), ("hai mươi", 20), ("hai mươi mốt", 21), ("ba mươi lăm", 35),
    ("một trăm", 100), ("một trăm linh năm", 105), ("năm", 5), ("bốn mươi tư", 44),
    ("", None), ("lăm", None), ("nhiều", None),
])
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"), [("I", 1), ("II", 2), ("IV", 4), ("IX", 9), ("iv", 4), ("Q", None), ("", None)]
)
def test_roman_to_int(text: str, value: int | None) -> None:
    assert roman_to_int(text) == value
