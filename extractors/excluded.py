"""Where a plan's numbers and dates are not its own commitments.

A date or a `giai đoạn 2011 - 2015` inside a citation (`Quyết định số 1427/QĐ-TTg ngày 18/8/2011
... về phê duyệt Chương trình ... giai đoạn 2011 - 2015`) belongs to the cited document; one in a
title line or the front matter is metadata; one in the `Nơi nhận` list or signature block is
nothing.  Targets and deadlines both ask this module before emitting a row, so the two agree.

The citation recogniser is deliberately light (type word, number, date, issuer, the title after
`về`/`phê duyệt`...): it only has to know where citations are, not what they say.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable

import regex

from extractors import references
from models.records import DocumentMeta, SegmentedDocument

_DOC_TYPES = (
    r"Quyết\s+định|Kế\s+hoạch|Chỉ\s+thị|Nghị\s+quyết|Nghị\s+định(?:\s+thư)?|Thông\s+tư(?:\s+liên\s+tịch)?|"
    r"Công\s+văn|Văn\s+bản|Bộ\s+luật|Luật|Pháp\s+lệnh|Hiệp\s+định|Công\s+ước|Kiến\s+nghị|Tờ\s+trình|"
    r"Thông\s+báo|Thông\s+tri|Kết\s+luận|Hướng\s+dẫn|Quy\s+chế|Quy\s+định|Báo\s+cáo|Hiến\s+pháp|Sắc\s+lệnh|Đề\s+án|"
    r"Chương\s+trình|Điều\s+lệ|QĐ|CT|NQ|NĐ|TT"
)
_DATE = (
    r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
)
# `Quyết định số 1427/QĐ-TTg`, `kế hoạch số 135/KH-BCĐ`, `QĐ 1427/QĐ-TTg`, `Nghị quyết số 21-NQ/TW`
# (the code is found first and its type word looked for just before it: a pattern that opens with the type words
# tries them at every position of the text)
_CODE = regex.compile(
    r"(?<![\d./])\d+[\d./]*\s*[-/]\s*(?=[\p{L}\d&./()\s-]*\p{L})[\p{L}\d][\p{L}\d&./()]*(?:\s*-\s*[\p{L}\d][\p{L}\d&./()]*)*"
)
_TYPE_BEFORE = regex.compile(rf"\b(?i:{_DOC_TYPES})(?:(?:\s+[\p{{L}}]+){{0,6}}?\s+số\s*:?\s*|\s+)$")
_TYPE_REACH = 100
_DATED = rf"(?:\s*,?\s*(?:(?:được\s+\S+(?:\s+\S+){{0,4}}?\s+)?(?:ban\s+hành\s+|thông\s+qua\s+)?ngày\s+{_DATE}))?"
# (`Quyết định 2530/QĐ-TTg năm 2025 phê duyệt ...`: the year alone stands for the date)
_AFTER_NUMBER = regex.compile(
    r"(?:\s+năm\s+\d{4})?" + _DATED
    + r"(?:\s*,?\s*của\s+(?:(?!về\b|V/v\b|phê\s+duyệt\b|ban\s+hành\b|quy\s+định\b|hướng\s+dẫn\b"
    r"|và\s+(?!\p{Lu})|ngày\s+\d)(?:[^;,.()“”\"\n|]|\n(?=\s*\p{Ll})))+)?" + _DATED
)
# what a title may start with once number, date and issuer are read
_TITLE_START = regex.compile(
    r"\s*,?\s*(?:về|V/v|phê\s+duyệt|ban\s+hành|quy\s+định|hướng\s+dẫn|sửa\s+đổi|triển\s+khai|thực\s+hiện|tổ\s+chức)\b",
    regex.IGNORECASE,
)
# a time commitment of the citing plan that follows the citation in the same clause
_TIME_CUE = (
    r"\s(?=(?:ngay\s+)?sau\s+khi\b|kể\s+từ\b|trước\s+ngày\b|chậm\s+nhất\b|định\s+kỳ\b"
    r"|(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần)\b|trong\s+thời\s+(?:gian|hạn)\b)"
)
# the citing plan's own commitment after a title and a comma (`... về xây dựng “xã không ma túy” giai đoạn 2025 -
# 2030, phấn đấu đạt 20% ...`): titles name a subject, they do not strive or ensure
_OWN_WORDS = r",\s*(?=(?:phấn\s+đấu|bảo\s+đảm|đảm\s+bảo|nhằm|góp\s+phần)\b)"
# where a title stops: a clause break, a parenthesis, a table cell's edge, a new list item or sentence, the plan's
# own time cue or commitment
_TITLE_END = regex.compile(
    r";|\(|:|\||\n\s*\n|\n(?=\s*(?:[-+•*]|\d+[.)]|[a-zđ]\)|[IVX]+\.))|\.(?=\s+\p{Lu}|\s*$)|" + _OWN_WORDS + "|"
    + _TIME_CUE
)
# `Luật Phòng, chống mua bán người`, `Kế hoạch phối hợp thực hiện Hiệp định ... thông qua ngày 26/4/2016`
_NAMED = regex.compile(
    r"\b(?:Bộ\s+luật|Luật|Pháp\s+lệnh|Hiệp\s+định|Công\s+ước|Nghị\s+định\s+thư|Hiến\s+pháp|Kế\s+hoạch|Quyết\s+định|"
    r"Nghị\s+quyết|Chỉ\s+thị)\s+"
    r"(?!này\b|số\b|\d|giai\s+đoạn\b|năm\b|và\b|của\b|trên\b|được\b|thi\s+hành\b|có\b|đã\b|phải\b|sẽ\b|đề\s+ra\b)"
    r"(?=[\p{L}“\"])"
)
# (`giai đoạn 2026 - 2030, tầm nhìn đến năm 2045` is one name, comma and all)
_NAMED_END = regex.compile(
    r";|\(|\)|:|\||\n(?=\s*(?:[^\p{Ll}\d\s]|\d+[.)]\s))|\.(?=\s|$)"
    r"|,(?!\s*(?:chống|bổ\s+sung|tầm\s+nhìn|định\s+hướng)\b)|" + _TIME_CUE
)
_LAW_TAIL = regex.compile(
    rf"\s*(?:\(?\s*(?:năm\s+)?\d{{4}}\s*\)?)?\s*,?\s*(?:(?:được\s+[^;.\n]{{0,60}}?|có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ)"
    rf"\s+ngày\s+{_DATE}|ngày\s+{_DATE})?"
)
# a plan that the document itself issues, approves or builds is not a citation of another document
_SELF = regex.compile(
    r"(?:ban\s+hành|phê\s+duyệt|xây\s+dựng|kèm\s+theo|này)\s+(?:\S+\s+){0,4}[“\"]?$", regex.IGNORECASE
)
_MAX_TITLE = 400
_MAX_NAMED = 220


def _clause_end(text: str, start: int, limit: int, stop: regex.Pattern) -> int:
    m = stop.search(text, start, min(len(text), start + limit))
    return m.start() if m else min(len(text), start + limit)


def citation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of document citations, each with its date, issuer and title."""
    spans: list[tuple[int, int]] = []
    last = 0
    for m in _CODE.finditer(text):
        head = _TYPE_BEFORE.search(text, max(last, m.start() - _TYPE_REACH), m.start())
        if head is None:
            continue
        end = last = m.end()
        tail = _AFTER_NUMBER.match(text, end)
        end = tail.end() if tail else end
        if _TITLE_START.match(text, end):
            end = _clause_end(text, end, _MAX_TITLE, _TITLE_END)
        spans.append((head.start(), end))
    for m in _NAMED.finditer(text):
        if _SELF.search(text[max(0, m.start() - 50):m.start()]):
            continue
        end = _clause_end(text, m.end(), _MAX_NAMED, _NAMED_END)
        tail = _LAW_TAIL.match(text, end)
        if tail and tail.end() > end:
            end = tail.end()
        spans.append((m.start(), end))
    return spans


# `Quy hoạch ... giai đoạn 2021 - 2030, tầm nhìn đến năm 2050 được phê duyệt tại Quyết định số 224/QĐ-TTg`: the
# span names a document the citation approves, even where its type word (`Quy hoạch`, `Chiến lược`) is not a citation's
_APPROVED_SPAN = regex.compile(
    r"(?:(?:giai\s+đoạn|thời\s+kỳ)\s+\d{4}\s*[-–]\s*\d{4}|(?:đến|tới)\s+năm\s+\d{4})"
    r"(?:\s*,\s*(?:tầm\s+nhìn|định\s+hướng)\s+(?:đến|tới)\s+năm\s+\d{4})*"
    r"(?=\s*,?\s*(?:đã\s+)?được\s+(?:[^\s,;.]+\s+){0,5}?(?:phê\s+duyệt|ban\s+hành)\s+(?:tại|theo|kèm\s+theo)\s)",
    regex.IGNORECASE,
)


def approved_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _APPROVED_SPAN.finditer(text)]


# a line in capitals with no heading label (`II. THỜI GIAN THỰC HIỆN` is a heading)
_CAPS_LINE = regex.compile(
    r"(?m)^(?![ \t*#]*(?:[IVX]+|\d+(?:\.\d+)*|[A-Z]|PHẦN\s+\S+)[.):]\s)[^\p{Ll}\n]*\p{Lu}[^\p{Ll}\n]*$"
)
_TITLE_CAPITALS = 12


def title_line_spans(text: str) -> list[tuple[int, int]]:
    """Lines written in capitals: titles and headings, whose years and dates are metadata.  A title has
    at least 12 capitals; the short line a long title wraps onto (`LA GIAI ĐOẠN 2026 - 2030`) goes with it."""
    spans: list[tuple[int, int]] = []
    for m in _CAPS_LINE.finditer(text):
        if (spans and spans[-1][1] + 1 == m.start()) or sum(c.isupper() for c in m.group()) >= _TITLE_CAPITALS:
            spans.append((m.start(), m.end()))
    return spans


# a `Căn cứ ...;` clause of the preamble only names the documents the plan rests on (not `Căn cứ nội dung Kế
# hoạch này và tình hình thực tiễn, các bộ ... báo cáo hằng năm`, the body's instruction)
_BASIS = regex.compile(
    rf"(?m)^[\W_]*Căn\s+cứ\s+(?:vào\s+)?(?:các\s+|những\s+)?(?i:{_DOC_TYPES})\b(?!\s+này\b)"
    r"(?:[^;\n]|\n(?!\s*\n|[\W_]*(?:Điều\s+\d|Xét\b|Theo\b|Căn\s+cứ|QUYẾT|[IVX]+\.|\d+\.)))*"
)


def basis_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _BASIS.finditer(text)]


# the title: the lines under the type line (`KẾ HOẠCH`, not the `QUYẾT ĐỊNH:` before Điều 1), up to a
# blank line or a preamble line, at most four; needed where the segmenter did not see the front matter
_TITLE_BLOCK = regex.compile(
    r"(?m)^[ \t*#]*(?:KẾ\s+HOẠCH|QUYẾT\s+ĐỊNH|CHỈ\s+THỊ|NGHỊ\s+QUYẾT|CHƯƠNG\s+TRÌNH|ĐỀ\s+ÁN)[ \t*]*\n\s*"
    r"(?P<title>[^\n]+(?:\n(?![ \t*]*\n|[ \t*]*(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Xét|Theo|Để|Nhằm|Phần|Điều\s+\d"
    r"|[IVX]+\.|\d+\.|\p{Lu}[\p{L} .]{1,40},\s*ngày)\b)[^\n]+){0,3})"
)


def title_block_spans(text: str) -> list[tuple[int, int]]:
    return [m.span("title") for m in _TITLE_BLOCK.finditer(text)]


# the place and date line under the header (`Nghệ An, ngày 18 tháng 11 năm 2025`) is metadata wherever it sits
_PLACE_DATE_LINE = regex.compile(r"(?m)^[\W_]*\p{Lu}[\p{L} .]{1,40},\s*ngày\s+\d{1,2}[^\n]{0,30}\d{4}[\W_]*$")


def place_date_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PLACE_DATE_LINE.finditer(text)]


class Exclusions:
    """Answers "is this offset somewhere a commitment cannot be?" for one document."""

    def __init__(self, doc: SegmentedDocument, extra: Iterable[tuple[int, int]] = ()) -> None:
        self._doc = doc
        text = doc.text
        spans = sorted([*citation_spans(text), *basis_spans(text), *title_line_spans(text), *title_block_spans(text),
                        *place_date_spans(text), *approved_spans(text), *extra])
        self._starts = [a for a, _ in spans]
        self._spans = spans
        # running maximum of ends, so a lookup needs only the spans starting at or before the offset
        self._max_end: list[int] = []
        best = -1
        for _, b in spans:
            best = max(best, b)
            self._max_end.append(best)

    def in_citation_or_title(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self._max_end[i] > offset

    def excluded(self, offset: int) -> bool:
        doc = self._doc
        return doc.in_front_matter(offset) or doc.in_closing(offset) or self.in_citation_or_title(offset)


# where a citation found by the references extractor stops holding the citing plan's words
_CITATION_STOP = regex.compile(_TIME_CUE + "|" + _OWN_WORDS + r"|\s*\|")


@functools.lru_cache(maxsize=2)
def for_document(doc: SegmentedDocument, meta: DocumentMeta) -> Exclusions:
    """The document's exclusions, with the citations the references extractor found added to this
    module's own: a citation either of them recognises holds no commitment of the plan.  Their
    spans stop before a time cue of the citing plan (`..., Công an tỉnh báo cáo trước ngày 15/12`) and at
    a table cell's edge (the next cell is the task's time or product).  Cached because the targets and
    deadlines extractors both ask for it for the same document."""
    spans = []
    for ref in references.extract(doc, meta):
        cue = _CITATION_STOP.search(doc.text, ref.char_start, ref.char_end)
        spans.append((ref.char_start, cue.start() if cue else ref.char_end))
    return Exclusions(doc, spans)
