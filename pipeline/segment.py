"""The segment stage: the heading tree of a normalized document (EXTRACTION.md, "sections").

Depth is not read from a fixed table but from the order of marks the document actually uses:
a heading opens under the nearest open heading of lower rank (`1.` under `I.`, or at the top of
a plan without roman numerals; arabic items straight under a `Phần`), and is a sibling of an open
heading of its own kind. A candidate label is only taken for a heading where the sequence
allows it (`3.` after `2.`, `a)` to start a new list); that keeps numbers that merely start a
line (wrapped text, OCR noise) out of the tree, and lets an OCR misread (`H.` for `II.`) in
where it is exactly the label expected next.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from models.records import NormalizedDocument, Section, SegmentedDocument
from pipeline.headings import LIST_KINDS, Marker, read_markers
from pipeline.segment_regions import (
    STRONG_KINDS,
    Line,
    bare,
    find_attached_blocks,
    find_body_start,
    find_closings,
    split_lines,
)

# a heading run into an upper-case heading: `II. CÁC HOẠT ĐỘNG TRỌNG TÂM1. Công tác chỉ đạo`
_RUN_IN = regex.compile(r"(?<=\p{Lu}{2}[\p{Lu} ,]*)(?=\d{1,2}(?:\.\d{1,2}){0,2}\.[ \t]*\p{Lu}\p{Ll})")
# specks OCR puts before a label (`_ 8) Sở Thông tin ...`)
_OCR_JUNK = regex.compile(r"[_~·•'`,.—–-]+[ \t]+|[_|—–-]+[ \t]*(?=\p{Lu})")
_TABLE_ROW = regex.compile(r"\|(?P<cells>.*)\|[ \t]*$")
_TABLE_RULE = regex.compile(r"\|?[ \t:|-]*-{3,}[ \t:|-]*\|?[ \t]*")
_TT_HEADER = regex.compile(r"(?i:s[ốo][ \t]*tt|stt|tt)\.?")
_TT_CELL = regex.compile(r"(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,2}){0,3}|[a-zđ]|[A-H])\.?")
_ROW_KINDS = ("part", "roman", "arabic", "decimal", "letter")


@dataclass
class _Node:
    index: int
    start: int
    parent: int | None
    level: int
    kind: str
    key: str
    rank: float
    value: float
    label: str
    path: str
    heading: str
    sep: str
    #: where the line's mark begins (a `- ` before `Chỉ tiêu 1:`): the previous section ends there
    cut: int
    list_counts: dict[str, int] = field(default_factory=dict)
    #: a list restarted inside a deeper item (`a) ... gồm:` / `1. ...`): its own items continue it first
    nested: bool = False


class _Tree:
    """The open-heading stack and the sections found so far."""

    def __init__(self) -> None:
        self.nodes: list[_Node] = []
        self.stack: list[_Node] = []
        self.top_counts: dict[str, int] = {}
        self.last_value: dict[str, float] = {}
        self.last_sep: dict[str, str] = {}

    def _place(self, m: Marker, floor: int = 0) -> tuple[int, bool]:
        """Stack depth the marker would sit at, and whether it continues a sibling list.

        `floor` is the depth a task table's rows may not climb above (the appendix holding it).
        """
        for d in range(len(self.stack) - 1, floor - 1, -1):
            node = self.stack[d]
            if node.nested and node.key == m.key:
                if m.value > node.value:
                    return d, True
                break
        depth = len(self.stack)
        while depth > floor and self.stack[depth - 1].rank > m.rank:
            depth -= 1
        if depth > floor and self.stack[depth - 1].key == m.key:
            return depth - 1, True
        if depth > floor and self.stack[depth - 1].rank == m.rank:
            return depth - 1, False
        return depth, False

    def score(self, m: Marker) -> int:
        """How well `m` fits the sequence here: 3 expected, 2 plausible, 1 tolerated, 0 not a heading.

        A label punctuated unlike its list (`8)` among `1.`, `2.`) fits one grade worse, and so does one
        followed by lower case (items start with a capital; a wrapped `3) của Luật` does not); both, not at all.
        """
        if m.kind in LIST_KINDS or m.key == "appendix":
            return 3
        depth, sibling = self._place(m)
        sep = self.stack[depth].sep if sibling else self.last_sep.get(m.key, "")
        penalty = (1 if sep and m.sep and sep != m.sep else 0) + (1 if m.lower else 0)
        return 0 if penalty > 1 else max(0, self._sequence_score(m, depth, sibling) - penalty)

    def _sequence_score(self, m: Marker, depth: int, sibling: bool) -> int:
        if sibling:
            prev = self.stack[depth]
            step = m.value - prev.value
            if m.kind == "decimal" and m.prefix != prev.label.rsplit(".", 1)[0]:
                return 1 if m.value == 1 else 0
            if 0 < step <= 1:
                return 3
            if step == 0 or 0 < step <= 2 or m.value == 1:
                return 1
            return 0
        parent = self.stack[depth - 1] if depth else None
        if m.kind == "decimal" and parent is not None and parent.kind in ("arabic", "decimal") \
                and m.prefix != parent.label:
            return 1 if m.value == 1 else 0
        if m.value == 1:
            return 3
        if m.value == self.last_value.get(m.key, -1) + 1:
            return 2
        if m.value <= 2:
            return 1
        return 0

    def restarts_inside(self, m: Marker) -> bool:
        """Whether `m` restarts its list at 1 while a deeper numbered item is open: `a) ... gồm:` then `1. ...`
        (the caller checks the colon). Read as a sibling it would duplicate the list's first label; under a
        `-` item the colon is as often a form's field (`- Điện thoại:`) as a list's lead-in."""
        if m.kind in LIST_KINDS or m.value != 1 or not self.stack or self.stack[-1].kind in LIST_KINDS:
            return False
        depth, sibling = self._place(m)
        return sibling and depth + 1 < len(self.stack)

    def add(self, m: Marker, start: int, heading: str, floor: int = 0, cut: int | None = None,
            nest: bool = False) -> None:
        depth, sibling = (len(self.stack), False) if nest else self._place(m, floor)
        # the items of a nested list keep its place (the rank just below the item they sit in)
        prev = self.stack[depth] if sibling and self.stack[depth].nested else None
        del self.stack[depth:]
        parent = self.stack[-1] if self.stack else None
        rank = prev.rank if prev else parent.rank + 0.05 if nest and parent else m.rank
        label = m.label
        if m.kind in LIST_KINDS:
            counts = parent.list_counts if parent else self.top_counts
            counts[m.kind] = counts.get(m.kind, 0) + 1
            label = str(counts[m.kind])
        segment = ("-" if m.kind == "dash" else "+") + label if m.kind in LIST_KINDS else label
        node = _Node(
            index=len(self.nodes), start=start, parent=parent.index if parent else None, level=depth + 1,
            kind=m.kind, key=m.key, rank=rank, value=m.value,
            label=label, path=f"{parent.path}.{segment}" if parent else segment, heading=heading,
            cut=start if cut is None else cut, sep=m.sep, nested=nest or prev is not None,
        )
        self.nodes.append(node)
        self.stack.append(node)
        self.last_value[m.key] = m.value
        if m.sep:
            self.last_sep[m.key] = m.sep

    def close_all(self) -> None:
        self.stack.clear()

    def pop_to(self, floor: int) -> None:
        del self.stack[floor:]

    def in_appendix(self) -> bool:
        """Task tables make sections only in an appendix; in the body their rows stay text."""
        return any(n.key == "appendix" for n in self.stack)

    def list_floor(self) -> int:
        """Depth below the open list items: a table or heading never nests under a `-` item."""
        depth = len(self.stack)
        while depth and self.stack[depth - 1].kind in LIST_KINDS:
            depth -= 1
        return depth


def _best(tree: _Tree, markers: list[Marker]) -> Marker | None:
    """The reading that fits the sequence best; an OCR reading only where it is exactly the one expected."""
    best, best_score = None, 0
    for m in markers:
        s = tree.score(m)
        if m.ocr and s < 3:
            continue
        if s > best_score:
            best, best_score = m, s
    return best


def _next_text(lines: list[Line], i: int) -> str:
    """The heading of a label that stands alone on its line (`Phần I` / `QUAN ĐIỂM CHỈ ĐẠO`): the next
    non-blank line, unless that line carries a label of its own."""
    for line in lines[i + 1:i + 4]:
        s = line.text.strip()
        if s:
            return "" if s.startswith("|") or read_markers(s) else s
    return ""


def _drop_preamble_lists(nodes: list[_Node], barriers: list[int]) -> list[_Node]:
    """Without the lists of a preamble: top-level items before the first `I.`/`Điều 1.`/`Phần I`, and `-` items
    before a first `1.`.

    A preamble may list what it rests on (`Căn cứ các văn bản sau: 1. ... 2. ...`) or whom it is sent to
    (`THỦ TƯỚNG CHÍNH PHỦ điện: - Bộ trưởng ...`); read as headings those items would be the top of the tree,
    above a body that starts at a stronger first heading. Each document in the text (a Quyết định, then
    its plan after a title block) is looked at on its own.
    """
    def block(node: _Node) -> int:
        return bisect.bisect_right(barriers, node.start)

    dropped: set[int] = set()
    tops = [n for n in nodes if n.parent is None]
    for k, first in enumerate(tops):
        strong = first.kind in STRONG_KINDS or first.key == "letterpart"
        if first.value != 1 or first.kind in LIST_KINDS:
            continue
        lead = [n for n in tops[:k] if block(n) == block(first) and n.index not in dropped]
        if lead and all(n.rank > first.rank and (n.kind not in STRONG_KINDS if strong else n.kind in LIST_KINDS)
                        for n in lead):
            dropped.update(n.index for n in lead)
    if not dropped:
        return nodes
    kept: list[_Node] = []
    new_index: dict[int, int] = {}
    for n in nodes:
        if n.index in dropped or n.parent in dropped:
            dropped.add(n.index)
            continue
        new_index[n.index] = len(kept)
        n.index, n.parent = len(kept), None if n.parent is None else new_index[n.parent]
        kept.append(n)
    return kept


def _previous_text(lines: list[Line], i: int) -> str:
    """The last non-blank line before line `i`, without its Markdown marks."""
    return next((bare(line.text) for line in reversed(lines[max(0, i - 4):i]) if not line.blank), "")


class _Segmenter:
    def __init__(self, doc: NormalizedDocument) -> None:
        self.text = doc.text
        self.lines = split_lines(doc.text)
        self.tree = _Tree()
        self.barriers: list[int] = []
        self.closing_spans: list[tuple[int, int]] = []
        self.ocr = doc.source.ocr_used

    def run(self) -> tuple[list[_Node], int]:
        body_start = find_body_start(self.lines)
        body_line = next((i for i, ln in enumerate(self.lines) if ln.end >= body_start), len(self.lines))
        skip: dict[int, int] = {}
        for a, b in find_closings(self.lines, body_line):
            end = self.lines[b - 1].end
            while end > self.lines[a].start and self.text[end - 1].isspace():
                end -= 1
            self.closing_spans.append((self.lines[a].start, end))
            skip[a] = b
        for a, b in find_attached_blocks(self.lines, body_line):
            if not any(s <= a < e for s, e in skip.items()):
                skip[a] = b
        i = body_line
        table_floor: int | None = None
        table_rows = False
        while i < len(self.lines):
            if i in skip:
                self.barriers.append(self.lines[i].start)
                self.tree.close_all()
                table_floor = None
                i = skip[i]
                continue
            line = self.lines[i]
            stripped = line.text.lstrip()
            indent = len(line.text) - len(stripped)
            if stripped.startswith("|") and _TABLE_ROW.match(stripped):
                if table_floor is None:
                    table_floor = self.tree.list_floor()
                    self.tree.pop_to(table_floor)
                    table_rows = self._is_tt_header(stripped) and self.tree.in_appendix()
                elif table_rows:
                    self._table_row(line, indent, table_floor)
                i += 1
                continue
            if table_floor is not None and stripped:
                self.tree.pop_to(table_floor)
                table_floor = None
            self._line(i, indent)
            i += 1
        return _drop_preamble_lists(self.tree.nodes, self.barriers), body_start

    @staticmethod
    def _is_tt_header(row: str) -> bool:
        cells = row.strip().strip("|").split("|")
        return bool(cells) and bool(_TT_HEADER.fullmatch(cells[0].strip(" *_")))

    def _table_row(self, line: Line, indent: int, floor: int) -> None:
        row = line.text[indent:]
        if _TABLE_RULE.fullmatch(row):
            return
        cells = row.strip().strip("|").split("|")
        first = cells[0].strip(" *_")
        if not _TT_CELL.fullmatch(first):
            return
        label = first.rstrip(".")
        probe = f"{label}) X" if label.islower() else f"{label}. XX"
        marker = next((m for m in read_markers(probe) if not m.ocr and m.kind in _ROW_KINDS), None)
        if marker is None:
            return
        heading = " | ".join(c.strip() for c in cells[1:] if c.strip())
        offset = indent + 1 + cells[0].index(first)
        self.tree.add(marker, line.start + offset, heading, floor, cut=line.start)

    def _line(self, i: int, indent: int) -> None:
        line = self.lines[i]
        text = line.text
        pos = indent
        while pos < len(text):
            markers = read_markers(text, pos, self.ocr)
            if self.ocr and (junk := _OCR_JUNK.match(text, pos)):
                markers = [m for m in read_markers(text, junk.end(), True) if m.kind not in LIST_KINDS] + markers
            m = _best(self.tree, markers)
            if m is None:
                return
            run_in = _RUN_IN.search(text, m.text_start) if m.kind in ("roman", "part", "chapter") else None
            end = run_in.start() if run_in else len(text)
            heading = text[m.text_start:end].strip()
            if not heading and m.kind not in LIST_KINDS:
                heading = _next_text(self.lines, i)
            nest = pos == indent and self.tree.restarts_inside(m) and _previous_text(self.lines, i).endswith(":")
            self.tree.add(m, line.start + m.label_start, heading, cut=line.start + pos, nest=nest)
            if run_in is None:
                return
            pos = run_in.start()

    def sections(self, nodes: list[_Node]) -> tuple[Section, ...]:
        end_of_text = len(self.text)
        ends = [end_of_text] * len(nodes)
        open_: list[_Node] = []
        for node in nodes:
            while open_ and open_[-1].level >= node.level:
                ends[open_.pop().index] = node.cut
            open_.append(node)
        barriers = sorted(self.barriers)
        out: list[Section] = []
        first_child: dict[int, int] = {}
        for node in nodes:
            if node.parent is not None and node.parent not in first_child:
                first_child[node.parent] = node.cut
        for node in nodes:
            end = ends[node.index]
            for b in barriers:
                if node.start < b < end:
                    end = b
                    break
            while end > node.start and self.text[end - 1].isspace():
                end -= 1
            own = min(first_child.get(node.index, end), end)
            out.append(Section(
                index=node.index, parent=node.parent, level=node.level, kind=node.kind, label=node.label,
                path=node.path, heading=node.heading, char_start=node.start, char_end=end, own_end=own,
            ))
        return tuple(out)


def segment(doc: NormalizedDocument) -> SegmentedDocument:
    seg = _Segmenter(doc)
    nodes, body_start = seg.run()
    return SegmentedDocument(
        normalized=doc, sections=seg.sections(nodes), body_start=body_start,
        closing_spans=tuple(seg.closing_spans),
    )
