"""The regions of a document outside the heading tree: front matter, closings, attached title blocks.

Nghị định 30/2020/NĐ-CP lays a document out as: header (issuing body, national motto, `Số:`,
place and date), the type line (`KẾ HOẠCH`) and title, the body, then `Nơi nhận:` and the
signature block. A Quyết định may carry its plan in the same text: the plan repeats a title
block with `(Ban hành kèm theo Quyết định ...)`, and its appendices follow the signature.
These regions are found from their wording alone, before any heading is read.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from pipeline.headings import read_markers

#: a document type line, the first line of the title block (`KẾ HOẠCH`, `QUYẾT ĐỊNH` ...)
_TYPES = (
    "KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|NGHỊ QUYẾT|THÔNG TƯ|NGHỊ ĐỊNH|THÔNG BÁO|BÁO CÁO|TỜ TRÌNH|QUY CHẾ|QUY ĐỊNH|"
    "HƯỚNG DẪN|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN|LUẬT|PHÁP LỆNH|KẾT LUẬN|CÔNG ĐIỆN"
)
# alone on its line, mostly in capitals (TCVN3 sources lose the case of toned capitals: `Kế HOạCH`),
# or in capitals followed by its title
_TYPE_INITIALS = frozenset(c for w in _TYPES.split("|") for c in (w[0], w[0].lower()))
_TYPE_ALONE = regex.compile(rf"(?i:{_TYPES})[ \t]*")
_TYPE_WITH_TITLE = regex.compile(rf"(?:{_TYPES})\b(?![ \t]*:)[ \t]+\p{{Lu}}")
_ATTACHED = regex.compile(r"\(?[ \t]*(?i:ban hành kèm theo|kèm theo|được ban hành kèm theo)\b")
_NOI_NHAN = regex.compile(r"(?i:n[ơo]i[ \t]+nh[ậâa]n)[ \t]*:")
_SIGN = regex.compile(r"(?:KT|TM|TL|TUQ|Q|PP)\.[ \t]*\p{Lu}{2}")
# the mark a published copy puts where the signature was
_SIGNED = regex.compile(r"[(\[]?(?i:đã ký|ký,? ghi rõ họ tên|ký tên[^)\]]*|daky)[)\]]?")
_END_MARK = regex.compile(r"\./\.[ \t]*$")
_MOTTO = regex.compile(r"(?i:cộng hòa xã hội chủ nghĩa|cộng hoà xã hội chủ nghĩa)")
_HEADER_LINE = regex.compile(r"(?:Số[ \t]*:|-{3,}|Độc lập|.*,[ \t]*ngày[ \t]+\d{1,2}[ \t]+tháng|V/v)")
#: the legal website's page footer, under the document's name (which a wrap may run into it)
SITE_FOOTER = regex.compile(r"(?:(?<=\s)|^)(?:Văn bản liên quan|Văn bản này chưa cập nhật nội dung Tiếng Anh)$")
# a document named with its number, as the website's footer names it
_DOC_NAME = regex.compile(r"\p{Lu}[^|]*?\d+/\S")
_NAME_LINE = regex.compile(r"(?:\p{Lu}\p{Ll}*[ \t]+){1,5}\p{Lu}\p{Ll}*")
STRONG_KINDS = ("part", "chapter", "article", "roman")


class Line(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def bare(s: str) -> str:
    """A line without its indentation and Markdown marks around it."""
    return s.strip(" \t*_#")


def ends_sentence(s: str) -> bool:
    return bare(s).endswith((".", ";", ":", "!", "?"))


def hard_wrapped(lines: list[Line]) -> bool:
    """Whether paragraphs are wrapped at a fixed width (the legal website's Markdown, OCR): many lines
    stop mid-sentence and the next line goes on in lower case."""
    joints = sum(
        1 for a, b in zip(lines, lines[1:], strict=False)
        if bare(b.text)[:1].islower() and bare(a.text) and not ends_sentence(a.text)
    )
    return joints >= 3 and joints * 20 >= sum(1 for line in lines if not line.blank)


def signature_title(s: str) -> bool:
    """`KT. CHỦ TỊCH`, `TM. ỦY BAN NHÂN DÂN`: the first line of a signature block."""
    return bool(_SIGN.match(bare(s)))


def _is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def _is_type_line(s: str) -> bool:
    s = s.strip()
    if s[:1] not in _TYPE_INITIALS:
        return False
    if _TYPE_ALONE.fullmatch(s):
        # mostly capitals: `KẾ HOẠCH`, or `Kế HOạCH` from TCVN3; not a metadata value `Quyết định`
        return sum(c.isupper() for c in s) > sum(c.islower() for c in s)
    return bool(_TYPE_WITH_TITLE.match(s))


def _strong_marker(s: str) -> bool:
    return any(not m.ocr and m.kind in (*STRONG_KINDS, "arabic") for m in read_markers(s.strip()))


def find_body_start(lines: list[Line]) -> int:
    """Offset where the body (the preamble, or the first heading) begins.

    After the type line comes the title: the rest of the type line's paragraph, or the next
    paragraph when the type line stands alone, up to a line that opens the preamble (`Căn cứ`,
    `Thực hiện`; the title's own first line may start so); then upper-case lines (the issuing authority of a
    Quyết định, `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...`) and `(Ban hành kèm theo ...)`.
    """
    limit = min(len(lines), 120)
    t = next((i for i in range(limit) if _is_type_line(lines[i].text)), None)
    if t is None:
        return _first_body_line(lines, limit)
    i = t + 1
    alone = bool(_TYPE_ALONE.fullmatch(lines[t].text.strip()))
    if i < len(lines) and lines[i].blank and alone:
        while i < len(lines) and lines[i].blank:
            i += 1
        if i < len(lines) and _strong_marker(lines[i].text):
            return lines[i].start
    # a type line that carries its title (`QUYẾT ĐỊNH SỬA ĐỔI ...`) has no title line after it
    title = i if alone else t
    if i < len(lines) and _BASIS.match(lines[i].text.strip()):
        return lines[i].start  # no title at all: a title may start `Thực hiện ...`, never `Căn cứ`
    # a title in capitals ends where the capitals do (a page without blank lines runs straight on)
    caps = title < len(lines) and _is_upper(lines[title].text)
    while i < len(lines) and not lines[i].blank and not _strong_marker(lines[i].text):
        if i > title and (_PREAMBLE.match(lines[i].text.strip()) or caps and not _is_upper(lines[i].text)):
            break
        i += 1
    while i < len(lines):
        s = lines[i].text.strip()
        if s and not (_is_upper(s) or _ATTACHED.match(s)) or s and _strong_marker(s):
            return lines[i].start
        i += 1
    return lines[t].end


_PREAMBLE = regex.compile(r"(?:Căn cứ|Thực hiện|Kính gửi|Xét|Theo đề nghị|Nhằm|Để)\b")
_BASIS = regex.compile(r"Căn cứ\b")


def _first_body_line(lines: list[Line], limit: int) -> int:
    for line in lines[:limit]:
        s = line.text.strip()
        if _PREAMBLE.match(s) or _strong_marker(s):
            return line.start
    return 0


def _resumes(line: Line) -> bool:
    """A line where content starts again after a closing: an appendix, another document, a part."""
    s = line.text.strip()
    if not s:
        return False
    if _is_type_line(s) or _MOTTO.match(s):
        return True
    return any(not m.ocr and m.kind in STRONG_KINDS for m in read_markers(s))


def _signature_start(lines: list[Line], i: int, floor: int) -> int:
    """Walk back from a closing over the signature lines above it (`CHỦ TỊCH`, the signer's name), and over
    the bars of the website's two-column `Nơi nhận | signature` layout."""
    j = i - 1
    best = i
    while j > floor:
        s = lines[j].text.strip()
        if not s:
            j -= 1
            continue
        short = len(s.split()) <= 8 and not s.endswith((".", ";", ":", ",")) and not read_markers(s)
        if s == "|" or short and (_is_upper(s) or _NAME_LINE.fullmatch(s) or _SIGN.match(s) or _SIGNED.fullmatch(s)):
            best = j
            j -= 1
            continue
        break
    return best


def _site_footer(lines: list[Line], floor: int) -> int:
    """First line of the legal website's page footer, or `len(lines)`.

    The site closes every document with its name (`Kế hoạch 980/KH-UBND năm 2025 ...`) over
    `Văn bản này chưa cập nhật nội dung Tiếng Anh` or `Văn bản liên quan`, then links, notices and
    a login box; none of it belongs to the document.
    """
    for k in range(floor, len(lines)):
        s = lines[k].text.strip()
        if not (m := SITE_FOOTER.search(s)):
            continue
        if m.start() and _DOC_NAME.match(s):
            return k  # the name was wrapped into the notice
        j = k - 1
        while j > floor and lines[j].blank:
            j -= 1
        if not m.start() and j > floor and _DOC_NAME.match(lines[j].text.strip()):
            return j
    return len(lines)


def find_closings(lines: list[Line], body_line: int) -> list[tuple[int, int]]:
    """`(start, end)` line-index spans of `Nơi nhận` lists and signature blocks, and of the website's footer."""
    total = len(lines)
    footer = _site_footer(lines, body_line)
    lines = lines[:footer]
    spans: list[tuple[int, int]] = []
    i = body_line
    while i < len(lines):
        s = lines[i].text.strip()
        start = None
        if _NOI_NHAN.match(s) or _SIGN.match(s):
            start = _signature_start(lines, i, max(body_line, spans[-1][1] if spans else body_line))
        elif _END_MARK.search(s):
            k = i + 1
            while k < len(lines) and lines[k].blank:
                k += 1
            if k < len(lines) and not _resumes(lines[k]):
                start = k
        if start is None:
            i += 1
            continue
        end = max(start, i) + 1
        while end < len(lines) and not _resumes(lines[end]):
            if _ATTACHED.match(lines[end].text.strip()):
                end = _title_start(lines, end, start + 1)
                break
            end += 1
        spans.append((start, end))
        i = end
    floor = spans[-1][1] if spans else body_line
    last = next((k for k in range(len(lines) - 1, floor - 1, -1) if not lines[k].blank), None)
    if last is not None and not (spans and spans[-1][1] > last):
        start = _signature_start(lines, last + 1, floor)
        block = [lines[k].text.strip() for k in range(start, last + 1)]
        if start <= last and any(_NAME_LINE.fullmatch(b) for b in block) and any(_is_upper(b) for b in block):
            spans.append((start, last + 1))
    return spans if footer == total else [*spans, (footer, total)]


def _title_start(lines: list[Line], i: int, floor: int) -> int:
    """First line of the upper-case title above line `i` (`DANH MỤC NHIỆM VỤ` over `(Kèm theo ...)`)."""
    while i - 1 >= floor and not lines[i - 1].blank and _is_upper(lines[i - 1].text):
        i -= 1
    return i


def find_attached_blocks(lines: list[Line], body_line: int) -> list[tuple[int, int]]:
    """`(start, end)` line spans of an attached document's title block inside the body.

    A type line followed within a few lines by `(Ban hành kèm theo ...)`, or `KẾ HOẠCH` alone over an
    upper-case title; the block runs back over the attached document's own header lines and on to
    the end of the `kèm theo` parenthesis or of the title.
    Under an appendix heading the same wording is the appendix's own title, not a new document.
    """
    spans: list[tuple[int, int]] = []
    for i in range(body_line, len(lines)):
        if not _is_type_line(lines[i].text):
            continue
        k = next((k for k in range(i + 1, min(len(lines), i + 8)) if _ATTACHED.match(lines[k].text.strip())), None)
        if k is not None:
            while k < len(lines) - 1 and ")" not in lines[k].text:
                k += 1
        else:
            k = _bare_title_end(lines, i)
        if k is None:
            continue
        if _under_appendix(lines, i, body_line):
            continue
        start = i
        while start - 1 > body_line and (lines[start - 1].blank or _is_header_line(lines[start - 1].text)):
            start -= 1
        while start < i and lines[start].blank:
            start += 1
        spans.append((start, k + 1))
    return spans


def _under_appendix(lines: list[Line], i: int, floor: int) -> bool:
    """Whether line `i` belongs to an appendix's title: `PHỤ LỤC II` above it, over the title's other lines
    in capitals (`DANH MỤC CÁC NHIỆM VỤ ... THỰC HIỆN` / `CHƯƠNG TRÌNH PHÁT TRIỂN CHÍNH PHỦ SỐ`)."""
    j = i - 1
    while j >= floor and lines[j].blank:
        j -= 1
    while j >= floor and i - j <= 4:
        s = lines[j].text.strip()
        if any(m.key == "appendix" for m in read_markers(s)):
            return True
        if not s or not _is_upper(s):
            return False
        j -= 1
    return False


_ATTACHABLE = regex.compile(r"(?:KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN|HƯỚNG DẪN)[ \t]*")


def _bare_title_end(lines: list[Line], i: int) -> int | None:
    """Last line of an attached document's title given without `(kèm theo ...)`: `KẾ HOẠCH` alone
    on its line, then an upper-case title. None when line `i` does not open such a block."""
    if not _ATTACHABLE.fullmatch(lines[i].text.strip()):
        return None
    k = i + 1
    while k < len(lines) and lines[k].blank:
        k += 1
    if k == len(lines) or not _is_upper(lines[k].text) or read_markers(lines[k].text.strip()):
        return None
    while k + 1 < len(lines) and not lines[k + 1].blank and _is_upper(lines[k + 1].text) \
            and not read_markers(lines[k + 1].text.strip()):
        k += 1
    return k


def _is_header_line(s: str) -> bool:
    s = s.strip()
    return bool(_HEADER_LINE.match(s) or _MOTTO.match(s) or (_is_upper(s) and not read_markers(s)))
