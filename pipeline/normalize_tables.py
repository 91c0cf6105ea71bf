"""Tables the legal website exploded into one line per cell, rebuilt as one Markdown row per line.

The website renders `<td>` as a `|` line followed by the cell's text, and closes each row with a
`|` line, so `| 1 | Nhiệm vụ | Sở Tư pháp |` comes out as seven lines. The extractors read task
tables row by row, cell by cell, and the segmenter makes a section of each numbered row; both
need the row on one line. An empty cell is a bare `|` line, which looks like the boundary
between two rows; the header row's width and the first column's numbering (`I`, `1`, `2`)
tell them apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.headings import roman_value
from pipeline.segment_regions import Line, split_lines

_TT = regex.compile(r"(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,2}){0,3}|[a-zđ])\.?")
#: a data table; the two-cell `Nơi nhận | signature` layout is left as it is
_MIN_COLUMNS = 3


@dataclass
class _Run:
    """Consecutive lines of one kind: `pipes` bare `|` lines, or the text lines of one cell."""

    start: int
    end: int
    pipes: int = 0
    text: str = ""


def _runs(lines: list[Line], i: int) -> tuple[list[_Run], int]:
    """The runs of the table starting at line `i`, up to the first blank line; and where it ends."""
    runs: list[_Run] = []
    while i < len(lines) and not lines[i].blank:
        s = lines[i].text.strip()
        if s == "|":
            if runs and runs[-1].pipes:
                runs[-1].pipes += 1
                runs[-1].end = i + 1
            else:
                runs.append(_Run(i, i + 1, pipes=1))
        elif runs and not runs[-1].pipes:
            runs[-1].text += " " + s
            runs[-1].end = i + 1
        else:
            runs.append(_Run(i, i + 1, text=s))
        i += 1
    while runs and not runs[-1].pipes:
        runs.pop()
    return runs, runs[-1].end if runs else i


def _follows(tt: str, prev: list[str]) -> bool:
    """Whether a first-column value continues the numbering of the rows so far."""
    label = tt.rstrip(".")
    if label in ("1", "I", "a", "1.1"):
        return True
    for p in reversed(prev):
        q = p.rstrip(".")
        if label.isdigit() and q.isdigit():
            return int(label) == int(q) + 1
        if roman_value(label) and roman_value(q):
            return roman_value(label) == (roman_value(q) or 0) + 1
        if "." in label:
            return label.rsplit(".", 1)[0] in (q, q.rsplit(".", 1)[0])
    return False


def _rows(runs: list[_Run]) -> list[list[str]] | None:
    """Cells of each row, or None when the runs do not read as a table of three columns or more."""
    rows: list[list[str]] = []
    row = [""] * (runs[0].pipes - 1)
    width = 0
    for k in range(1, len(runs), 2):
        cell, pipes = runs[k].text, runs[k + 1].pipes if k + 1 < len(runs) else 1
        row.append(cell)
        extra = pipes - 1
        nxt = runs[k + 2].text if k + 2 < len(runs) else None
        if not width:
            if extra:
                width = len(row)
                rows.append(row)
                row = [""] * (extra - 1)
            continue
        if not extra:
            continue
        firsts = [r[0] for r in [*rows[1:], row] if r]
        boundary = nxt is None or len(row) + extra - 1 >= width or (
            len(row) >= 2 and bool(_TT.fullmatch(nxt)) and _follows(nxt, firsts)
        )
        if boundary:
            empties = min(extra - 1, max(0, width - len(row)))
            rows.append(row + [""] * empties)
            row = [""] * (extra - 1 - empties)
        else:
            row += [""] * extra
    if row:
        rows.append(row)
    if width < _MIN_COLUMNS or len(rows) < 2:
        return None
    return rows


def exploded_table_edits(text: str) -> list[tuple[int, int, str]]:
    lines = split_lines(text)
    edits = []
    i = 0
    while i < len(lines):
        if lines[i].text.strip() == "|" and (i == 0 or lines[i - 1].blank):
            runs, end = _runs(lines, i)
            rows = _rows(runs) if len(runs) >= 3 else None
            if rows:
                table = "\n".join("| " + " | ".join(r) + " |" for r in rows)
                edits.append((lines[i].start, lines[end - 1].end, table))
                i = end
                continue
        i += 1
    return edits
