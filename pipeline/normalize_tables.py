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
from pipeline.segment_regions import SITE_FOOTER, Line, split_lines

_TT = regex.compile(r"(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,2}){0,3}|[a-zđ])\.?")
# lines that cannot be a cell: the next article, part or roman heading, the recipients, a signature
_AFTER_TABLE = regex.compile(
    r"(?:Điều|ĐIỀU)[ \t]+\d+[ \t]*[.:]|(?:Chương|CHƯƠNG|Phần|PHẦN)[ \t]+\S+[ \t]*$|[IVXLC]{1,6}\.[ \t]+\p{Lu}"
    r"|(?i:n[ơo]i[ \t]+nh[ậâa]n)[ \t]*:|(?:KT|TM|TL)\.[ \t]*\p{Lu}|PHỤ[ \t]+LỤC"
)
_CAPTION = regex.compile(r"(?i:phụ[ \t]+lục|kèm[ \t]+theo)")
_TT_HEADER = regex.compile(r"(?i:s[ốo][ \t]*tt|stt|tt|số thứ tự)\.?")
#: a data table; the two-cell `Nơi nhận | signature` layout is left as it is
_MIN_COLUMNS = 3


@dataclass
class _Run:
    """Consecutive lines of one kind: `pipes` bare `|` lines, or the text lines of one cell."""

    start: int
    end: int
    pipes: int = 0
    text: str = ""


def _runs(lines: list[Line], i: int, stop: regex.Pattern[str] | None = None) -> list[_Run]:
    """The runs of the table starting at line `i`, up to the first blank line or `stop` line (or the website's
    footer: the page ends there, whatever table was open)."""
    runs: list[_Run] = []
    while i < len(lines) and not lines[i].blank:
        s = lines[i].text.strip()
        if stop is not None and (stop.match(s) or any(SITE_FOOTER.search(t.text.strip()) for t in lines[i:i + 2])):
            break
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
    return runs


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


def _rows(runs: list[_Run], ends_itself: bool = True) -> tuple[list[list[str]], int] | None:
    """Cells of each row and how many runs they take, or None when the runs do not read as a table of
    three columns or more.

    Where no blank line ends the table (`ends_itself` false), a full row that runs on into the next
    table's caption and header (`2. Các nhiệm vụ ...`, `STT`) ends it.
    """
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
            if not ends_itself and len(row) >= width and _next_header(runs, k + 2):
                rows.append(row)
                return (rows, k + 2) if width >= _MIN_COLUMNS and len(rows) >= 2 else None
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
    return rows, len(runs)


def _next_header(runs: list[_Run], k: int) -> bool:
    """Whether a table's `TT` header cell comes at run `k` or one cell later."""
    return any(_TT_HEADER.fullmatch(runs[j].text) for j in (k, k + 2) if j < len(runs))


def _opens_table(lines: list[Line], i: int, after: int) -> bool:
    """Whether the `|` at line `i` can open a table: after a blank line, or a task table (first cell `TT`)
    on a page without blank lines, right under an appendix caption (`PHỤ LỤC`, `(Kèm theo Kế hoạch ...)`)
    or under the caption that follows the table rebuilt before it (which ended at line `after`).

    Anywhere else a `|` line may be inside a table that did not read as one, or between the cells of
    the `Nơi nhận | signature` layout.
    """
    if i == 0 or lines[i - 1].blank:
        return True
    if i + 1 == len(lines) or not _TT_HEADER.fullmatch(lines[i + 1].text.strip()):
        return False
    for j in range(i - 1, max(-1, i - 7), -1):
        if j < after:
            return True
        s = lines[j].text.strip()
        if not s or s == "|":
            return False
        if _CAPTION.search(s):
            return True
    return False


def exploded_table_edits(text: str) -> list[tuple[int, int, str]]:
    lines = split_lines(text)
    edits = []
    i = after = 0
    while i < len(lines):
        if lines[i].text.strip() == "|" and _opens_table(lines, i, after):
            # a page without blank lines gives no end but what comes after the table
            blank_above = i == 0 or lines[i - 1].blank
            runs = _runs(lines, i, None if blank_above else _AFTER_TABLE)
            read = _rows(runs, blank_above) if len(runs) >= 3 else None
            if read:
                rows, used = read
                end = runs[used - 1].end
                table = "\n".join("| " + " | ".join(r) + " |" for r in rows)
                edits.append((lines[i].start, lines[end - 1].end, table))
                i = after = end
                continue
        i += 1
    return edits
