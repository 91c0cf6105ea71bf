"""Document metadata (EXTRACTION.md `documents`): number, type, title, issuer, place and date, province, signer, period.

Everything is read from the document's own header (Nghị định 30/2020/NĐ-CP layout: issuing body top left,
`Số:` under it, `Place, ngày … tháng … năm …` top right, the type line, the title), in whichever shape it
arrives: two-column text, a Markdown table, or after a legal website's metadata block. The website block is
only a witness: its values are used where the body shows them too. A received-stamp of another office
(`Số: 1672 Ngày: 26/5/16 ĐẾN`) has no symbol, so it never passes for the document's number.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import regex

from extractors import codes
from models.records import DocumentMeta, SegmentedDocument

_DATA = Path(__file__).parent / "data"
_HEAD_WINDOW = 5000

_TYPES = json.loads((_DATA / "doc_types.json").read_text(encoding="utf-8"))["types"]
_TYPE_NAMES = [t["name"] for t in _TYPES]
_TYPE_OF_ABBR = {codes.fold(a): t["name"] for t in reversed(_TYPES) for a in t.get("abbr", [])}  # first listed wins
_TYPE_LINE_RE = regex.compile(
    r"(?m)^[ \t#*|_>]*(?P<type>"
    + "|".join(r"[ \t]+".join(n.upper().split()) for n in _TYPE_NAMES if n != "Văn bản")
    # alone, or with its title run on (in capitals, or in sentence case after the bold type: `**NGHỊ ĐỊNH**Quy định …`)
    + r")(?:[ \t*_|]*(?:\n|\Z)|[ \t]+(?=\p{Lu}[^\n\p{Ll}]{10})|(?:\*\*)?(?=\p{Lu}\p{Ll}))"
)
_SITE_FIELD_RE = regex.compile(
    r"(?P<key>Số hiệu|Loại văn bản|Nơi ban hành|Cơ quan ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|"
    r"Số công báo|Tình trạng)[\s*:|]*(?P<value>[^\n|*]+)"
)
_NUMBER_RE = regex.compile(r"(?<!\w)Số\s*(?:hiệu\s*)?:?[\s*|]*(?P<code>[^\n]{0,80})")
_DATE_WORDS = (
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d\d)"
    r"|(?P<d>\d{1,2})\s+(?i:tháng)\s*(?P<m>\d{1,2})\s+(?i:năm)\s*(?P<y>(?:19|20)\d\d))"
)
# The place is one to six words right before `, ngày` (`Thành phố Hồ\nChí Minh` wraps), never part of a number.
_PLACE_DATE_RE = regex.compile(
    r"(?<=(?:^|[\n\t|*]|[ ]{2})[ \t*_]*)(?P<place>(?:TP\.[ \t]*)?\p{Lu}\p{Ll}*(?:(?:[ \t]+|[ \t]*\n[ \t]*)\p{L}+){0,5})"
    rf"[ \t]*(?P<comma>,?)\s*(?i:ngày)\s+(?:{_DATE_WORDS}|[.… \t_]*(?i:tháng))"
)
# Lines that open the body: sentence-case preamble words, the upper-case authority line of a Quyết định, headings.
_STOP_LINE_RE = regex.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Xét|Theo|Kính\s+gửi|\(|QUYẾT\s+ĐỊNH\s*:|CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|"
    r"THỦ\s+TƯỚNG|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|[IVX]+\.\s|\d+\.\s|(?i:phần|chương)\s+(?:[IVX\d]+|thứ)|-{3,}|_{3,})"
)
# the authority line of a normative decision or resolution on its own line: `ỦY BAN NHÂN DÂN TỈNH LAI CHÂU`
_AUTHORITY_LINE_RE = regex.compile(
    r"^(?:(?:[ỦU][YỶ]\s+BAN|HỘI\s+ĐỒNG)\s+NHÂN\s+DÂN\s+(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG)"
    r"[^\p{Ll}]*|CHÍNH\s+PHỦ)$"
)
_FIRST_LINE_STOP_RE = regex.compile(r"^(?:Căn\s+cứ|Kính\s+gửi|\(|[IVX]+\.\s|\d+\.\s|-{3,})")
_SUBJECT_RE = regex.compile(
    r"(?m)^[ \t*_|]*V/v[ \t]*:?[ \t]*"
    r"(?P<title>[^\n|]+(?:\n[ \t]*(?![|*\s]*(?:\n|Kính|\p{Lu}[\p{L} ]*,\s*ngày))[^\n|]+)*)"
)
_ABOUT_RE = regex.compile(
    r"[\s*|_]*(?P<title>Về[ \t]+[^\n|]+(?:\n[ \t]*(?![|*\s]*(?:\n|Kính|\p{Lu}[\p{L} ]*,\s*ngày))[^\n|]+)*)"
)
# a resolution or law whose header lost its date line still closes with the day it was adopted
_ADOPTED_RE = regex.compile(
    rf"(?:Nghị\s+quyết|Luật|Pháp\s+lệnh)\s+này\s+(?:đã\s+)?được[^.\n]{{0,160}}?thông\s+qua\s+ngày\s+{_DATE_WORDS}"
)
_RUN_ON_BODY_RE = regex.compile(
    r"\s(?=(?:Căn\s+cứ|Thực\s+hiện|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị|Kính\s+gửi)\s)"
    # the authority line at the end (`… TỈNH HUẾ CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ`), never `CỦA CHỦ TỊCH …`
    r"|(?<!(?:CỦA|VỚI|CHO|VÀ|THUỘC|GIỮA|PHÓ|PHÒNG|TƯỚNG))\s(?=(?:(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN)\s+"
    r"[^\p{Ll}]{3,60}|(?:[ỦU][YỶ]\s+BAN|HỘI\s+ĐỒNG)\s+NHÂN\s+DÂN\s+(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG)"
    r"(?:\s+[^\s\p{Ll}]+){1,4}|(?:THỦ\s+TƯỚNG\s+)?CHÍNH\s+PHỦ)$)"
)
_WORD_RE = regex.compile(r"\S+")
# numbers (`06/QĐ-TTg`) and Roman numerals of two letters or more (`khóa XVI`; not `VI`, a word) keep their case
_KEEP_CASE_RE = regex.compile(r"\d|^\W*(?:X{1,3}(?:IX|IV|VI{0,3}|I{1,3})|X{2,3}|IX|IV|VI{2,3}|I{2,3})\W*$")
_DIGIT_RE = regex.compile(r"\d")
_MARKUP_RE = regex.compile(r"[*#|_>]+|\\")
_ORG_HEAD_RE = regex.compile(
    r"(?i)^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|BAN |BỘ |CỤC |TỔNG CỤC|SỞ |VỤ |VIỆN |TÒA|TOÀ|CÔNG AN|VĂN PHÒNG|"
    r"PHÒNG(?!,?\s*CHỐNG)\s|"
    r"THANH TRA|KHO BẠC|THUẾ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|HUYỆN ỦY|ĐẢNG ỦY|ĐẢNG BỘ|BỘ CHỈ HUY|BỘ TƯ LỆNH|ĐÀI |TRUNG TÂM|"
    r"TRUNG ƯƠNG|MẶT TRẬN|ĐOÀN |HỘI (?!VÀ)|CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|BAN CHỈ ĐẠO|TRƯỜNG |BỆNH VIỆN|CHI CỤC)"
)
# a header line ending in one of these goes on in the next line (`ỦY` / `BAN NHÂN DÂN`)
_OPEN_WORDS = {
    "ỦY",
    "UỶ",
    "NHÂN",
    "HỘI",
    "BAN",
    "ĐỒNG",
    "TỔNG",
    "CHỈ",
    "ĐẠO",
    "SỞ",
    "BỘ",
    "VĂN",
    "CÔNG",
    "VIỆN",
    "TÒA",
    "TOÀ",
    "XÃ",
    "VÀ",
    "TỔ",
}
_BODY_ISSUER_RE = regex.compile(
    r"(?<![\w/-])(?P<org>(?:Ban\s+Chỉ\s+đạo|BCĐ|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|UBND|Sở|Bộ|Công\s+an|Hội\s+đồng)"
    r"[^;:]{0,220}?)\s*(?:\([^()]*\)\s*)?(?:xây\s+dựng|ban\s+hành)\s+(?:[Kk]ế\s+hoạch|KẾ\s+HOẠCH)"
)
_AUTHORITY_AFTER_TITLE_RE = regex.compile(r"(?:[\s*_|]+|-{3,})*(?P<line>[^\n\p{Ll}]{5,80})\n")
_LEADING_POST_RE = regex.compile(r"^(?:BỘ TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|THỐNG ĐỐC|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG)\s+(?=\S)")
_ENACTING_RE = regex.compile(
    r"(?m)^[*_ \t]*(?P<org>(?:Chính\s+phủ|Thủ\s+tướng|Bộ\s+trưởng|Ủy\s+ban|Uỷ\s+ban|Quốc\s+hội|Hội\s+đồng|Chủ\s+tịch|"
    r"Thống\s+đốc|Tổng\s+Kiểm\s+toán|Chánh\s+án|Viện\s+trưởng)[^;:\n]{0,150}?)\s+ban\s+hành\s+"
    r"(?:Nghị\s+định|Thông\s+tư|Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Pháp\s+lệnh|Luật)(?!\w)"
)
_POSITION_RE = regex.compile(
    r"^(?:KT\.|TM\.|TL\.|Q\.|PHÓ |CHỦ TỊCH|TRƯỞNG |GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|CHÁNH |TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|"
    r"BÍ THƯ|THỨ TRƯỞNG|THỦ TRƯỞNG|CHỦ NHIỆM|VIỆN TRƯỞNG|CHÁNH ÁN|TUQ\.)"
)
_RANK_RE = regex.compile(r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)|Đồng chí|Ông|Bà|Đ/c)\s+")
_NAME_RE = regex.compile(r"\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}")
# a signature in capitals (`NGUYỄN VĂN A`) is told from the position lines by its family name
_UPPER_NAME_RE = regex.compile(r"\p{Lu}+(?:\s+\p{Lu}+){1,4}")
_SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Trịnh Mai Trương Lương Lưu "
    "Đoàn Vương Tạ Hà Cao Lâm Thái Châu Quách Tô Hứa Triệu Kiều Văn Tăng Chu Lò Lục Nông Mạc Thân Tống Từ Giáp".split()
)
# words that open a line of the signature block or the Nơi nhận list, never a person's name
_NOT_NAME_WORDS = {
    "Nơi",
    "Lưu",
    "Kính",
    "Ban",
    "Sở",
    "Bộ",
    "Phòng",
    "Công",
    "Ủy",
    "Uỷ",
    "Văn",
    "Cục",
    "Các",
    "Tỉnh",
    "Đã",
    "Hội",
    "Trung",
    "Chủ",
    "Phó",
    "Trưởng",
    "Giám",
    "Thường",
    "Chính",
    "Quốc",
    "Thành",
    "Huyện",
}
_RANGE_RE = regex.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
_YEAR_RE = regex.compile(r"(?i)(?<!\w)(?P<pre>đến\s+|từ\s+)?năm\s+((?:19|20)\d\d)(?!\d)")
_CITED_RE = regex.compile(rf"(?i)ngày\s+{_DATE_WORDS}|{codes.CODE_PATTERN}")

_ABBREVIATIONS = [
    (regex.compile(r"(?<!\w)(?i:UBND)(?!\w)"), "Ủy ban nhân dân"),
    (regex.compile(r"(?<!\w)(?i:HĐND)(?!\w)"), "Hội đồng nhân dân"),
    (regex.compile(r"(?<!\w)(?i:BCĐ)(?!\w)"), "Ban Chỉ đạo"),
    (regex.compile(r"(?<!\w)Uỷ"), "Ủy"),
    (regex.compile(r"(?<!\w)TP\.?\s*(?=\p{Lu})"), "thành phố "),
]
_ORG_CASE = [
    ("Ủy ban nhân dân", regex.compile(r"(?i)ủy ban nhân dân")),
    ("Hội đồng nhân dân", regex.compile(r"(?i)hội đồng nhân dân")),
    ("Ban Chỉ đạo", regex.compile(r"(?i)ban chỉ đạo")),
]
_HEAD_WORD_RE = regex.compile(
    r"(?:sở|cục|chi cục|tổng cục|bộ|vụ|viện|ban|phòng|văn phòng|thanh tra|kho bạc|đài|trường|bệnh viện|trung tâm)"
    r"\s+(?!tỉnh|thành phố|huyện|xã|phường|quận|thị)"
)
_BLOCK_END_RE = regex.compile(r"(?i)CỘNG\s+HÒA|CỘNG\s+HOÀ|ĐỘC\s+LẬP|-{3,}|_{3,}")
_NUMBER_LINE_RE = regex.compile(r"Số\s*:")
_CELL_SPLIT_RE = regex.compile(r"\t+|[ ]{3,}|\s*\|\s*")
_CP_RE = regex.compile(r"\d+/CP")
_PLACE_UNIT_RE = regex.compile(r"(?:Thành phố|TP\.?|Tỉnh)\s+$")
_HAS_UNIT_RE = regex.compile(r"(?i)tỉnh|thành phố|huyện|xã(?!\s+hội)|phường")
_STEERING_RE = regex.compile(r"(?i)ban chỉ đạo")
_CRIME_RE = regex.compile(r"(?i)138|phòng,?\s+chống\s+tội\s+phạm")
_NATIONAL_RE = regex.compile(r"(?i)138\s*/\s*CP|Chính phủ")
_BARE_PROVINCE_RE = regex.compile(r"(?i)(?<!\w)tỉnh$")
_BARE_UNIT_THEN_WORD_RE = regex.compile(r"(?<!\w)(?:tỉnh|[Tt]hành\s+phố)(?=\s+\p{Ll})")
# `Ủy ban nhân dân Thành phố` in a Hà Nội text: a centrally governed city names itself without its name
_BARE_CITY_RE = regex.compile(r"(?<!\w)(?i:thành)\s+phố$")
# the head of a body signs for it: `Bộ trưởng Bộ Tài chính`, `Chủ tịch Ủy ban nhân dân tỉnh X` stand for the body
_POST_RE = regex.compile(
    r"^(?:(?:Bộ\s+trưởng|Chủ\s+nhiệm|Chủ\s+tịch|Thống\s+đốc|Tổng\s+cục\s+trưởng|Cục\s+trưởng|Giám\s+đốc|"
    r"Chánh\s+án|Viện\s+trưởng|Tổng\s+Kiểm\s+toán(?:\s+nhà\s+nước)?|Tổng\s+Giám\s+đốc|Trưởng\s+ban)"
    r"(?:\s*,\s*|\s+)){1,2}(?=(?:Bộ|Ủy|Uỷ|UBND|Văn|Ngân|Ban|Sở|Cục|Tổng|Tòa|Toà|Viện|Kiểm|Hội|Kho|Bảo|Trung)\s)"
)
_SIGNED_RE = regex.compile(r"(?i)\(?(?:đã ký|ký|daky)")
_COMMUNE_RE = regex.compile(r"(?<!\w)((?:xã(?!\s+(?i:hội))|phường|thị trấn|đặc khu)\s+\p{Lu}.*)$")
_DISTRICT_RE = regex.compile(r"(?<!\w)((?:huyện|quận|thị xã)\s+\p{Lu}.*)$")
_UNIT_RE = regex.compile(
    r"(?i)(?<!\w)(tỉnh|thành phố|huyện|quận|thị xã|xã(?!\s+hội)|phường|thị trấn|đặc khu)\s+(\p{Lu}[\p{L}\s-]*)$"
)


@cache
def provinces() -> tuple[str, ...]:
    """Province names, longest first (`Bà Rịa - Vũng Tàu` before `Vũng Tàu`), from the agencies gazetteer."""
    data = json.loads((_DATA / "agencies.json").read_text(encoding="utf-8"))["provinces"]
    names = {n for key in ("before_2025", "after_2025") for n in data[key]}
    return tuple(sorted(names, key=len, reverse=True))


@cache
def _central_names() -> dict[str, str]:
    """Folded name or alias → canonical name of the central bodies in the agencies gazetteer."""
    central = json.loads((_DATA / "agencies.json").read_text(encoding="utf-8"))["central"]
    return {codes.fold(alias): body["name"] for body in central for alias in [body["name"], *body.get("aliases", [])]}


@cache
def _central_body_re() -> regex.Pattern:
    """A central body's full name (after its head's post), so a name with `và` or a comma inside is read whole."""
    central = json.loads((_DATA / "agencies.json").read_text(encoding="utf-8"))["central"]
    spellings = {n for body in central for n in [body["name"], *body.get("aliases", [])] if len(n) > 4}
    names = sorted(spellings, key=len, reverse=True)
    alt = "|".join(r"\s+".join(_TONE_SPELLING_RE.sub(_both_tone_spellings, w) for w in n.split()) for n in names)
    return regex.compile(rf"(?i)(?:{_POST_RE.pattern[1:]})?(?P<body>{alt})(?!\w)", regex.V0)


_TONE_SPELLING_RE = regex.compile(r"(?i)o[áàảãạ]|[óòỏõọ]a|u[ýỳỷỹỵ]|[úùủũụ]y|\w")
_TONE_MOVES = {"o": "a", "u": "y"}


def _both_tone_spellings(m: regex.Match) -> str:
    """The old and new places of a tone mark (`hoá`/`hóa`, `Uỷ`/`Ủy`) are the same word in names."""
    pair = m.group()
    if len(pair) == 1:
        return regex.escape(pair)
    bare = unicodedata.normalize("NFD", pair)
    tone = next(c for c in bare if unicodedata.category(c) == "Mn" and c not in "\u0302\u0306\u031b")
    base = "".join(c for c in bare if c != tone)
    first = unicodedata.normalize("NFC", base[0] + tone + base[1:])
    second = unicodedata.normalize("NFC", base[:-1] + base[-1] + tone)
    return f"(?:{first}|{second})"


def central_body_at(text: str, pos: int) -> tuple[str, int] | None:
    """The canonical central body named at `pos` (`Bộ trưởng Bộ Khoa học và Công nghệ`) and where its name ends."""
    m = _central_body_re().match(text, pos)
    return (_central_names()[codes.fold(" ".join(m.group("body").split()))], m.end()) if m else None


@cache
def _province_re() -> regex.Pattern:
    return regex.compile(rf"(?i)(?<!\w)(?P<unit>tỉnh|thành\s+phố|TP\.?)\s+(?P<name>{_province_alt()})(?!\w)")


def _province_alt() -> str:
    return "|".join(r"\s+".join(_TONE_SPELLING_RE.sub(_both_tone_spellings, w) for w in p.split()) for p in provinces())


@cache
def _province_names_re() -> regex.Pattern:
    return regex.compile(rf"(?i)(?<!\w)(?:{_province_alt()})(?!\w)")


def _canonical_province(written: str) -> str:
    key = codes.fold(" ".join(written.split()))
    return next(p for p in provinces() if codes.fold(p) == key)


def _province_of(text: str) -> str | None:
    """The province named in `text` (`tỉnh Lạng Sơn` → `Lạng Sơn`), with its canonical spelling."""
    m = _province_re().search(text)
    return _canonical_province(m.group("name")) if m else None


def _clean(text: str) -> str:
    return " ".join(_MARKUP_RE.sub(" ", text).split()).strip(" ,.:;-")


def _title_case_place(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in words.split())


def canonical_issuer(name: str | None, province: str | None = None) -> str | None:
    """`UBND TỈNH QUẢNG NGÃI` → `Ủy ban nhân dân tỉnh Quảng Ngãi`; a crime-prevention steering committee goes by
    its short form (`Ban Chỉ đạo 138/CP`, `Ban Chỉ đạo 138 tỉnh Lạng Sơn`) whatever long name the text uses."""
    if not name:
        return None
    name = _clean(name)
    if name.isupper():
        name = _known_spelling(_from_upper(name))
    for pattern, full in _ABBREVIATIONS:
        name = pattern.sub(full, name)
    for proper, pattern in _ORG_CASE:
        name = pattern.sub(proper, name)
    name = _POST_RE.sub("", name)
    name = _central_names().get(codes.fold(name), name)
    if m := _province_re().search(name):  # one spelling per province (`Thanh Hoá` → `Thanh Hóa`)
        name = name[: m.start("name")] + _canonical_province(m.group("name")) + name[m.end("name") :]
    place = _province_of(name)
    if end := _place_end(name):  # what follows the body's place is the citing text (`… tỉnh Bình Phước Cho phép`)
        name = name[:end]
    if _STEERING_RE.match(name) and _CRIME_RE.search(name):
        return _crime_committee(name, place or province)
    if province and not place and _BARE_PROVINCE_RE.search(name):
        name = f"{name} {province}"
    elif province in _cities() and not place and _BARE_CITY_RE.search(name):
        name = f"{name[: _BARE_CITY_RE.search(name).start()]}thành phố {province}"
    return name


@cache
def _spellings() -> tuple[tuple[str, str], ...]:
    """(folded, written) names of the gazetteer's bodies, longest first."""
    data = json.loads((_DATA / "agencies.json").read_text(encoding="utf-8"))
    names = {b["name"] for b in data["central"]} | {b["stem"] for b in data["local"]}
    return tuple(sorted(((codes.fold(n), n) for n in names), key=lambda p: len(p[0]), reverse=True))


def _known_spelling(name: str) -> str:
    """A body's name lowered from capitals keeps the capitals of its known spelling (`Sở Giáo dục và Đào tạo`),
    which the word-by-word lowering cannot know; its place after the name is left as it is."""
    key = codes.fold(name)
    for folded, written in _spellings():
        if key.startswith(folded) and key[len(folded) : len(folded) + 1] in ("", " "):
            return written + name[len(written) :]
    return name


def _place_end(name: str) -> int | None:
    """Where a local body's name ends: after its province's name, or after a bare `tỉnh`/`Thành phố` that a
    lower-case word follows."""
    if m := _province_re().search(name):
        return m.end()
    m = _BARE_UNIT_THEN_WORD_RE.search(name)
    return m.end() if m else None


def _crime_committee(name: str, province: str | None) -> str:
    """The short form of a crime-prevention steering committee at its level: `Ban Chỉ đạo 138 huyện Đình Lập`."""
    if _NATIONAL_RE.search(name):
        return "Ban Chỉ đạo 138/CP"
    if local := _COMMUNE_RE.search(name) or _DISTRICT_RE.search(name):
        return f"Ban Chỉ đạo 138 {local.group(1)}"
    return f"Ban Chỉ đạo 138 {province_qualifier(province)}" if province else "Ban Chỉ đạo 138"


def province_qualifier(province: str) -> str:
    """`tỉnh Lạng Sơn`, but `thành phố Hà Nội` for the centrally governed cities."""
    return f"{'thành phố' if province in _cities() else 'tỉnh'} {province}"


@cache
def _cities() -> frozenset[str]:
    return frozenset(json.loads((_DATA / "agencies.json").read_text(encoding="utf-8"))["provinces"]["cities"])


def _from_upper(name: str) -> str:
    """An upper-case header line in the usual case: `SỞ TƯ PHÁP` → `Sở Tư pháp`, place names capitalized."""
    lower = name.lower()
    if m := _UNIT_RE.search(lower):
        lower = lower[: m.start(2)] + _title_case_place(m.group(2))
    if m := _HEAD_WORD_RE.match(lower):  # the body's own name starts with a capital
        lower = lower[: m.end()] + lower[m.end() : m.end() + 1].upper() + lower[m.end() + 1 :]
    return lower[:1].upper() + lower[1:]


def _site_block(text: str) -> tuple[dict[str, str], int]:
    """A legal website's metadata fields (`Số hiệu`, `Ngày ban hành` …) and where the block ends."""
    fields, end = {}, 0
    for m in _SITE_FIELD_RE.finditer(text, 0, min(len(text), 4000)):
        value = _clean(m.group("value"))
        if value and m.group("key") not in fields:
            fields[m.group("key")] = value
            end = m.end()
    return (fields, end) if len(fields) >= 3 else ({}, 0)


def _header(text: str) -> dict:
    """Where the header's parts are: number, place/date, type line, title; all within the first screen."""
    site, lo = _site_block(text)
    hi = min(len(text), lo + _HEAD_WINDOW)
    type_m = _TYPE_LINE_RE.search(text, lo, hi)
    limit = type_m.start() if type_m else hi
    number = None
    for m in _NUMBER_RE.finditer(text, lo, limit):
        if (code := codes.parse(m.group("code"))) and m.group("code").find(code.number) < 8:
            number = (code.code, m.start(), m.end())
            break
    place_m = next((m for m in _PLACE_DATE_RE.finditer(text, lo, limit) if _is_place(m)), None)
    anchor = max(number[2] if number else 0, place_m.end() if place_m else 0)
    if type_m and anchor and type_m.start() > anchor + 1500:  # far below the header: page furniture
        type_m = None
    title, title_end = _title(text, type_m) if type_m else (None, 0)
    subject = None if type_m else _SUBJECT_RE.search(text, lo, hi)
    if not type_m and not subject and number:  # or a subject line `Về …` right under the number
        subject = _ABOUT_RE.match(text, number[2])
    if subject:  # a Công văn has no type line: its subject line `V/v …` is the title
        title, title_end = _clean(subject.group("title")), subject.end()
    return {
        "site": site,
        "lo": lo,
        "type": type_m,
        "subject": subject,
        "number": number,
        "place": place_m,
        "title": title,
        "end": max(title_end, place_m.end() if place_m else 0, number[2] if number else 0),
    }


def _caps(line: str) -> bool:
    """Upper case, not counting numbers such as `06/QĐ-TTg` that keep their lower-case letters."""
    words = [w for w in line.split() if not _DIGIT_RE.search(w)]
    return not any(w != w.upper() for w in words)


def _title(text: str, type_m: regex.Match) -> tuple[str | None, int]:
    """The lines under the type line up to a blank line or the first line of the body."""
    lines, pos, end = [], type_m.end(), type_m.end()
    for raw in text[pos : pos + 3000].split("\n"):
        line = _clean(raw)
        pos_next = pos + len(raw) + 1
        if not line:
            if lines:
                break
        elif (_STOP_LINE_RE if lines else _FIRST_LINE_STOP_RE).match(line) or (
            lines and _AUTHORITY_LINE_RE.match(line)
        ):
            break
        elif (run_on := _RUN_ON_BODY_RE.search(line)) and line[: run_on.start()].isupper():
            # the authority line or the body's first line joined onto an upper-case title
            lines.append(line[: run_on.start()])
            end = pos + raw.find(line[: run_on.start()]) + run_on.start()
            break
        elif len(line) > 400 and not line.isupper():  # a paragraph of the body, not a title
            break
        elif lines and all(map(_caps, lines)) and not _caps(line):
            break  # an upper-case title ends where sentence case starts (a consolidated text lists its sources)
        else:
            lines.append(line)
            end = pos + len(raw)
        pos = pos_next
    title = " ".join(lines)
    if title.lower().startswith("v/v"):
        title = title[3:].strip(" :.")
    if title.isupper():  # sentence case, but numbers such as `06/QĐ-TTg` keep their letters
        title = _WORD_RE.sub(lambda m: m.group() if _KEEP_CASE_RE.search(m.group()) else m.group().lower(), title)
        title = _body_casing(title, text[end : end + 60000])
        title = title[:1].upper() + title[1:]
        title = _province_names_re().sub(lambda m: _canonical_province(m.group()), title)
    return (title or None), end


def _body_casing(title: str, body: str) -> str:
    """An upper-case title lowered word by word takes back the capitals the body gives its words next to the same
    neighbour (`phó thủ tướng bùi thanh sơn` → `Phó Thủ tướng Bùi Thanh Sơn`, `luật việc làm` → `Luật Việc làm`).
    The word before is asked first; the word after counts only after a lower-case word or a comma, so a capital
    inside another name (`Luật Bầu cử`) or at a sentence's start is no evidence."""
    words = title.split(" ")
    pairs = _word_pairs(body, words)
    for i in range(1, len(words)):
        if _KEEP_CASE_RE.search(words[i]) or not words[i][:1].isalpha():
            continue
        near = [(words[i - 1], words[i], 2, r"(?<!\w)")]
        if i + 1 < len(words):
            near.append((words[i], words[i + 1], 1, _AFTER_LOWER))
        for first, second, group, before in near:
            seen = _seen_beside(first, second, group, before, body, pairs)
            if seen:
                if sum(w.isupper() and len(w) > 1 for w in seen) * 2 > len(seen):
                    words[i] = words[i].upper()  # an abbreviation: `UBND`, `HĐND`
                elif sum(w[:1].isupper() for w in seen) * 2 > len(seen):
                    words[i] = words[i][:1].upper() + words[i][1:]
                break
    return " ".join(words)


_AFTER_LOWER = r"(?<=(?:(?<!\w)\p{Ll}+|[\d,])[ \t]+)"
_AFTER_LOWER_RE = regex.compile(_AFTER_LOWER)
_PLAIN_WORD_RE = regex.compile(r"\w+")


def _word_pairs(body: str, words: list[str]) -> dict[tuple[str, str], list[tuple[int, str, str]]]:
    """Neighbouring pairs of the title's words in the body, by their lower-case form, as (start, first, second):
    one scan per title rather than one per pair (the second word sits in a look-ahead, so pairs overlap).
    The scan runs over the lower-cased body, much faster than a case-blind pattern, where lowering keeps lengths."""
    plain = sorted({w.lower() for w in words if _PLAIN_WORD_RE.fullmatch(w)}, key=len, reverse=True)
    pairs: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
    if not plain:
        return pairs
    alt = "|".join(regex.escape(w) for w in plain)
    lowered = body.lower()
    flags, haystack = (0, lowered) if len(lowered) == len(body) else (regex.IGNORECASE, body)
    for m in regex.finditer(rf"(?<!\w)({alt})(?=[ \t\n,]+({alt})(?!\w))(?!\w)", haystack, flags):
        first, second = body[m.start(1) : m.end(1)], body[m.start(2) : m.end(2)]
        if not (first + second).isupper():
            pairs.setdefault((first.lower(), second.lower()), []).append((m.start(), first, second))
    return pairs


def _seen_beside(
    first: str, second: str, group: int, before: str, body: str,
    pairs: dict[tuple[str, str], list[tuple[int, str, str]]],
) -> list[str]:
    """How the body writes word `group` of the pair `first second`, where the condition `before` holds."""
    if not (_PLAIN_WORD_RE.fullmatch(first) and _PLAIN_WORD_RE.fullmatch(second)):
        pattern = rf"{before}(?i:({regex.escape(first)})[ \t\n,]+({regex.escape(second)}))(?!\w)"
        return [m.group(group) for m in regex.finditer(pattern, body) if not m.group().isupper()]
    found = pairs.get((first.lower(), second.lower()), [])
    if before == _AFTER_LOWER:
        found = [p for p in found if _AFTER_LOWER_RE.match(body, p[0])]
    return [p[group] for p in found]



def _issuer_from_header(text: str, lo: int, hi: int) -> str | None:
    """The top-left block: the lowest body in it is the issuer (`BỘ TÀI CHÍNH / CỤC THUẾ` → Cục Thuế).

    A PDF's layout puts both columns on one line (`ỦY BAN NHÂN DÂN      CỘNG HÒA …`): the left cell is ours.
    The block ends at its rule (`-------`), the national motto or the number line once it has begun.
    """
    units: list[list[str]] = []
    for raw in text[lo:hi].split("\n"):
        cell = _CELL_SPLIT_RE.split(raw.strip(" \t*|"), maxsplit=1)[0].strip()
        if _NUMBER_LINE_RE.match(cell) or (units and _BLOCK_END_RE.match(cell)):
            break
        if _BLOCK_END_RE.match(cell):
            continue
        if motto := _BLOCK_END_RE.search(cell):  # `THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA …` on one line
            cell = cell[: motto.start()]
        cell = _clean(cell)
        if not cell or not cell.isupper() and not _CP_RE.search(cell):
            continue
        if not units or (_ORG_HEAD_RE.match(cell) and units[-1][-1].split()[-1] not in _OPEN_WORDS):
            units.append([cell])
        else:
            units[-1].append(cell)
    if not units:
        return None
    issuer = canonical_issuer(" ".join(units[-1]))
    parent = _province_re().search(_from_upper(" ".join(units[0]))) if len(units) > 1 else None
    if issuer and parent and not _HAS_UNIT_RE.search(issuer):
        issuer = f"{issuer} {parent.group()}"  # `SỞ TƯ PHÁP` under `UBND TỈNH X` is Sở Tư pháp tỉnh X
    return issuer


def _issuer_from_body(text: str, lo: int) -> str | None:
    """A document whose header block is lost names its issuer under the title or in the preamble: the authority
    line (`ỦY BAN THƯỜNG VỤ QUỐC HỘI`), the enacting formula (`Chính phủ ban hành Nghị định …`) or a plan's
    `…, Ban Chỉ đạo … tỉnh X xây dựng kế hoạch`."""
    if (m := _AUTHORITY_AFTER_TITLE_RE.match(text, lo)) and _ORG_HEAD_RE.match(line := _clean(m.group("line"))):
        return _LEADING_POST_RE.sub("", line)
    m = _ENACTING_RE.search(text, lo, min(len(text), lo + 6000)) or _BODY_ISSUER_RE.search(
        text, lo, min(len(text), lo + 3000)
    )
    return _clean(m.group("org")) if m else None


def _is_place(m: regex.Match) -> bool:
    """Without the comma (`Hà Nội ngày 01`) only a known province passes: `Căn cứ Luật X ngày …` is no place."""
    return bool(m.group("comma")) or _clean(m.group("place").split("\n")[-1]) in provinces()


def _place_date(m: regex.Match | None) -> tuple[str | None, date | None]:
    if not m:
        return None, None
    lines = [_clean(line) for line in m.group("place").split("\n")]
    place = lines[-1]
    joined = " ".join(lines)
    for p in provinces():
        if joined.endswith(p) and len(p) > len(place):
            unit = _PLACE_UNIT_RE.search(joined[: -len(p)])
            place = unit.group() + p if unit else p
            break
    return place or None, _date_of(m) if m.group("y") else None


def _date_of(m: regex.Match) -> date | None:
    """The date of a `_DATE_WORDS` match; None for an impossible one (`31/02`)."""
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def _signer(text: str, lo: int, site_signer: str | None) -> str | None:
    """The name under the signature block's position lines; the website's `Người ký` where the body shows it."""
    if site_signer and text.find(site_signer, lo) >= 0:
        return site_signer
    lines = [_CELL_SPLIT_RE.split(line.strip(" \t|")) for line in text[lo:].split("\n")]
    for i, cells in enumerate(lines):
        if not any(_POSITION_RE.match(_clean(c)) for c in cells):
            continue
        for later in lines[i + 1 : i + 14]:
            line = _RANK_RE.sub("", _clean(later[-1]))  # the signature sits in the right column
            upper_name = " ".join(w.capitalize() for w in line.split())
            if _UPPER_NAME_RE.fullmatch(line) and upper_name.split()[0] in _SURNAMES and upper_name not in provinces():
                return upper_name
            if not line or line.isupper() or _SIGNED_RE.match(line):
                continue
            if _NAME_RE.fullmatch(line) and line.split()[0] not in _NOT_NAME_WORDS and "Việt Nam" not in line:
                return line
            if len(line) > 40:
                break
    return None


def _period(title: str | None, issued: date | None) -> tuple[int | None, int | None]:
    """Years the plan covers, from its title (`giai đoạn 2016 - 2020`, `năm 2024`, `đến năm 2030`)."""
    if not title:
        return None, None
    title = _CITED_RE.sub(" ", title)
    years = [(m.group("pre"), int(m.group(2)), m.end()) for m in _YEAR_RE.finditer(title)]
    plain = [y for pre, y, end in years if not pre and end >= len(title.rstrip()) - 1]
    if plain:
        return plain[-1], plain[-1]
    if m := _RANGE_RE.search(title):
        return int(m.group(1)), int(m.group(2))
    if any(not pre for pre, _, _ in years):
        y = next(y for pre, y, _ in years if not pre)
        return y, y
    if until := [y for pre, y, _ in years if pre and pre.strip().lower() == "đến"]:
        if issued and until[-1] < issued.year:
            return None, None  # the year ends a cited document's name (`… đến năm 2020` in a 2025 decision)
        return (issued.year if issued else None), until[-1]
    return None, None


def _level(issuer: str | None) -> tuple[str | None, str | None]:
    """The issuing body's level and, below the province, the district or commune it governs."""
    if not issuer:
        return None, None
    if m := _COMMUNE_RE.search(issuer):
        return "commune", m.group(1)
    if m := _DISTRICT_RE.search(issuer):
        return "district", m.group(1)
    # a local body names its place (`Cục Hải quan tỉnh X`); one that names none is national (`Cục Thuế`)
    return ("provincial" if _province_re().search(issuer) or _BARE_PROVINCE_RE.search(issuer) else "central"), None


def _doc_type(head: dict, number: str | None) -> str | None:
    """The type line's type; a letter (subject line `V/v …`) is a Công văn."""
    if head["subject"]:
        return "Công văn"
    if head["type"]:
        name = " ".join(head["type"].group("type").split())
        return next(n for n in _TYPE_NAMES if n.upper() == name)
    # no type line: the number's symbol names the type (`45/KH-UBND`)
    return _TYPE_OF_ABBR.get(codes.fold(codes.parse(number).type_abbr)) if number else None


def header_end(text: str) -> int:
    """Offset just after the header (number, place/date, type and title): the body starts there."""
    return _header(text)["end"]


def extract(doc: SegmentedDocument) -> DocumentMeta:
    text = doc.text
    head = _header(text)
    site, lo = head["site"], head["lo"]
    number = codes.canonical(head["number"][0], doc.normalized.source.ocr_used) if head["number"] else None
    place, issued = _place_date(head["place"])
    if issued is None and (adopted := _ADOPTED_RE.search(text)):
        issued = _date_of(adopted)
    # the issuing body sits above the number line, however far a website's summary pushes it down
    issuer = _issuer_from_header(
        text, lo, head["type"].start() if head["type"] else max(lo + 1500, head["number"][2] if head["number"] else 0)
    )
    if not issuer:
        issuer = canonical_issuer(_issuer_from_body(text, head["end"]))
    province = None
    level, locality = _level(issuer)
    if level != "central":
        province = _province_of(issuer or "") or (place if place in provinces() else None)
        if province is None and level in ("district", "commune"):
            counts = Counter(filter(None, (_province_of(m.group()) for m in _province_re().finditer(text))))
            province = counts.most_common(1)[0][0] if counts else None
        issuer = canonical_issuer(issuer, province)
        level, locality = _level(issuer)
    title = head["title"]
    period = _period(title, issued)
    return DocumentMeta(
        doc_number=number,
        doc_type=_doc_type(head, number),
        title=title,
        issuer=issuer,
        place=place,
        issued_date=issued,
        province=province,
        signer=_signer(text, head["end"], site.get("Người ký")),
        period_start=period[0],
        period_end=period[1],
        issuer_level=level,
        locality=locality,
    )
