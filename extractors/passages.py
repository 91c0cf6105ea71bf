"""Paragraphs, clauses and headings: the units in which plans state their commitments.

Plans arrive with hard line wraps (website Markdown, PDF text layers) and page breaks inside
sentences, so a line break only ends a paragraph where the next line does not go on in lower
case, the line before ends a sentence, or a list item or heading starts.  Headings come from the
section tree; without one, the last numbered lines before a paragraph stand in for them.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from models.records import SegmentedDocument

# a paragraph ends at a newline unless the next line goes on in lower case (a wrapped or page-broken sentence)
# (and after a line that ends a sentence, and after a short numbered heading line such as `2. Chỉ tiêu`)
PARAGRAPH_BREAK = regex.compile(
    r"(?<=[.:;!?][ \t*]*)\n\s*|(?<=^[ \t*#]*(?:[IVX]+|\d+(?:\.\d+)*)[.)][^\n]{0,60})\n\s*(?=[^\p{Ll}\s])"
    r"|\n\s*(?=[^\p{Ll}\s\d]|[a-zđ]\s*\)|\d+(?:\.\d+)*[.)]\s)",
    regex.MULTILINE,
)
# (a table cell is a clause of its own: the row's next cell is its time or its product)
CLAUSE_BREAK = regex.compile(r";|\.(?=\s+\p{Lu})|\.\s*$|\|")
_FALLBACK_HEADING = regex.compile(r"(?m)^[ \t#*>]*(?:(?P<roman>[IVX]+)|\d+(?:\.\d+)*)[.)]?\s*\**(?P<h>[^\n]{0,150})$")
# a list item's "heading" is often its whole first sentence: only the part before a colon or sentence end names a topic
_TITLE_END = regex.compile(r":|;|\.(?=\s)|\.$")
_TITLE_MAX = 120


def _title(heading: str) -> str:
    m = _TITLE_END.search(heading, 0, _TITLE_MAX)
    return heading[:m.start()] if m else heading[:_TITLE_MAX]


def _spans(pattern: regex.Pattern, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    last = start
    for m in pattern.finditer(text, start, end):
        yield last, m.start()
        last = m.end()
    yield last, end


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for a, b in _spans(PARAGRAPH_BREAK, text, 0, len(text)):
        if text[a:b].strip():
            yield a, b


def headings(doc: SegmentedDocument, offset: int) -> list[str]:
    """Titles of the sections holding `offset`, innermost first (what the text is about).

    Only a heading's title part counts: a task item `- Tăng cường ..., báo cáo tình hình ...` is not a
    results section because its sentence mentions `tình hình`."""
    return section_headings(doc, doc.section_at(offset)) if doc.sections else _fallback_headings(doc, offset)


def section_headings(doc: SegmentedDocument, i: int | None) -> list[str]:
    """The titles of section `i` and its ancestors, innermost first."""
    heads = []
    while i is not None:
        s = doc.sections[i]
        heads.append(f"{s.label} {_title(s.heading)}")
        i = s.parent
    return heads


def _fallback_headings(doc: SegmentedDocument, offset: int) -> list[str]:
    # no tree: the last numbered line before the paragraph, and the last roman one, stand in for its headings
    lines = list(_FALLBACK_HEADING.finditer(doc.text, max(0, offset - 3000), offset))
    romans = [m for m in lines if m["roman"]]
    return [_title(m["h"]) for m in {id(m): m for m in (lines[-1:] + romans[-1:])}.values()]


def clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The clauses of a paragraph: parts between `;` and sentence ends."""
    return _spans(CLAUSE_BREAK, text, start, end)
