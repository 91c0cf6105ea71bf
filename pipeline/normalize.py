"""The normalize stage: clean the ingested text into the text every later offset points into.

Sources reach us as plain text, website Markdown, PDF text layers, Word exports and OCR. The
segmenter and the extractors want one shape: no Markdown emphasis or heading markers, no
indentation, no trailing spaces, the website's two-column header as plain lines, run-in headings
on their own line, and sentences split by a page break joined back. The text is also what
researchers read in `documents.text`, so every rule is conservative: it removes markup, it
never rewrites words. Body tables stay Markdown tables (the extractors read them cell by cell),
and tables the legal website exploded into one line per cell are put back one row per line.

Each pass returns a list of edits; `TextEdits` applies them and keeps an offset map, so the
source's `page_starts` land on the same characters in the normalized text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

import regex

from models.records import NormalizedDocument, SourceDocument
from pipeline.headings import LIST_KINDS, read_markers
from pipeline.normalize_tables import exploded_table_edits
from pipeline.segment_regions import bare, ends_sentence, hard_wrapped, signature_title, split_lines

Edit = tuple[int, int, str]

_INDENT = regex.compile(r"^[ \t]+")
_TRAILING = regex.compile(r"[ \t]+$")
_MD_HEADING = regex.compile(r"^#{1,6}(?:[ \t]+|(?=\*))")
_EMPHASIS = regex.compile(r"(?<!\()\*{1,3}(?!\))")
#: a line at least this long that stops mid-sentence was wrapped, whatever case the next line starts in
_WRAP_WIDTH = 60
_STAR_RUN = regex.compile(r"(?<!\()\*+(?!\))")
# a list bullet `* item` is not emphasis; keep its star so the line still reads as an item
_STAR_BULLET = regex.compile(r"^\*[ \t]+(?=\S)")
# A bold heading run into the line before: `... TRỌNG TÂM**1. Công tác**`. The opening `**`
# follows a non-space character and is followed by a heading label.
_RUN_IN = regex.compile(
    r"(?<=\S)\*{2,3}(?=(?:[IVXLC]{1,6}\.|\d{1,2}(?:\.\d{1,2}){0,3}\.?|[a-zđ]\)|Điều\s+\d+\.?|Phần\s+\S+)\s+\p{Lu})"
)
_TABLE_RULE = regex.compile(r":?-{3,}:?")
# lines that end the website header region: the document's type line or the first body line
_HEADER_END = regex.compile(
    r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|NGHỊ QUYẾT|THÔNG TƯ|NGHỊ ĐỊNH|THÔNG BÁO|BÁO CÁO|TỜ TRÌNH|CÔNG VĂN|"
    r"QUY CHẾ|QUY ĐỊNH|HƯỚNG DẪN|CHƯƠNG TRÌNH|ĐỀ ÁN|LUẬT|PHƯƠNG ÁN|Căn cứ|Thực hiện|Kính gửi)\b"
)
_HEADER_MARKERS = regex.compile(r"Số:|CỘNG HÒA|Độc lập|ngày\s+\d{1,2}\s+tháng|^-{3,}")
# a page break inside a sentence: text that does not end a sentence, blank line(s), lower-case text
_PAGE_BREAK = regex.compile(r"(?<=[^\s.:;!?*|])[ \t]*\n(?:[ \t]*\n)+[ \t]*(?=\p{Ll})")
_LETTER_ITEM = regex.compile(r"[a-zđ][.)/]\s")
# a line that opens a clause of its own: the preamble's `Căn cứ`/`Thực hiện`, the enacting `QUYẾT ĐỊNH:`, an article
_CLAUSE_START = regex.compile(
    r"(?:Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị|Triển khai thực hiện)\b"
    r"|(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|CHỈ THỊ)[ \t]*:|Điều[ \t]+\d{1,3}[ \t]*[.:]"
)
# a line that is one emphasis span from end to end: a type line, an authority line, a bold heading
_WHOLE_SPAN = regex.compile(r"[ \t]*(\*{1,3})[^*]+\1[ \t]*")
# a dash at the start of a wrapped line that joins two words or numbers (`kinh tế` / `- xã hội`, `05` / `- 06%`)
_INNER_DASH = regex.compile(r"[-–][ \t]*(?=\p{Ll}|\d)")
# a line that stops on a word (or a comma) that cannot end a heading or a sentence (`5. Xây dựng Nghị định của` /
# `Chính phủ`)
_DANGLING = regex.compile(
    r"(?<!\S)(?:của|và|với|các|cho|tại|về|trong|theo|để|được|những|từ|đến|giữa|hoặc|bởi|thuộc|gồm|nhằm|vào|bằng)$"
)
# a heading whose text ends with a number or a bracket (`3. Tầm nhìn đến năm 2045`) does not run on
_CLOSED_HEADING = regex.compile(r"[\d)”\"]")


class TextEdits:
    """Apply edits to a text and map old offsets to new ones.

    Edits must not overlap; one that overlaps an earlier edit is dropped, so a pass that
    misjudges a line leaves the text as it was rather than garbling it.
    """

    def __init__(self, text: str, edits: Iterable[Edit]) -> None:
        self._edits: list[Edit] = []
        pos = 0
        for start, end, repl in sorted(e for e in edits if e[1] > e[0] or e[2]):
            if start >= pos:
                self._edits.append((start, min(end, len(text)), repl))
                pos = end
        parts: list[str] = []
        self._old: list[int] = []
        self._new: list[int] = []
        pos = out = 0
        for start, end, repl in self._edits:
            parts.append(text[pos:start])
            out += start - pos
            self._old.append(start)
            self._new.append(out)
            parts.append(repl)
            out += len(repl)
            pos = end
        parts.append(text[pos:])
        self.text = "".join(parts)

    def map(self, offset: int) -> int:
        """New offset of old `offset`; an offset inside a replaced span goes to the span's replacement end."""
        i = bisect.bisect_right(self._old, offset) - 1
        if i < 0:
            return offset
        start, end, repl = self._edits[i]
        new_start = self._new[i]
        if offset == start:
            return new_start
        if offset < end:
            return new_start + len(repl)
        return new_start + len(repl) + (offset - end)


def _lines(text: str) -> Iterable[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _markup_edits(text: str) -> list[Edit]:
    """Markdown heading markers and emphasis; a run-in bold heading goes on its own line."""
    edits: list[Edit] = []
    for pos, line in _lines(text):
        if "*" not in line and "#" not in line:
            continue
        m = _INDENT.match(line)
        lead = pos + (m.end() if m else 0)
        body = line[lead - pos:]
        skip = 0
        if h := _MD_HEADING.match(body):
            edits.append((lead, lead + h.end(), ""))
            skip = h.end()
        if not _EMPHASIS.sub("", body[skip:]).strip():
            if body[skip:]:
                edits.append((lead + skip, lead + len(body), ""))
            continue
        if b := _STAR_BULLET.match(body, skip):
            skip = b.end()
        run_ins = {m.start() for m in _RUN_IN.finditer(body, skip)}
        for m in _EMPHASIS.finditer(body, skip):
            edits.append((lead + m.start(), lead + m.end(), "\n" if m.start() in run_ins else ""))
    return edits


def _space_edits(text: str) -> list[Edit]:
    """Indentation (tabs or the spaces of a Word export's list levels) and trailing spaces."""
    edits: list[Edit] = []
    for pos, line in _lines(text):
        if not line.strip(" \t"):
            if line:
                edits.append((pos, pos + len(line), ""))
            continue
        if m := _INDENT.match(line):
            edits.append((pos, pos + m.end(), ""))
        if m := _TRAILING.search(line):
            edits.append((pos + m.start(), pos + m.end(), ""))
    return edits


def _header_edits(text: str) -> list[Edit]:
    """Unpipe the website's two-column header table: its cells become plain lines.

    Only tables above the document's type line (or the first body line) are touched, and only
    when they hold header content (`Số:`, the national motto, the place/date line).
    """
    lines = list(_lines(text))
    region: list[tuple[int, str]] = []
    for pos, line in lines[:80]:
        if _HEADER_END.match(line.strip("*_ ")):
            break
        region.append((pos, line))
    if not any(_HEADER_MARKERS.search(line) for _, line in region):
        return []
    if not any("|" in line for _, line in region):
        return []
    edits: list[Edit] = []
    for pos, line in region:
        if "|" not in line:
            continue
        cells = [c.strip() for c in line.split("|")]
        kept = [c for c in cells if c and not _TABLE_RULE.fullmatch(c)]
        if kept:
            edits.append((pos, pos + len(line), "\n".join(kept)))
        else:
            edits.append((pos, pos + len(line) + 1, ""))
    return edits


def _page_break_edits(text: str) -> list[Edit]:
    """Join a sentence split by a page break: the blank gap becomes one space.

    The next line must start in lower case and must not be a lettered item (`a) ...`).
    """
    edits: list[Edit] = []
    for m in _PAGE_BREAK.finditer(text):
        if _LETTER_ITEM.match(text, m.end()):
            continue
        edits.append((m.start(), m.end(), " "))
    return edits


def _toggles(line: str) -> int:
    """How many times the line opens or closes emphasis (`****` closes one span and opens the next)."""
    return sum(-(-len(m.group()) // 3) for m in _STAR_RUN.finditer(line))


def _wrap_edits(text: str) -> list[Edit]:
    """Join lines of a text wrapped at a fixed width (website Markdown, OCR).

    A wrap is joined where it is plain: inside an emphasis span left open (`**I. MỤC` / `ĐÍCH, YÊU CẦU**`),
    or where the line stops mid-sentence and the next goes on in lower case, or with a number, or the
    wrap is full width (a long line, or a paragraph's short first line before a long one), and the next
    line carries no label. Texts with real line ends only (most
    plain text, Word, PDF after its reader) are left alone. Runs first, while the emphasis marks still
    show where a bold heading ends.
    """
    lines = split_lines(text)
    if not hard_wrapped(lines):
        return []
    edits: list[Edit] = []
    open_span = signature = False
    para_start = True
    for a, b in zip(lines, lines[1:], strict=False):
        first, nxt = bare(a.text), bare(b.text)
        if not first:
            open_span = signature = False
            para_start = True
            continue
        open_span ^= "*" in a.text and _toggles(a.text) % 2 == 1
        # `**KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH**`: a signature keeps its lines inside its bold span
        signature = open_span and (signature or signature_title(first))
        opens, para_start = para_start, False
        joins_span = open_span and not signature
        if not nxt and joins_span and b.text.strip():
            edits.append((a.end, b.start, " "))  # the span closes on a line of its own: `DÂN` / `**`
        if not nxt or "|" in (a.text.lstrip()[:1], b.text.lstrip()[:1]):
            open_span = signature = False
            continue
        full = len(first) >= _WRAP_WIDTH or opens and len(nxt) >= _WRAP_WIDTH
        plain = not ends_sentence(a.text) and (
            nxt[0].islower() and not _LETTER_ITEM.match(nxt)
            or not read_markers(nxt) and (nxt[0].isdigit() or full)
            or len(first) >= _WRAP_WIDTH and bool(_INNER_DASH.match(nxt))
            or (first.endswith(",") or bool(_DANGLING.search(first))) and not read_markers(nxt)
        )
        if not _breaks(a.text, b.text, joins_span) and (joins_span or plain or first == "Số:"):
            edits.append((a.end, b.start, " "))
        else:
            para_start = True
    return edits


def _breaks(a: str, b: str, in_span: bool) -> bool:
    """Whether the end of line `a` is a real line end however the wrap looks.

    The website wraps the title, the issuing authority and the first `Căn cứ` as if they were one
    paragraph; they are told apart by what starts a clause, by emphasis (the type and authority
    lines are bold on their own) and by case (a title in capitals, the preamble in sentence case).
    Inside an emphasis span left open only a new clause breaks it: `**Phần` / `I. DANH MỤC**` is one heading.
    """
    first, nxt = bare(a), bare(b)
    if _CLAUSE_START.match(nxt):
        return True
    if in_span:
        return False
    if (_WHOLE_SPAN.fullmatch(a) or _WHOLE_SPAN.fullmatch(b)) and not nxt[0].islower():
        return True
    if not nxt[0].islower() and (_is_caps(first) and _has_lower(nxt) or _has_lower(first) and _is_caps(nxt, 3)):
        return True
    labels = [m for m in read_markers(first) if not m.ocr and m.kind not in LIST_KINDS]
    return bool(labels) and nxt[0].isupper() and bool(_CLOSED_HEADING.fullmatch(first[-1]))


def _is_caps(s: str, words: int = 2) -> bool:
    """A line in capitals, of a few words at least so that an abbreviation (`UBND`) does not count."""
    return sum(1 for w in s.split() if any(c.isalpha() for c in w)) >= words and not _has_lower(s)


def _has_lower(s: str) -> bool:
    return any(c.islower() for c in s)


_PASSES: tuple[Callable[[str], list[Edit]], ...] = (
    _wrap_edits, _markup_edits, _space_edits, _header_edits, exploded_table_edits, _page_break_edits,
)


def normalize_text(text: str) -> tuple[str, Callable[[int], int]]:
    """The normalized text and a map from source offsets to normalized offsets."""
    maps: list[TextEdits] = []
    for make_edits in _PASSES:
        step = TextEdits(text, make_edits(text))
        maps.append(step)
        text = step.text

    def mapping(offset: int) -> int:
        for step in maps:
            offset = step.map(offset)
        return offset

    return text, mapping


def normalize(src: SourceDocument) -> NormalizedDocument:
    text, mapping = normalize_text(src.text)
    starts = tuple(min(mapping(p), len(text)) for p in src.page_starts)
    return NormalizedDocument(source=src, text=text, page_starts=starts)
