"""Ruled tables in text PDFs (the appendix of tasks: TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn).

pdfium gives a table's cells as loose lines, column by column, which no extractor can read.
pdfplumber's table finder rebuilds the grid from the ruling lines; it is 40× slower than reading
the text, so it runs only on pages that pdfium shows to have drawn lines, and its tables replace the
loose lines they cover with Markdown rows, which the normalizer keeps and the extractors read.
"""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c
import regex

from pipeline.ingest.layout import Line, PageLines

_MIN_PATHS = 4  # a grid needs at least this many drawn lines or rectangles
_MIN_COLUMNS = 3  # narrower grids hold the header and signature blocks: their lines read fine as they are
_CODE_CUT = regex.compile(r"\S[-/]$")


def has_rules(page: pypdfium2.PdfPage) -> bool:
    return sum(1 for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2)) >= _MIN_PATHS


def with_tables(data: bytes, pages: list[PageLines], ruled: list[int]) -> list[PageLines]:
    """`pages` with the lines inside each body table on the `ruled` pages replaced by one Markdown line."""
    if not ruled:
        return pages
    out = list(pages)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i in ruled:
            for table in pdf.pages[i].find_tables():
                rows = [r for r in table.extract() if any(c for c in r)]
                if len(rows) >= 2 and max(len(r) for r in rows) >= _MIN_COLUMNS:
                    out[i] = _replace(out[i], table.bbox, rows)
    return out


def _replace(page: PageLines, bbox: tuple[float, float, float, float], rows: list[list[str | None]]) -> PageLines:
    x0, top, x1, bottom = bbox

    def inside(line: Line) -> bool:
        middle = (line.top + line.bottom) / 2
        return top <= middle <= bottom and line.x0 >= x0 - 2 and line.x1 <= x1 + 2

    covered = [i for i, line in enumerate(page.lines) if inside(line)]
    if not covered:
        return page
    width = max(len(r) for r in rows)
    cells = [[_cell(c) for c in r] + [""] * (width - len(r)) for r in rows]
    text = "\n".join(
        ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width] + ["| " + " | ".join(r) + " |" for r in cells[1:]]
    )
    table = Line(text=text, x0=x0, x1=x1, top=top, bottom=bottom, first_word=x1 - x0)
    kept = [line for i, line in enumerate(page.lines) if i not in set(covered)]
    kept.insert(covered[0], table)
    return PageLines(tuple(kept), page.width, page.height)


def _cell(text: str | None) -> str:
    """A cell's wrapped lines joined as the layout joins a paragraph's; `|` would split the Markdown cell."""
    out = ""
    for part in (text or "").split("\n"):
        part = part.strip()
        out = out + part if not out or _CODE_CUT.search(out) else f"{out} {part}" if part else out
    return out.replace("|", "/")
