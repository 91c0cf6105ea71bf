"""Numbers as Vietnamese plans write them: digits with Vietnamese separators, words, roman numerals.

Plans pad counts with zeros (`03 tháng`, `05 báo cáo viên`), use `.` for thousands and `,` for
decimals (`1.000`, `2,5%`), spell small numbers out (`ba tháng`, `mười lăm ngày`) and number
quarters and parts in roman numerals (`Quý IV/2025`).  Every extractor that reads a quantity or
a length of time goes through here so they agree on what a number is.
"""

from __future__ import annotations

import regex

_UNITS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
_TEENS = {"mười": 10}
_SCALES = {"trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000}

#: A number spelled out: `ba`, `mười`, `mười lăm`, `hai mươi mốt`, `một trăm`.  `năm` alone is
#: also the word for "year", so callers only accept this where a time unit follows it.
NUMBER_WORDS = (
    r"(?:(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười)"
    r"(?:\s+(?:mươi|mười|trăm|nghìn|ngàn|linh|lẻ|một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín))*)"
)
#: Digits as plans write them: `03`, `1.000`, `2,5`, `95.5`.
DIGITS = r"(?:\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:[.,]\d+)?)"
NUMBER = rf"(?:{DIGITS}|{NUMBER_WORDS})"
ROMAN = r"(?:IV|IX|V?I{1,3}|V|X)"

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_THOUSANDS = regex.compile(r"^\d{1,3}(?:\.\d{3})+$")


def parse_digits(text: str) -> float | None:
    """`1.000` → 1000, `2,5` → 2.5, `03` → 3; `1.5` is a decimal (thousands need three digits)."""
    text = text.strip()
    if _THOUSANDS.match(text):
        return float(text.replace(".", ""))
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def parse_words(text: str) -> int | None:
    """`hai mươi mốt` → 21, `mười lăm` → 15, `một trăm linh năm` → 105; None if a word is unknown."""
    total, current = 0, 0
    words = text.lower().split()
    if not words:
        return None
    for i, word in enumerate(words):
        if word in ("linh", "lẻ"):
            continue
        if word in _TEENS:
            current += 10
        elif word == "mươi":
            current = (current or 1) * 10
        elif word in _SCALES:
            scale = _SCALES[word]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
        elif word in _UNITS:
            # "lăm"/"mốt"/"tư" only follow a ten; "năm" right after "mười"/"mươi" is five
            if word in ("lăm", "mốt", "nhăm") and (i == 0 or words[i - 1] not in ("mười", "mươi")):
                return None
            current += _UNITS[word]
        else:
            return None
    return total + current


def parse_number(text: str) -> float | None:
    """A quantity in digits or words; None when it is neither."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        return parse_digits(text)
    value = parse_words(text)
    return float(value) if value is not None else None


def roman_to_int(text: str) -> int | None:
    """`IV` → 4; None for anything that is not a roman numeral."""
    text = text.strip().upper()
    if not text or any(c not in _ROMAN_VALUES for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        value = _ROMAN_VALUES[c]
        if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total

