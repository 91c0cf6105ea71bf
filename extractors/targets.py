"""Targets (chỉ tiêu): the quantities a plan commits to, typed so researchers can compute on them.

A plan states its targets as clauses: `Hằng năm, đạt 95% số vụ án ... được truy tố`, `cấp tỉnh có ít
nhất 10 báo cáo viên`, `Đến năm 2013 đạt 85% và năm 2015 đạt 100% ...`.  The text is cut into
paragraphs and clauses (`;` and sentence ends); every quantity in a clause is one row, read with
the words just before it (comparator, increase/decrease), the year staged before or after it and
the clause's `hằng năm`.  Which percentages are commitments depends on where they stand: under a
`Chỉ tiêu`/`Mục tiêu` heading they are; elsewhere they need a commitment cue, and never in a
past-results section, after `đã`, or as a share of a budget.  A `Chỉ tiêu N:` item with no
number is still one row, with value NULL.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from extractors import cues, excluded, passages
from extractors.excluded import Exclusions
from extractors.vnnumbers import DIGITS, NUMBER, parse_number
from models.records import DocumentMeta, SegmentedDocument, Target

_WORDS = cues.load("target_words")
_alt = cues.alternation
_I = regex.IGNORECASE


# `10 - 13%`, `từ 85% đến 90%`: a range commits to its lower end at least
# (not the spelled-out repeat in `100% (một trăm phần trăm)`)
_PERCENT = regex.compile(
    rf"(?<![\d.,/\p{{L}}])(?<!\d\s*%?\s*\(\s*)(?:(?P<lo>{DIGITS})\s*%?\s*(?:-|–|đến)\s*)?(?P<n>{NUMBER})\s*"
    r"(?:%|phần\s+trăm\b)",
    _I,
)
# `tối thiểu 05 (năm) báo cáo viên`: legal style repeats the number in words before the unit
_COUNT = regex.compile(
    rf"(?<![\d.,/\p{{L}}])(?<!\d\s*\(\s*)(?P<n>{NUMBER})\s*(?:\([^()\n]{{1,30}}\)\s*)?\s(?P<unit>{_alt(_WORDS['units'])})"
    r"(?![\p{L}\d²])",
    _I,
)
_MEASURE = regex.compile(
    rf"(?<![\d.,/\p{{L}}])(?P<n>{DIGITS})\s*(?P<unit>{_alt(_WORDS['measure_units'])})(?![\p{{L}}\d²])", _I
)

_COMPARATOR_BEFORE = regex.compile(
    rf"\b(?P<cmp>{_alt(_WORDS['comparators'])})\s*(?:(?:là|mức|tỷ\s+lệ|khoảng|bình\s+quân)\s+)*$", _I
)
_STRONG_BEFORE = regex.compile(rf"\b{_alt(_WORDS['count_comparators'])}\s*$", _I)
_OWN_BEFORE = regex.compile(r"\b(?:có|đạt|gồm|tổ\s+chức|xây\s+dựng|thành\s+lập|đào\s+tạo|bồi\s+dưỡng)\s*$", _I)
_AT_LEAST_AFTER = regex.compile(r"\s*trở\s+lên\b", _I)
_INCREASE_BEFORE = regex.compile(
    rf"\b{_alt(_WORDS['increase'])}\s+(?:(?:thêm|ít\s+nhất|tối\s+thiểu|trên|khoảng|bình\s+quân)\s+)*$", _I
)
_DECREASE_BEFORE = regex.compile(
    rf"\b{_alt(_WORDS['decrease'])}\s+(?:(?:thêm|ít\s+nhất|tối\s+thiểu|trên|khoảng|bình\s+quân)\s+)*$", _I
)
# (`gia tăng` is the growth to curb, `tăng cường` is "strengthen": neither says the target goes up)
_CHANGE_WORD = regex.compile(
    rf"(?<!\bgia\s)\b(?P<inc>{_alt(_WORDS['increase'])})\b(?!\s+cường)|\b(?P<dec>{_alt(_WORDS['decrease'])})\b", _I
)
_PAST = regex.compile(rf"\b{_alt(_WORDS['past_cues'])}\b", _I)
# `chiếm 72%` is a statistic in a report, but `kinh tế số chiếm 30% GRDP` under a Chỉ tiêu heading is a target
_STATISTIC = regex.compile(rf"\b{_alt(_WORDS['stat_cues'])}\b", _I)
_TIME_UNITS = frozenset(_WORDS["time_units"])
_MONEY_UNITS = frozenset(_WORDS["money_units"])
_PAST_AFTER = regex.compile(rf"^[^;.\n]{{0,40}}?\b{_alt(_WORDS['past_after'])}\b", _I)
_CONDITIONAL = regex.compile(rf"\b{_alt(_WORDS['conditional_cues'])}\b(?!\s+có\s*\))", _I)
_SCORING_RULE = regex.compile(r"\b(?:cộng|trừ)\s+\d+\s+điểm\b", _I)
_SHARE_AFTER = regex.compile(rf"^\s*(?:\S+\s+){{0,2}}?{_alt(_WORDS['share_cues'])}\b", _I)
_SHARE_BEFORE = regex.compile(rf"\b{_alt(_WORDS['share_cues'])}\b[^;.\n]{{0,30}}$", _I)
# `100% ... (đều) (phải) được ...`: what the plan requires to be done to a whole population
_PASSIVE_AFTER = regex.compile(r"\b(?:phải|được)\b", _I)
_COMMITMENT = regex.compile(rf"\b{_alt(_WORDS['commitment_cues'])}\b", _I)
_TARGET_HEADING = regex.compile(rf"\b{_alt(_WORDS['target_headings'])}\b", _I)
_ANNOUNCE = regex.compile(r"\b(?:chỉ\s+tiêu|mục\s+tiêu)[^\n]{0,80}:\s*$", _I)
_LIST_ITEM = regex.compile(r"\s*(?:[-+•*]|\(?\d+\)|\(?[a-zđ]\)|\d+(?:\.\d+)*\.)\s", _I)
_INDICATOR_HEADING = regex.compile(r"\bchỉ\s+tiêu\b", _I)
_PAST_HEADING = regex.compile(rf"\b{_alt(_WORDS['past_headings'])}\b", _I)
_ANNUAL = regex.compile(r"\b(?:hằng|hàng|mỗi)\s+năm\b|[%\p{L}]\s*/\s*năm\b", _I)
_YEAR_BEFORE = regex.compile(r"\b(?:(?:đến|tới|trước|trong)\s+(?:hết\s+)?)?năm\s+(?P<y>(?:19|20)\d\d)\b", _I)
# `giảm 10% so với năm 2024`: a year after `so với` is the baseline, not the year to reach
_BASELINE_BEFORE = regex.compile(r"\b(?:so\s+với|từ)\s+(?:cùng\s+kỳ\s+)?$", _I)
_YEAR_HEADING = regex.compile(r"\b(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<y>(?:19|20)\d\d)\b", _I)
_INDICATOR_CUT = regex.compile(rf"\s(?:{_alt(_WORDS['indicator_cuts'])})\b|[,;.:(]\s*$", _I)
_LEAD_WORDS = regex.compile(
    r"^(?:\W|[a-zđ]\)|\d+(?:\.\d+)*[.)]|(?:hằng\s+năm|hàng\s+năm|phấn\s+đấu|(?:đến\s+)?năm\s+\d{4}|và|đạt|các|những|có|"
    r"chỉ\s+tiêu\s+\d+)(?!\p{L}))+",
    _I,
)
_TRAIL_WORDS = regex.compile(rf"(?:\s|,|\b{_alt(list(_WORDS['comparators']) + ['đạt', 'là', 'mức', 'có'])})+$", _I)
_LABEL = regex.compile(
    r"[\s>*#+\-–•]*(?:\(?[a-zđ]\)|\d+(?:\.\d+)*\.?)?\s*\**\s*(?P<label>chỉ\s+tiêu\s+(?:\d+|[IVX]+))\s*\**\s*[:.)\-–]",
    _I,
)


@dataclass(frozen=True)
class _Quantity:
    start: int
    end: int
    value: float
    unit: str
    kind: str  # "percent", "count" or "measure"
    floor: bool = False  # the lower end of a range


class _Reader:
    """Reads the targets of one document, paragraph by paragraph, remembering lists announced as targets."""

    def __init__(self, doc: SegmentedDocument, exclusions: Exclusions) -> None:
        self.doc = doc
        self.text = doc.text
        self.exclusions = exclusions
        self.rows: list[Target] = []
        self.zones: list[tuple[int, int]] = []

    def run(self) -> None:
        announced = False
        for a, b in passages.paragraphs(self.text):
            if self.exclusions.excluded(a) and self.exclusions.excluded(max(a, b - 1)):
                continue
            # `... được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:` makes the list after it targets
            announced = announced and _LIST_ITEM.match(self.text, a, b) is not None
            announced = self._paragraph(a, b, announced) or announced

    def _paragraph(self, a: int, b: int, announced: bool) -> bool:
        """Read one paragraph; True when it announces a list of targets."""
        text = self.text
        heads = passages.headings(self.doc, a)
        # the innermost heading that says either decides: `Kết quả thực hiện các chỉ tiêu năm 2023` is history
        context = next((h for h in heads if _PAST_HEADING.search(h) or _TARGET_HEADING.search(h)), "")
        in_past = not announced and _PAST_HEADING.search(context) is not None
        in_targets = announced or (not in_past and _TARGET_HEADING.search(context) is not None)
        label_match = _LABEL.match(text, a, b)
        label = " ".join(label_match["label"].split()).capitalize() if label_match else self._section_label(a)
        announces = _ANNOUNCE.search(text, a, b) is not None
        if in_past:
            return announces
        default_year = next((int(m["y"]) for h in heads if _TARGET_HEADING.search(h)
                             for m in [_YEAR_HEADING.search(h)] if m), None)
        found = False
        for ca, cb in passages.clauses(text, a, b):
            found |= self._clause(ca, cb, a, label, in_targets or label is not None, default_year)
        if label_match and not found:
            self._unnumbered(a, b, label_match.end(), label)
        elif label or any(_INDICATOR_HEADING.search(h) for h in heads):
            # a `hằng năm` anywhere in a Chỉ tiêu item is the target's frequency, not a schedule
            self.zones.append((a, b))
        return announces

    def _section_label(self, offset: int) -> str | None:
        i = self.doc.section_at(offset)
        if i is None:
            return None
        s = self.doc.sections[i]
        m = _LABEL.match(f"{s.label}:") or _LABEL.match(s.heading)
        return " ".join(m["label"].split()).capitalize() if m else None

    def _quantities(self, ca: int, cb: int, in_targets: bool) -> list[_Quantity]:
        text, found = self.text, []
        for m in _PERCENT.finditer(text, ca, cb):
            value = parse_number(m["lo"] or m["n"])
            if value is not None and value <= 1000:
                found.append(_Quantity(m.start(), m.end(), value, "%", "percent", floor=m["lo"] is not None))
        for pattern, kind in ((_MEASURE, "measure"), (_COUNT, "count")):
            for m in pattern.finditer(text, ca, cb):
                if any(q.start <= m.start() < q.end for q in found):
                    continue
                before = text[max(ca, m.start() - 40):m.start()]
                strong = _STRONG_BEFORE.search(before) is not None
                cued = _COMPARATOR_BEFORE.search(before) or _OWN_BEFORE.search(before)
                owned = in_targets and (kind == "measure" or cued)
                unit = " ".join(m["unit"].split())
                if unit in _TIME_UNITS or (unit in _MONEY_UNITS and not in_targets):
                    continue
                value = parse_number(m["n"])
                if value is not None and (strong or owned):
                    found.append(_Quantity(m.start(), m.end(), value, unit, kind))
        return sorted(found, key=lambda q: q.start)

    def _clause(self, ca: int, cb: int, pa: int, label: str | None, in_targets: bool, default_year: int | None) -> bool:
        text = self.text
        quantities = [q for q in self._quantities(ca, cb, in_targets) if not self.exclusions.excluded(q.start)]
        annual = "annual" if _ANNUAL.search(text, ca, cb) or (label and _ANNUAL.search(text, pa, ca)) else None
        rows: list[Target] = []
        ends = [self._part_end(q.end, quantities[k + 1].start) if k + 1 < len(quantities) else cb
                for k, q in enumerate(quantities)]
        for k, q in enumerate(quantities):
            before = text[ca:q.start]
            part_start, after_end = (ends[k - 1] if k else ca), ends[k]
            # past results, and scoring rules (`Nếu đạt 100% cộng 05 điểm`), are not commitments
            if _PAST.search(before[-60:]) or _CONDITIONAL.search(before) or _SCORING_RULE.search(text, ca, cb):
                continue
            if not in_targets and _STATISTIC.search(before[-60:]):
                continue
            if q.kind == "percent" and (_SHARE_AFTER.search(text[q.end:q.end + 40]) or _SHARE_BEFORE.search(before)):
                continue
            committed = _COMMITMENT.search(text, ca, cb) or _PASSIVE_AFTER.search(text, q.end, after_end)
            if not in_targets and q.kind == "percent" and (not committed or _PAST_AFTER.search(text[q.end:cb])):
                continue
            comparator = self._comparator(before, q)
            ra, rb = self._trimmed(part_start, after_end)
            rows.append(Target(
                value=q.value, unit=q.unit, comparator=comparator, raw_text=text[ra:rb],
                char_start=ra, char_end=rb, section=self.doc.section_at(ra), label=label,
                indicator=self._indicator(part_start, q, after_end),
                change=self._change(before), target_year=self._year(pa, ca, q, after_end) or default_year,
                frequency=annual,
            ))
        # `Đến năm 2013 đạt 85% và năm 2015 đạt 100% các văn bản ...`: the earlier stage measures the same thing
        for k in range(len(rows) - 2, -1, -1):
            if rows[k].unit == rows[k + 1].unit == "%" and rows[k].target_year and self._staged_only(rows[k]):
                rows[k] = replace(rows[k], indicator=rows[k + 1].indicator)
        self.rows.extend(rows)
        if rows:
            self.zones.append((ca, cb))
        return bool(rows)

    @staticmethod
    def _staged_only(row: Target) -> bool:
        """True when the row's text is just its stage (`Đến năm 2013 đạt 85%`), naming nothing measured."""
        return row.raw_text.endswith("%") and _YEAR_BEFORE.search(row.raw_text) is not None

    def _trimmed(self, a: int, b: int) -> tuple[int, int]:
        """`a..b` without the spaces and clause punctuation at its edges."""
        while a < b and (self.text[a].isspace() or self.text[a] in ",;:*-+•–"):
            a += 1
        while b > a and (self.text[b - 1].isspace() or self.text[b - 1] in ",;:*"):
            b -= 1
        return a, b

    def _comparator(self, before: str, q: _Quantity) -> str:
        if _AT_LEAST_AFTER.match(self.text, q.end):
            return ">="
        m = _COMPARATOR_BEFORE.search(before[-40:])
        comparator = _WORDS["comparators"][" ".join(m["cmp"].lower().split())] if m else "="
        if q.floor and comparator in ("=", ">="):
            return ">="
        # a full share cannot be exceeded: `đạt 100%` is exactly 100% (NOTES.md, consistency pass)
        if comparator == ">=" and q.unit == "%" and q.value == 100 and m and m["cmp"].lower().endswith("đạt"):
            return "="
        return comparator

    @staticmethod
    def _change(before: str) -> str | None:
        if _INCREASE_BEFORE.search(before[-40:]):
            return "increase"
        if _DECREASE_BEFORE.search(before[-40:]):
            return "decrease"
        return None

    def _year(self, pa: int, ca: int, q: _Quantity, after_end: int) -> int | None:
        """The stage year: the last `(đến) năm Y` before the quantity in its paragraph, else one right after it."""
        years = [m for m in _YEAR_BEFORE.finditer(self.text, pa, q.start) if not self.exclusions.excluded(m.start())]
        if years:
            return int(years[-1]["y"])
        m = _YEAR_BEFORE.search(self.text, q.end, after_end)
        if m is None or self.exclusions.excluded(m.start()) or _BASELINE_BEFORE.search(self.text[q.end:m.start()]):
            return None
        return int(m["y"])

    def _part_end(self, end: int, next_start: int) -> int:
        """Where the text about one quantity stops: the last comma or `và` before the next quantity."""
        breaks = list(regex.finditer(r",|\svà\s", self.text[end:next_start]))
        return end + breaks[-1].start() if breaks else end

    def _indicator(self, part_start: int, q: _Quantity, after_end: int) -> str | None:
        """What is measured: the noun phrase after the quantity, or before it (`tỷ lệ giải quyết đạt trên 90%`)."""
        text = self.text
        after = text[q.end:after_end]
        cut = _INDICATOR_CUT.search(after)
        after = _LEAD_WORDS.sub("", after[:cut.start()] if cut else after).strip(" ,;.:")
        if q.kind == "percent" and len(after.split()) >= 2 and not after.lower().startswith(("tổng số", "so với")):
            return " ".join(after.split())
        before = _TRAIL_WORDS.sub("", text[part_start:q.start])
        before = _LEAD_WORDS.sub("", before).strip(" ,;.:")
        if q.kind != "percent":
            return " ".join(f"{q.unit} {before}".split()) if 0 < len(before.split()) <= 6 else q.unit
        return " ".join(before.split()) or None

    def _unnumbered(self, a: int, b: int, body: int, label: str | None) -> None:
        text = self.text
        end = passages.CLAUSE_BREAK.search(text, body, b)
        cb = end.start() if end else b
        change = _CHANGE_WORD.search(text, body, cb)
        indicator = _LEAD_WORDS.sub("", text[body:cb]).strip(" ,;.:")
        start, cb = self._trimmed(body, cb)
        self.rows.append(Target(
            value=None, unit=None, comparator=None, raw_text=text[start:cb], char_start=start, char_end=cb,
            section=self.doc.section_at(start), label=label, indicator=" ".join(indicator.split()) or None,
            change=("increase" if change["inc"] else "decrease") if change else None,
            frequency="annual" if _ANNUAL.search(text, body, cb) else None,
        ))
        self.zones.append((a, b))


def _read(doc: SegmentedDocument, exclusions: Exclusions | None) -> _Reader:
    reader = _Reader(doc, exclusions or Exclusions(doc))
    reader.run()
    return reader


def extract(doc: SegmentedDocument, meta: DocumentMeta) -> tuple[Target, ...]:
    return tuple(_read(doc, excluded.for_document(doc, meta)).rows)


def zones(doc: SegmentedDocument, exclusions: Exclusions | None = None) -> list[tuple[int, int]]:
    """Spans of the clauses and `Chỉ tiêu` items that state targets: a `hằng năm` there is a frequency."""
    return _read(doc, exclusions).zones
