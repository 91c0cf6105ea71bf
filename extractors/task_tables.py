"""Task tables: which cells name the lead (`chủ trì`) and coordinating (`phối hợp`) bodies.

Plans often list their tasks in a table (`TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian`), usually in an appendix. It arrives in two shapes: one row per line with `|` or tab
between cells (Markdown, plain-text columns), or a Word table flattened one cell per line
between lines that hold only `|`, where two bars in a row close an empty cell or a row. This
module reads only the layout; which bodies a cell names is the matcher's business.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_LINE = regex.compile(r"[^\n]*")
_SEP = regex.compile(r"\||\t")
_RULE_ROW = regex.compile(r"[\s|:\-–]*")
_BAR_LINE = regex.compile(r"(?m)^\|[ \t]*$")
_BODY = r"(?:(?:cơ quan|đơn vị|bộ phận|sở, ngành)(?:\s*,\s*(?:cơ quan|đơn vị|địa phương))*)"
_HEADER = {
    "lead": regex.compile(rf"[\s*]*{_BODY}?\s*chủ trì(?:\s*thực hiện)?(?:\s*chính)?[\s*]*"),
    "coordinate": regex.compile(rf"[\s*]*{_BODY}?\s*phối hợp(?:\s*thực hiện)?[\s*]*"),
}
#: with no chủ trì column but a phối hợp one, the bodies that carry the task out lead it
#: (a list of administrative procedures names its processing `Cơ quan thực hiện`, with no phối hợp)
_DOER = regex.compile(rf"[\s*]*{_BODY}\s*(?:thực hiện|được giao)[\s*]*")
_NUMBER_HEADER = regex.compile(r"[\s*]*(?:s?tt|số thứ tự)[\s*]*")
_ROW_NUMBER = regex.compile(r"(?:\d+(?:\.\d+)*|[ivxlc]+)\.?")


@dataclass(frozen=True)
class Cell:
    role: str
    start: int
    end: int


def find(folded: str) -> tuple[list[Cell], list[tuple[int, int]]]:
    """The chủ trì / phối hợp cells of every task table in `folded` (lower-case text), and the
    spans the tables cover (sorted, not overlapping), which hold no other assignments."""
    cells, spans = _line_tables(folded)
    more_cells, more_spans = _cell_tables(folded)
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans + more_spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return cells + more_cells, merged


def _columns(texts: list[str]) -> dict[str, int]:
    """Column index of each role in a header row, or {} when the row is not a header."""
    found = {role: next((i for i, t in enumerate(texts) if p.fullmatch(t)), None) for role, p in _HEADER.items()}
    if found["lead"] is None and found["coordinate"] is not None:
        found["lead"] = next((i for i, t in enumerate(texts) if _DOER.fullmatch(t)), None)
    return {role: i for role, i in found.items() if i is not None} if found["lead"] is not None else {}


def _line_tables(folded: str) -> tuple[list[Cell], list[tuple[int, int]]]:
    out: list[Cell] = []
    spans: list[tuple[int, int]] = []
    columns: dict[str, int] = {}
    for line in _LINE.finditer(folded):
        a, b = line.span()
        if a == b:
            continue  # the empty match at each line break
        texts = _SEP.split(line.group())
        if len(texts) < 3:
            columns = {}
            continue
        header = _columns(texts)
        if header or columns:
            spans.append((a, b))
        if header:
            columns = header
            continue
        if not columns or _RULE_ROW.fullmatch(line.group()):
            continue
        bounds, pos = [], a
        for t in texts:
            bounds.append((pos, pos + len(t)))
            pos += len(t) + 1
        out += [Cell(role, *bounds[i]) for role, i in columns.items() if i < len(bounds)]
    return out, spans


def _cell_tables(folded: str) -> tuple[list[Cell], list[tuple[int, int]]]:
    """Flattened Word tables: rows open with their number (`1`, `II`) right after an empty cell."""
    bars = [m.span() for m in _BAR_LINE.finditer(folded)]
    cells = [(a, b) for (_, a), (b, _) in zip(bars, bars[1:], strict=False)]
    texts = [folded[a:b].strip() for a, b in cells]
    out: list[Cell] = []
    spans: list[tuple[int, int]] = []
    offsets: dict[str, int] = {}
    for k, text in enumerate(texts):
        if "\n\n" in folded[cells[k][0]:cells[k][1]]:
            offsets = {}  # paragraphs between bars: not a table
        elif _HEADER["lead"].fullmatch(text) or (_DOER.fullmatch(text) and any(
                _HEADER["coordinate"].fullmatch(t) for t in texts[k + 1:k + 4])):
            row_start = max((i + 1 for i in range(max(0, k - 8), k) if not texts[i]), default=max(0, k - 8))
            number = next((i for i in range(row_start, k) if _NUMBER_HEADER.fullmatch(texts[i])), row_start)
            window = texts[number:k + 4]
            offsets = _columns(window)
            spans.append((cells[number][0], cells[min(k + 3, len(cells) - 1)][1]))
        elif offsets and _ROW_NUMBER.fullmatch(text) and (k == 0 or not texts[k - 1]):
            for role, offset in offsets.items():
                if k + offset < len(cells) and 0 < len(texts[k + offset]) < 300:
                    out.append(Cell(role, *cells[k + offset]))
                    spans.append(cells[k + offset])
    return out, sorted(spans)
