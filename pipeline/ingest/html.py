"""HTML pages saved from provincial portals: block elements become lines, tables Markdown rows.

The standard library's parser is enough: we need the text in reading order and where blocks
end, not a DOM. Tables follow the Word reader's rule: three or more columns make a body table
(Markdown rows the extractors read cell by cell), narrower ones are layout grids read cell by cell.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import regex

from pipeline.ingest.legacy import fix_mojibake
from pipeline.ingest.pages import Pages
from pipeline.ingest.text import decode

_BLOCKS = frozenset(
    "p div br li h1 h2 h3 h4 h5 h6 tr table ul ol section article header footer blockquote pre title dt dd".split()
)
_SKIPPED = frozenset({"script", "style", "head", "noscript", "template"})
_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", regex.IGNORECASE)
_BODY_TABLE_COLUMNS = 3


def read_html(path: Path, data: bytes) -> Pages:
    parser = _Text()
    parser.feed(_decode(data))
    parser.close()
    return Pages(texts=(fix_mojibake(parser.text()),), format="html")


def _decode(data: bytes) -> str:
    """The charset the page declares, else what the bytes look like (UTF-8, UTF-16 or a legacy encoding)."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.tables: list[list[list[str]]] = []  # open tables: rows of cells

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self.skip += 1
        elif tag == "table":
            self._end_block()
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._end_block()
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._end_block()
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.tables[-1][-1].append("")
        elif tag in _BLOCKS:
            self._end_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag == "table" and self.tables:
            self._end_block()
            self._emit_table(self.tables.pop())
        elif tag in _BLOCKS or tag in ("td", "th"):
            self._end_block()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)

    def _end_block(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self._add(text)

    def _add(self, text: str) -> None:
        """A finished block goes to the open table cell, if any, else to the page."""
        if self.tables and self.tables[-1] and self.tables[-1][-1]:
            row = self.tables[-1][-1]
            row[-1] = f"{row[-1]}\n{text}" if row[-1] else text
        else:
            self.blocks.append(text)

    def _emit_table(self, rows: list[list[str]]) -> None:
        rows = [r for r in rows if any(r)]
        if not rows:
            return
        width = max(len(r) for r in rows)
        if width < _BODY_TABLE_COLUMNS:
            for line in (ln for row in rows for cell in row for ln in cell.split("\n") if ln):
                self._add(line)
            return
        cells = [[" ".join(c.split()).replace("|", "/") for c in row] + [""] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(row) + " |" for row in cells]
        lines.insert(1, "|" + "---|" * width)
        self._add("\n".join(lines))

    def text(self) -> str:
        self._end_block()
        return "\n\n".join(self.blocks) + "\n"
