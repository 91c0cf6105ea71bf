"""The text forms every agency module shares: the fold that makes matching case- and
tone-placement-blind without moving offsets, lookup keys, and the mention and place records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

from models.records import AgencyRef

DATA = Path(__file__).parent / "data"

_AMPERSAND = regex.compile(r"\s*&\s*")
_SEPARATORS = regex.compile(r"[\s\-–,.]+")
_OLD_TONE = regex.compile(r"(o)([àáảãạèéẻẽẹ])(?!\w)|(u)([ỳýỷỹỵ])(?!\w)")
_TONE_OF = {
    "à": ("a", "ò"), "á": ("a", "ó"), "ả": ("a", "ỏ"), "ã": ("a", "õ"), "ạ": ("a", "ọ"),
    "è": ("e", "ò"), "é": ("e", "ó"), "ẻ": ("e", "ỏ"), "ẽ": ("e", "õ"), "ẹ": ("e", "ọ"),
}
_U_TONE = {"ỳ": "ù", "ý": "ú", "ỷ": "ủ", "ỹ": "ũ", "ỵ": "ụ"}


def fold(text: str) -> str:
    """Lower case with one tone placement, same length as `text` so offsets carry over."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    low = low.replace("ð", "đ")
    out = list(low)
    for m in _OLD_TONE.finditer(low):
        if m.group(1):
            i = m.start(2)
            vowel, toned_o = _TONE_OF[m.group(2)]
            out[i - 1], out[i] = toned_o, vowel
        else:
            i = m.start(4)
            out[i - 1], out[i] = _U_TONE[m.group(4)], "y"
    return "".join(out)


def key(text: str) -> str:
    """Lookup key: folded, with separators (spaces, dashes, commas, dots) collapsed."""
    text = _AMPERSAND.sub("&", fold(text).strip(" -–,."))
    return " ".join(_SEPARATORS.split(text)).strip()


@dataclass(frozen=True)
class Place:
    """Where a document belongs: its province (None for central plans) and, below the
    province, the district or commune it governs (`huyện Đoan Hùng`, `xã Lương Minh`)."""

    province: str | None = None
    locality: str | None = None
    steering_138: bool = False


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    agency: AgencyRef
    #: a stem that only names bodies together with the words after it (`Công an` + `các địa phương`)
    open: bool = False

    @property
    def collective(self) -> bool:
        """Names many bodies (`các sở, ngành`, `các cơ quan chức năng Trung Quốc`): never a lead."""
        return self.agency.level in ("collective", "foreign")
