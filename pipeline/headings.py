"""Heading and list-item labels of Vietnamese administrative documents, read off one line.

Nghị định 30/2020/NĐ-CP fixes the marks a document may use: Phần/Chương/Mục, Điều, roman
numerals, arabic numbers, `1.1.` decimals, lettered points `a)`, and `-`/`+` items. Real plans
add `Chỉ tiêu 1:`-style named items, `1/`, `a.` and OCR misreads of the numerals. A line can be
read in more than one way (`C.` is a capital-letter part or roman 100; OCR's `H.` may be `II.`);
this module lists every reading as a `Marker` and leaves the choice to the tree builder, which
knows what label the sequence expects next.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

#: Vietnamese point letters in order; `f`, `j`, `w`, `z` are not Vietnamese but appear, so they
#: sit between their neighbours (`f` after `e` and before `g`).
_LETTER_VALUE = {ch: i + 1 for i, ch in enumerate("abcdđeghiklmnopqrstuvxy")}
_LETTER_VALUE.update({"f": 6.5, "j": 9.5, "w": 20.5, "z": 23.5})

#: nesting rank: a heading never sits under one of equal or greater rank (a `Phần` is never
#: inside a `Điều`, a roman never inside an arabic)
RANK = {"part": 0.0, "chapter": 1.0, "article": 2.0, "roman": 3.0, "arabic": 4.0, "decimal": 5.0,
        "letter": 6.0, "named": 6.5, "dash": 7.0, "plus": 8.0}
LIST_KINDS = ("dash", "plus")
#: an appendix holds whatever parts it has; capital-letter parts (`A.`) sit inside a `Phần`
_KEY_RANK = {"appendix": -1.0, "letterpart": 0.5}

_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ORDINAL_WORDS = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}

# the text after a label: a space then something, a capital glued to the label, or nothing
_AFTER = r"(?=[ \t]+\S|\p{Lu}|[\"“(]|[ \t]*$)"
_PART = regex.compile(
    r"(?P<word>PHẦN|Phần)(?:[ \t]+(?P<num>(?:THỨ|[Tt]hứ)[ \t]+\p{L}+|[IVXLC]{1,6}|\d{1,2}|[A-H])|(?P<num>[IVXLC]{1,6}))"
    r"(?=[ \t]*$|[ \t]*[.:\-–][ \t]*|[ \t]+\p{Lu})"
)
_APPENDIX = regex.compile(
    r"(?P<word>PHỤ LỤC|Phụ lục|PHỤ\s+LỤC)(?:[ \t]+(?P<num>(?:(?:SỐ|số)[ \t]+)?(?:[IVXLC]{1,6}|\d{1,2}|[A-Z])))?"
    r"(?=[ \t]*$|[ \t]*[.:\-–][ \t]*\S|[ \t]+[\p{Lu}(\"“])"
)
_CHAPTER = regex.compile(
    r"(?P<word>CHƯƠNG|Chương)[ \t]+(?P<num>[IVXLC]{1,6}|\d{1,2})(?=[ \t]*$|[ \t]*[.:\-–][ \t]*|[ \t]+\p{Lu})"
)
_ARTICLE = regex.compile(r"(?P<word>Điều|ĐIỀU)[ \t]+(?P<num>\d{1,3})[ \t]*[.:]" + _AFTER)
_CAP_PART = regex.compile(r"(?P<num>[A-H])\.[ \t]*(?=\p{Lu}{2})")
_ROMAN = regex.compile(r"(?P<num>[IVXLC]{1,7})[ \t]*(?:[.)/]|-(?=[ \t]))" + _AFTER)
# OCR misreads of a roman numeral: `H.`/`IL.`/`Il.`/`ll.`/`1I.` for `II.` and the like
_ROMAN_OCR = regex.compile(r"(?P<num>[IVXLlH1|]{1,5})[ \t]*[.,]" + _AFTER)
_DECIMAL = regex.compile(r"(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=[ \t]+\S|\p{Lu})(?![ \t]+\d)")
_ARABIC = regex.compile(r"(?P<num>\d{1,2})[ \t]*(?:[.)]|/(?=[ \t])|-(?=[ \t]+\p{Lu}))" + _AFTER)
_ARABIC_OCR = regex.compile(r"(?P<num>[lI|O\d]{1,2})[ \t]*[.,]" + _AFTER)
_LETTER = regex.compile(r"(?P<num>[a-zđ])[ \t]*(?:\)|\.(?=[ \t])|/(?=[ \t]))" + _AFTER)
_NAMED = regex.compile(
    r"(?:[-–+•*][ \t]*)?(?P<name>(?i:(?:tiểu[ \t]+)?(?:đề[ \t]+án|dự[ \t]+án)|chỉ[ \t]+tiêu|mục[ \t]+tiêu|"
    r"nhiệm[ \t]+vụ|giải[ \t]+pháp|chương[ \t]+trình|hoạt[ \t]+động))[ \t]+(?P<num>\d{1,2}|[IVX]{1,4})"
    r"[ \t]*(?=[:.\-–)]|$)"
)
_DASH = regex.compile(r"[-–—•](?![-–—])[ \t]*(?=\S)|\*[ \t]+(?=\S)")
_PLUS = regex.compile(r"\+[ \t]*(?=\S)")
# a cheap first look: can a label start here at all? Most body lines start with a word and fail at once.
_QUICK = regex.compile(
    r"[-–—•+*\d]|[IVXLCHl|]{1,7}[ \t]*[.,)/-]|[a-zđ][ \t]*[.)/]|[A-H]\.|"
    r"(?i:phần|phụ[ \t]+lục|chương|điều|chỉ[ \t]+tiêu|mục[ \t]+tiêu|nhiệm[ \t]+vụ|giải[ \t]+pháp|"
    r"hoạt[ \t]+động|tiểu|dự[ \t]+án|đề[ \t]+án)"
)
_SEPARATOR = regex.compile(r"[ \t]*[.:\-–)/][ \t]*|[ \t]+")


@dataclass(frozen=True)
class Marker:
    """One reading of a line's label.

    `key` groups siblings (`decimal` by depth, `named` by name); `value` orders them;
    `label_start` and `text_start` (the heading text after the label) are offsets in the line;
    `ocr` marks a reading that is only accepted where the sequence expects exactly its value.
    """

    kind: str
    key: str
    label: str
    value: float
    label_start: int
    text_start: int
    rank: float
    ocr: bool = False
    prefix: str = ""
    #: the punctuation after the label (`.` in `1.`, `)` in `a)`): siblings write it the same way
    sep: str = ""
    #: the text after the label starts in lower case
    lower: bool = False


def roman_value(s: str) -> int | None:
    """Value of a well-formed roman numeral (canonical form only, so `IIII` and `VX` are rejected)."""
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN_DIGITS.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if total and to_roman(total) == s else None


def to_roman(n: int) -> str:
    out = []
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def letter_value(ch: str) -> float:
    return _LETTER_VALUE[ch]


def _text_start(line: str, pos: int) -> int:
    m = _SEPARATOR.match(line, pos)
    return m.end() if m else pos


def _marker(kind: str, label: str, value: float, m: regex.Match, line: str, *, key: str | None = None,
            ocr: bool = False, label_start: int | None = None) -> Marker:
    depth = label.count(".") if kind == "decimal" else 0
    label_end = m.end("num") if m["num"] else m.end()
    text_start = _text_start(line, m.end())
    sep = line[label_end:m.end()].strip()[:1] or line[label_end:label_end + 1].strip(" \t")[:1]
    return Marker(
        kind=kind, key=key or (f"decimal{depth}" if kind == "decimal" else kind), label=label, value=value,
        label_start=m.start() if label_start is None else label_start,
        text_start=text_start, rank=_KEY_RANK.get(key or "", RANK[kind] + depth * 0.1), ocr=ocr,
        prefix=label.rsplit(".", 1)[0] if kind == "decimal" else "", sep=sep if sep in ".)/-:" else "",
        lower=line[text_start:text_start + 1].islower(),
    )


def _ocr_roman(s: str) -> int | None:
    """Value of a roman numeral OCR garbled into other glyphs (`H`, `l`, `1`, `|`, `L` for `I`)."""
    folded = s.replace("H", "II").replace("l", "I").replace("1", "I").replace("|", "I").replace("L", "I")
    return roman_value(folded) if folded != s else None


#: digits OCR reads for others, misread → meant (corpus notes: `5.` comes out as `9.`)
_DIGIT_MISREADS = {"9": "5", "8": "3", "3": "8", "6": "5", "7": "1", "4": "1"}
#: point letters OCR reads as digits (`a)` comes out as `8)` in bold scans)
_LETTER_MISREADS = {"8": "a", "6": "b", "0": "o", "1": "l"}


def _ocr_arabic(s: str, ocr: bool) -> list[int]:
    """Numbers that may have been misread as `s`: `l.`/`I.` for `1.` always, digit swaps in OCR text."""
    folded = s.replace("l", "1").replace("I", "1").replace("|", "1").replace("O", "0")
    if not folded.isdigit():
        return []
    out = [int(folded)] if folded != s else []
    if ocr:
        out.extend(int(folded[:i] + _DIGIT_MISREADS[d] + folded[i + 1:])
                   for i, d in enumerate(folded) if d in _DIGIT_MISREADS)
    return out


def _part_number(num: str) -> tuple[str, float] | None:
    words = num.split()
    if words[0].lower() == "thứ":
        value = _ORDINAL_WORDS.get(" ".join(words[1:]).lower())
        return (("thứ " + " ".join(words[1:])).lower(), value) if value else None
    if num.isdigit():
        return num, int(num)
    if len(num) == 1 and "A" <= num <= "H":  # `Phần C` is the third part, not the hundredth
        return num, ord(num) - ord("A") + 1
    value = roman_value(num)
    return (num, value) if value else None


def read_markers(line: str, start: int = 0, ocr: bool = False) -> list[Marker]:
    """Every reading of a label at `line[start:]` (after the caller skipped indentation), best first.

    `ocr` adds the readings of OCR misreads (a dropped `I` in `III.`, swapped digits); glyphs no
    clean text uses for a numeral (`H.`, `Il.`) are read as misreads always.
    """
    if not _QUICK.match(line, start):
        return []
    out: list[Marker] = []
    if m := _PART.match(line, start):
        parsed = _part_number(m["num"])
        if parsed:
            out.append(_marker("part", f"Phần {parsed[0]}", parsed[1], m, line))
            if ocr and roman_value(m["num"]):
                out.extend(_marker("part", f"Phần {to_roman(v)}", v, m, line, ocr=True)
                           for v in (int(parsed[1]) + 1, int(parsed[1]) - 1) if v)
        return out
    if m := _APPENDIX.match(line, start):
        num = m["num"] or ""
        num = regex.sub(r"(?i)^số\s+", "số ", num)
        return [_marker("part", f"Phụ lục {num}".strip(), 0, m, line, key="appendix")]
    if m := _CHAPTER.match(line, start):
        value = int(m["num"]) if m["num"].isdigit() else roman_value(m["num"])
        if value:
            out.append(_marker("chapter", f"Chương {m['num']}", value, m, line))
        return out
    if m := _ARTICLE.match(line, start):
        return [_marker("article", f"Điều {int(m['num'])}", int(m["num"]), m, line)]
    if m := _NAMED.match(line, start):
        name = " ".join(m["name"].split())
        value = int(m["num"]) if m["num"].isdigit() else roman_value(m["num"]) or 0
        return [_marker("named", f"{name} {m['num']}", value, m, line, key="named:" + name.lower(),
                        label_start=m.start("name"))]
    if m := _DECIMAL.match(line, start):
        parts = m["num"].split(".")
        return [_marker("decimal", m["num"], int(parts[-1]), m, line)]
    if m := _ARABIC.match(line, start):
        out.append(_marker("arabic", str(int(m["num"])), int(m["num"]), m, line))
        out.extend(_marker("arabic", str(v), v, m, line, ocr=True) for v in _ocr_arabic(m["num"], ocr))
        letter = _LETTER_MISREADS.get(m["num"])
        if ocr and letter and line[m.end("num"):m.end()].strip() == ")":
            out.append(_marker("letter", letter, letter_value(letter), m, line, ocr=True))
        return out
    if m := _CAP_PART.match(line, start):
        out.append(_marker("part", m["num"], ord(m["num"]) - ord("A") + 1, m, line, key="letterpart"))
    if m := _ROMAN.match(line, start):
        value = roman_value(m["num"])
        if value and value <= 40:
            out.append(_marker("roman", m["num"], value, m, line))
            if ocr:
                out.extend(_marker("roman", to_roman(v), v, m, line, ocr=True) for v in (value + 1, value - 1) if v)
        if ocr and m["num"] == "II":
            out.append(_marker("arabic", "11", 11, m, line, ocr=True))
    if m := _ROMAN_OCR.match(line, start):
        value = _ocr_roman(m["num"])
        if value:
            out.append(_marker("roman", to_roman(value), value, m, line, ocr=True))
    if not out and (m := _ARABIC_OCR.match(line, start)):
        out.extend(_marker("arabic", str(v), v, m, line, ocr=True) for v in _ocr_arabic(m["num"], ocr))
    if any(not m.ocr for m in out):
        return sorted(out, key=lambda m: m.ocr)
    if m := _LETTER.match(line, start):
        return [_marker("letter", m["num"], letter_value(m["num"]), m, line), *out]
    if out:
        return out
    if m := _DASH.match(line, start):
        return [Marker("dash", "dash", "", 0, m.start(), m.end(), RANK["dash"])]
    if m := _PLUS.match(line, start):
        return [Marker("plus", "plus", "", 0, m.start(), m.end(), RANK["plus"])]
    return []
