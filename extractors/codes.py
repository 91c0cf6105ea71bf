"""Canonical document numbers (`1427/QĐ-TTg`), shared by `documents.doc_number` and `cross_references.code`.

The loader links a citation to the cited document by plain equality of the two columns, so every spelling
of one number (OCR spaces around `/` and `-`, `QD` for `QĐ`, the Icelandic `Ð` for `Đ`, `QĐ-TTG` in an
upper-case title) must come out of `canonical()` as the same string.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

DATA = Path(__file__).parent / "data" / "doc_types.json"

# One segment of a symbol: `QĐ`, `TTg`, `BCĐ138`, `PV11(CS)`, `C41`, `V.I`.
_SEG = r"[A-ZĐÐ][A-Za-zĐđÐ0-9&]*(?:\.[A-Z0-9]{1,4})*(?:\([A-Z0-9]{1,6}\))?"
# OCR and typing put spaces around `-` (`QĐ- TTg`, `TTr-CAT- PV11(CS)`); a spaced hyphen only joins a
# segment that cannot be an ordinary word (all capitals or digits, or a known abbreviation such as `TTg`).
# Word processors turn `-` into an en dash (`QĐ–UBND`); both are the same hyphen.
_HYPHEN = r"(?:[-–](?=[A-ZĐÐ])|[ \t]*[-–][ \t]*(?=(?:[A-ZĐÐ][A-ZĐÐ0-9&]+|TTg|TTr|CAT)(?![\w])))"
_SYMBOL = rf"{_SEG}(?:{_HYPHEN}{_SEG})*"
#: A document number as written: `1427/QĐ-TTg`, `19/2025/QĐ-TTg`, `85/2015/QH13`, `19/KH-BCĐ138/CP`,
#: and the party form `24-CT/TW`. Groups: number, year, symbol (state form) / pnumber, psymbol (party form).
CODE_PATTERN = (
    rf"(?<![\w/.,–-])(?:"
    rf"(?P<number>\d{{1,5}}[a-z]?)\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    rf"(?P<symbol>{_SYMBOL}(?:[ \t]*/[ \t]*{_SEG}(?:{_HYPHEN}{_SEG})*)?)"
    rf"|(?P<pnumber>\d{{1,5}})[ \t]*[-–][ \t]*(?P<psymbol>{_SEG}[ \t]*/[ \t]*{_SEG}(?:[-–]{_SEG})*)"
    rf")(?![\w/])"
)
CODE_RE = regex.compile(CODE_PATTERN)
_SPACES = regex.compile(r"\s+")
_PARTS_RE = regex.compile(r"[-/]")
_SEGMENT_RE = regex.compile(r"[^-/]+")
_OCR_ONE_RE = regex.compile(r"(?<=[A-Z])[Il](?=\d)|(?<=\d)[Il]")
_OCR_ZERO_RE = regex.compile(r"(?<=\d)O|O(?=\d)")
_HEAD_TAIL_RE = regex.compile(r"([^\d(]+)(.*)")


@dataclass(frozen=True)
class Code:
    """A parsed document number: `number` as written (leading zeros kept), `symbol` canonical."""

    number: str
    symbol: str
    year: str | None = None
    party: bool = False

    @property
    def code(self) -> str:
        if self.party:
            return f"{self.number}-{self.symbol}"
        middle = f"{self.year}/" if self.year else ""
        return f"{self.number}/{middle}{self.symbol}"

    @property
    def type_abbr(self) -> str:
        """The segment that names the document type: `QĐ` in `QĐ-TTg`, `CT` in `CT/TW`."""
        return _PARTS_RE.split(self.symbol, maxsplit=1)[0]

    @property
    def issuer_abbr(self) -> str:
        """The segment after the type: `TTg` in `QĐ-TTg`, `TW` in `CT/TW`, `QH13` in a law."""
        parts = _PARTS_RE.split(self.symbol)
        return parts[1] if len(parts) > 1 else parts[0]


def fold(text: str) -> str:
    """Accent- and case-blind key, the way OCR loses `Đ` and diacritics."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn").casefold()


@cache
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@cache
def _segment_spellings() -> dict[str, str]:
    """Folded segment → its canonical spelling, for the type and issuer abbreviations we know."""
    known: list[str] = []
    for entry in _data()["types"]:
        known += entry.get("abbr", [])
    known += list(_data()["issuers"])
    return {fold(s): s for s in known}


def _canonical_segment(seg: str) -> str:
    """`QD`→`QĐ`, `TTG`→`TTg`, `BCD138`→`BCĐ138`; unknown segments keep their spelling (`PV11(CS)`)."""
    seg = seg.replace("Ð", "Đ")
    m = _HEAD_TAIL_RE.fullmatch(seg)
    if not m:
        return seg
    head, tail = m.groups()
    return _segment_spellings().get(fold(head), head) + tail


def canonical_symbol(symbol: str, ocr: bool = False) -> str:
    """`QD- TTG` → `QĐ-TTg`. From OCR, `I`/`l`/`O` touching digits are read as `1`/`0` (`PVI1` → `PV11`)."""
    symbol = _SPACES.sub("", symbol).replace("–", "-")
    if ocr:
        symbol = _OCR_ONE_RE.sub("1", _OCR_ZERO_RE.sub("0", symbol))
    return _SEGMENT_RE.sub(lambda m: _canonical_segment(m.group()), symbol)


def from_match(m: regex.Match, ocr: bool = False) -> Code:
    """The `Code` of a `CODE_RE` match; `ocr` when the text was read from an image."""
    if m.group("pnumber"):
        return Code(m.group("pnumber"), canonical_symbol(m.group("psymbol"), ocr), party=True)
    return Code(m.group("number"), canonical_symbol(m.group("symbol"), ocr), m.group("year"))


def parse(text: str, ocr: bool = False) -> Code | None:
    """The first document number in `text`, if any."""
    m = CODE_RE.search(text)
    return from_match(m, ocr) if m else None


def canonical(text: str | None, ocr: bool = False) -> str | None:
    """The one spelling of a document number: `1427 / QD-TTG` → `1427/QĐ-TTg`; None when there is none."""
    if not text:
        return None
    code = parse(text, ocr)
    return code.code if code else None
