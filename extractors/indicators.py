"""Indicators: the noun phrase that names what a target measures.

Plans put it after a share (`100% số xã được phổ biến`), before a level (`Tỷ lệ hộ nghèo giảm xuống dưới
2%`, `Tổng sản phẩm Xoài tham gia xuất khẩu phấn đấu đến năm 2030 đạt 18.000 tấn`) or after a count's
unit (`ít nhất 10 doanh nghiệp công nghệ số mới`).  Around it sit words that are not part of it: the
stage year (`vào năm 2025`, `từ năm 2025 trở đi`), the comparator and verb (`phấn đấu đạt tối thiểu`),
a place or scope adverbial (`Tại thành phố Hà Nội, ...`).  A researcher groups targets by indicator, so
these are cut away; a phrase that is only such words gives no indicator rather than a fragment.
"""

from __future__ import annotations

import regex

from extractors import cues

_WORDS = cues.load("target_words")
_alt = cues.alternation
_I = regex.IGNORECASE

# `vào năm 2025`, `đến hết năm 2030`, `từ năm 2025 trở đi`, `ngay trong năm 2025`, `giai đoạn này`, `hằng năm`
_TIME = regex.compile(
    r"\s*\b(?:(?:vào|đến|tới|trước|trong|từ|ngay\s+trong|sau)\s+)?(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d\d\b"
    r"(?:\s*,?\s*trở\s+đi\b)?|\s*\b(?:trong\s+)?giai\s+đoạn\s+(?:này|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)\b"
    r"|\s*\b(?:hằng|hàng|mỗi)\s+năm\b",
    _I,
)
# an aside of several words (`(bao gồm người được ủy quyền nhận thay)`) interrupts the phrase; `(MES)` names it
_ASIDE = regex.compile(r"\s*\((?:[^()\n]*\s){3,}[^()\n]*\)")
_CUT = regex.compile(rf"\s(?:{_alt(_WORDS['indicator_cuts'])})\b|[;.:(]|,\s*$", _I)
# what opens a phrase without belonging to it: list labels, `Phấn đấu`, `bảo đảm`, `các`, `Trong đó:`
_LEAD = regex.compile(
    r"^(?:\W|[a-zđ]\)|\d+(?:\.\d+)*[.)]|(?:hằng\s+năm|hàng\s+năm|phấn\s+đấu|bảo\s+đảm|đảm\s+bảo|mục\s+tiêu|dự\s+kiến|"
    r"trong\s+đó|và|đạt|các|những|có|tăng|giảm|kéo\s+giảm|nâng|bình\s+quân|chỉ\s+tiêu\s+\d+)(?!\p{L}))+",
    _I,
)
_TRAIL = regex.compile(
    rf"(?:\s|,|\(|\b(?:{_alt([*_WORDS['comparators'], *_WORDS['increase'], *_WORDS['decrease'], *_WORDS['stat_cues']])}"
    r"|đạt|là|ở\s+mức|mức|có|trung\s+bình|phấn\s+đấu|dự\s+kiến|xuống|lên|còn|gấp|bình\s+quân|tốc\s+độ\s+tăng)\b)+$",
    _I,
)
# the words that head a measured quantity: where a long clause names its indicator (`..., mục tiêu tỷ lệ phủ sóng`)
_HEAD = regex.compile(rf"\b{_alt(_WORDS['indicator_heads'])}\b", _I)
# `Tỷ suất sinh giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ...`: the starting level is not part of the name
_FROM_VALUE = regex.compile(r"\s+(?:(?:giảm|tăng)\s+)?từ\s+\d.*$", _I)
# after the value a new predicate starts: `đạt 100% và triển khai ...` names nothing measured
_NEW_PREDICATE = regex.compile(r"^\s*(?:,|và\b|;)", _I)


def _clean(phrase: str) -> str:
    return " ".join(_TIME.sub("", _ASIDE.sub("", phrase)).split())


def _unquoted(phrase: str) -> str:
    """Without a quote the cut left open (`xã, phường “không ma túy`)."""
    phrase = phrase.strip(" ,;.:(")
    if phrase.count("“") != phrase.count("”"):
        phrase = phrase.replace("“", "").replace("”", "")
    return phrase.strip(" ,;.:(\"")


def after_value(text: str) -> str:
    """The noun phrase right after a share or a count's unit, up to where the clause turns to purpose or manner."""
    if _NEW_PREDICATE.match(text):
        return ""
    text = _ASIDE.sub("", text)
    cut = _CUT.search(text)
    return _unquoted(_LEAD.sub("", _clean(text[:cut.start()] if cut else text)))


def before_value(text: str) -> str:
    """The noun phrase before a level: from its head noun (`tỷ lệ`, `tổng giá trị`) when it has one, without
    the comparator, verb and stage year that lead to the number."""
    phrase = _clean(text)
    # `mục tiêu về công trình xanh: Hà Nội có tối thiểu 200 công trình`: what a colon announces
    phrase = _FROM_VALUE.sub("", phrase[phrase.rfind(":") + 1:])
    head = _HEAD.search(phrase)
    if head:
        phrase = phrase[head.start():]
    return _unquoted(_LEAD.sub("", _TRAIL.sub("", phrase)))


def statement(text: str) -> str:
    """A target stated without a number (`Chỉ tiêu 3: Kiềm chế, không để xảy ra ...`) is its own indicator."""
    return _LEAD.sub("", _clean(text)).strip(" ,;.:")
