"""Page lines with their geometry → paragraphs of running text, one string per page.

PDF text layers and OCR both give visual lines. Plans are typed as one paragraph per source line,
so wrapped lines must be joined back into one line, and running headers, footers and page numbers
dropped, or the segmenter sees headings cut in half and list labels in mid-sentence. Both readers
build `Line`s and share these rules, so a scan and its text PDF come out alike.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class Line:
    """One visual line; coordinates in points (or pixels) from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    #: width of the line's first word: had it fitted on the line before, that line ended a paragraph
    first_word: float


@dataclass(frozen=True)
class PageLines:
    lines: tuple[Line, ...]
    width: float
    height: float


_PAGE_NUMBER = regex.compile(
    r"^[\s\-–—.(\[]*(?:Trang|trang|Page)?\s*\d{1,3}(?:\s*(?:/|của|of)\s*\d{1,3})?[\s\-–—.)\]]*$"
)
_LABEL = regex.compile(r"^(?:[-+•*]\s|[IVXLC]+\.\s|\d+(?:\.\d+)*\.?\s|[a-zđ]\)\s|Điều\s+\d|Phần\s|Chương\s)")
_RULE = regex.compile(r"^[-_=.…*]{3,}$")  # the short rule under an agency's name or the motto
_SENTENCE_END = regex.compile(r"[.;:!?]$")
# a code cut at its hyphen or slash (`KH-`/`BCĐ`), unlike a dash between words (`Lao động -`)
_CODE_CUT = regex.compile(r"\S[-/]$")
_MARGIN = 0.1  # share of the page height where running headers and footers sit


def page_texts(pages: list[PageLines]) -> list[str]:
    """Each page's paragraphs, one per line with a blank line between (the seeds' layout).

    A paragraph that runs on to the next page is kept whole: its first part ends the page with a
    space instead of a line break, so the sentence reads on and each page still starts where it begins.
    """
    pages = _drop_running_lines(pages)
    all_lines = [ln for p in pages for ln in p.lines]
    if not all_lines:
        return ["\n" for _ in pages]
    metrics = _Metrics.of(pages)
    texts: list[str] = []
    prev: Line | None = None
    paragraph = ""  # the first line of the paragraph being built
    for page in pages:
        parts: list[str] = []
        for line in page.lines:
            if prev is not None:
                same_page = bool(parts)
                if metrics.breaks(prev, line, same_page):
                    # rows of a Markdown table typed in the source stay together, or the table falls apart
                    table = paragraph.startswith("|") and line.text.startswith("|")
                    parts.append(("\n" if table else "\n\n") if same_page else "")
                    paragraph = line.text
                elif not same_page:
                    texts[-1] = texts[-1].rstrip("\n") + ("" if _CODE_CUT.search(prev.text) else " ")
                else:
                    parts.append("" if _CODE_CUT.search(prev.text) else " ")
            parts.append(line.text.strip())
            paragraph = paragraph if prev is not None else line.text
            prev = line
        texts.append("".join(parts) + "\n")
    return texts


@dataclass(frozen=True)
class _Metrics:
    left: float
    right: float
    pitch: float
    height: float

    @classmethod
    def of(cls, pages: list[PageLines]) -> _Metrics:
        lines = [ln for p in pages for ln in p.lines]
        xs0 = sorted(ln.x0 for ln in lines)
        xs1 = sorted(ln.x1 for ln in lines)
        height = statistics.median(ln.bottom - ln.top for ln in lines)
        steps = [
            b.bottom - a.bottom
            for p in pages
            for a, b in zip(p.lines, p.lines[1:], strict=False)
            if 0.5 * height < b.bottom - a.bottom < 4 * height
        ]
        # the lower quintile: wrapped lines, even where one-line paragraphs (with their spacing) are the majority
        pitch = sorted(steps)[len(steps) // 5] if steps else 1.2 * height
        return cls(left=xs0[len(xs0) // 10], right=xs1[(len(xs1) * 9) // 10], pitch=pitch, height=height)

    def breaks(self, a: Line, b: Line, same_page: bool) -> bool:
        """Does `b` start a new paragraph after `a`?"""
        if same_page and (b.bottom - a.bottom < 0.5 * self.height or b.bottom - a.bottom > 1.3 * self.pitch):
            return True  # side by side, or a paragraph's spacing
        if _RULE.match(a.text) or _RULE.match(b.text) or (a.text.endswith("|") and b.text.startswith("|")):
            return True  # a rule line, or the next row of a Markdown table typed in the source
        if "\n" in a.text or "\n" in b.text:
            return True  # a table rebuilt from a ruled grid stands alone
        if _SENTENCE_END.search(a.text) and (_LABEL.match(b.text) or (not same_page and b.text[:1].isupper())):
            return True  # a list item; or a new sentence on a new page, which rarely goes on the same paragraph
        if b.x0 > self.left + 0.8 * self.height and not self._centred(b):
            return True  # first-line indent
        # `a` ended early if `b`'s first word would have fitted after it. A centred line is measured by its own
        # width, with a looser fit: titles are set in larger or bolder type than the body.
        width = self.right - self.left
        if self._centred(a):
            return (a.x1 - a.x0) + 0.3 * self.height + b.first_word < 0.9 * width
        return (a.x1 - self.left) + 0.3 * self.height + b.first_word < width - 0.5 * self.height

    def _centred(self, line: Line) -> bool:
        middle = (self.left + self.right) / 2
        return (
            line.x0 > self.left + self.height
            and line.x1 < self.right - self.height
            and abs((line.x0 + line.x1) / 2 - middle) < 1.5 * self.height
        )


def _drop_running_lines(pages: list[PageLines]) -> list[PageLines]:
    """Remove page numbers and headers/footers that repeat on most pages, within the top or bottom margin."""

    def key(line: Line) -> str:
        return regex.sub(r"\d+", "#", line.text.strip())

    def edge(page: PageLines) -> list[Line]:
        return [ln for ln in page.lines if ln.bottom < _MARGIN * page.height or ln.top > (1 - _MARGIN) * page.height]

    repeats = Counter(k for p in pages for k in {key(ln) for ln in edge(p)})
    enough = max(3, (len(pages) + 1) // 2)
    out = []
    for page in pages:
        margin = set(map(id, edge(page)))
        kept = tuple(
            ln
            for ln in page.lines
            if id(ln) not in margin or not (_PAGE_NUMBER.match(ln.text) or repeats[key(ln)] >= enough)
        )
        out.append(PageLines(kept, page.width, page.height))
    return out
