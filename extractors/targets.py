"""Targets (chỉ tiêu): the quantities a plan commits to, typed so researchers can compute on them.

A plan states its targets as clauses: `Hằng năm, đạt 95% số vụ án ... được truy tố`, `cấp tỉnh có ít
nhất 10 báo cáo viên`, `Đến năm 2013 đạt 85% và năm 2015 đạt 100% ...`.  The text is cut into
paragraphs and clauses (`;`, sentence ends, table cell edges); every quantity in a clause is one
row (a share, a count of a unit, a measure such as `tấn` or `μg/m3`, a rate such as `4/100.000 trẻ sinh
ra còn sống`), read with the words just before it (comparator, increase/decrease), the year staged
before or after it (not a baseline: `so với mức trung bình năm 2024`) and a `hằng năm` in its part of
the clause or leading its paragraph.  Which numbers are commitments depends on where they stand: under
a `Chỉ tiêu`/`Mục tiêu` heading (its title, not the rest of a list item's sentence) they are; elsewhere
they need a commitment cue, and never in a past-results section, after `đã`, in a case the plan only
allows (`có thể`), or as a share of a budget.  A `Chỉ tiêu N:` item with no number is still one row,
with value NULL.  What is measured is read by `extractors.indicators`.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, replace

import regex

from extractors import cues, excluded, indicators, passages
from extractors.excluded import Exclusions
from extractors.vnnumbers import DIGITS, NUMBER_WORDS, parse_number
from models.records import DocumentMeta, SegmentedDocument, Target

_WORDS = cues.load("target_words")
_alt = cues.alternation
_I = regex.IGNORECASE


# `10 - 13%`, `từ 85% đến 90%`: a range commits to its lower end at least
# (not the spelled-out repeat in `100% (một trăm phần trăm)`)
# (numbers in digits and in words are read by separate patterns: a digit anchors the scan, a word number is
# only read after `phần trăm`'s number or a cue, which keeps the scan of long documents fast)
_PERCENT = regex.compile(
    rf"(?<![\d.,/\p{{L}}])(?<!\d\s*%?\s*\(\s*)(?:(?P<lo>{DIGITS})\s*%?\s*(?:-|–|đến)\s*)?(?P<n>{DIGITS})\s*"
    r"(?:%|phần\s+trăm\b)",
    _I,
)
_PERCENT_WORDS = regex.compile(rf"(?<!\p{{L}})(?<!\d\s*%?\s*\(\s*)(?P<n>{NUMBER_WORDS})\s*phần\s+trăm\b", _I)
_HAS_PERCENT_WORDS = regex.compile(r"phần\s+trăm", _I)
# `tối thiểu 05 (năm) báo cáo viên`: legal style repeats the number in words before the unit
_UNIT = rf"\s*(?:\([^()\n]{{1,30}}\)\s*)?\s(?P<unit>{_alt(_WORDS['units'])})(?![\p{{L}}\d²])"
_COUNT = regex.compile(rf"(?<![\d.,/\p{{L}}])(?<!\d\s*\(\s*)(?P<n>{DIGITS}){_UNIT}", _I)
# a count in words is only taken after a comparator or `có`, `đạt` ... (`có ít nhất một cơ sở y tế`)
_COUNT_CUES = [*_WORDS["comparators"], *_WORDS["count_comparators"], *_WORDS["own_cues"]]
_COUNT_WORDS = regex.compile(
    rf"\b{_alt(_COUNT_CUES)}\s+(?:(?:là|mức|tỷ\s+lệ|khoảng|bình\s+quân)\s+)*(?P<n>{NUMBER_WORDS}){_UNIT}", _I
)
# `dưới 4/100.000 trẻ sinh ra còn sống`, `xuống 18 ca sinh/1.000 phụ nữ`: a rate per so many of a population
_RATE = regex.compile(
    rf"(?<![\d.,/\p{{L}}])(?P<n>{DIGITS})\s*(?P<unit>(?:\p{{L}}+\s+){{0,3}}?\p{{L}}*\s*/\s*\d{{1,3}}(?:\.\d{{3}})*"
    r"\s+\p{L}+(?:\s+\p{L}+){0,6})",
    _I,
)
_RATE_UNIT_END = regex.compile(r"\s+(?:vào|năm|đến|tới|trong|từ|xuống|và|tại|theo|hằng|hàng|mỗi)\b", _I)
# `giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh/1.000 phụ nữ`: the first is where it starts from
_FROM_BEFORE = regex.compile(r"\btừ\s+$", _I)
_TO_AFTER = regex.compile(r"\b(?:xuống|còn)\b|(?<!\btrở\s)\blên\b", _I)
_MEASURE = regex.compile(
    rf"(?<![\d.,/\p{{L}}])(?P<n>{DIGITS})\s*(?P<unit>{_alt(_WORDS['measure_units'])})(?![\p{{L}}\d²])", _I
)

_COMPARATOR_BEFORE = regex.compile(
    rf"\b(?P<cmp>{_alt(_WORDS['comparators'])})\s*(?:(?:là|mức|tỷ\s+lệ|khoảng|bình\s+quân)\s+)*$", _I
)
_STRONG_IN = regex.compile(rf"\b{_alt(_WORDS['count_comparators'])}\b", _I)
_STRONG_BEFORE = regex.compile(rf"\b{_alt(_WORDS['count_comparators'])}\s*$", _I)
_OWN_BEFORE = regex.compile(rf"\b{_alt(_WORDS['own_cues'])}\s*$", _I)
_AT_LEAST_AFTER = regex.compile(r"\s*trở\s+lên\b", _I)
# words that may stand between `tăng`/`giảm` and the number (`tăng ít nhất 2%`)
_CHANGE_MODIFIERS = r"(?:(?:thêm|ít\s+nhất|tối\s+thiểu|trên|khoảng|bình\s+quân|trung\s+bình)\s+)*"
_INCREASE_BEFORE = regex.compile(rf"\b{_alt(_WORDS['increase'])}\s+{_CHANGE_MODIFIERS}$", _I)
_DECREASE_BEFORE = regex.compile(rf"\b{_alt(_WORDS['decrease'])}\s+{_CHANGE_MODIFIERS}$", _I)
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
# `Hằng năm, ...` opening a paragraph (after its label) sets the frequency of every target in it
_ANNUAL_LEAD = regex.compile(
    r"[\W_]*(?:[a-zđ]\)\s*|\(?\d+(?:\.\d+)*[.)]\s*)?(?:chỉ\s+tiêu\s+\d+\s*[:.\-–]\s*)?[^\d%\n]{0,80}?"
    r"\b(?:hằng|hàng|mỗi)\s+năm\b",
    _I,
)
_PERMISSIVE = regex.compile(r"\bcó\s+thể\b", _I)
_RATIO_UNITS = frozenset(("lần",))
_PER_PERIOD = regex.compile(r"\s*/\s*(?:năm|quý|tháng|tuần)\b", _I)
_YEAR_BEFORE = regex.compile(r"\b(?:(?:đến|tới|trước|trong)\s+(?:hết\s+)?)?năm\s+(?P<y>(?:19|20)\d\d)\b", _I)
# `giảm 10% so với năm 2024`: a year after `so với` is the baseline, not the year to reach
_BASELINE_BEFORE = regex.compile(r"\bso\s+với\b[^;,.\n]{0,40}$|\b(?:từ|sau)\s+$", _I)
_ONWARDS_AFTER = regex.compile(r"\s*,?\s*trở\s+đi\b", _I)
_YEAR_HEADING = regex.compile(r"\b(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<y>(?:19|20)\d\d)\b", _I)
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


class _Index:
    """Every match of one pattern in the text, found in one pass and looked up per clause: running the
    pattern on each of the document's many clauses costs more than the matching itself."""

    def __init__(self, pattern: regex.Pattern, text: str) -> None:
        self.pattern, self.text = pattern, text
        self.matches = list(pattern.finditer(text))
        self.starts = [m.start() for m in self.matches]

    def within(self, a: int, b: int) -> list[regex.Match]:
        i, j = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        found = self.matches[i:j]
        # a match running over the clause's edge: the clause is read on its own, as a clause must be
        if (i and self.matches[i - 1].end() > a) or (found and found[-1].end() > b):
            return list(self.pattern.finditer(self.text, a, b))
        return found


@dataclass(frozen=True)
class _Context:
    """What the headings above a paragraph say about the numbers in it."""

    past: bool = False  # a results section: its numbers are history
    targets: bool = False  # a Chỉ tiêu / Mục tiêu section: its numbers are commitments
    year: int | None = None  # `Các chỉ tiêu cụ thể đến năm 2030`: the year its targets are for
    indicator: bool = False  # a heading names a chỉ tiêu: a `hằng năm` there is a frequency

    @classmethod
    def of(cls, heads: list[str]) -> _Context:
        # the innermost heading that says either decides: `Kết quả thực hiện các chỉ tiêu năm 2023` is history
        context = next((h for h in heads if _PAST_HEADING.search(h) or _TARGET_HEADING.search(h)), "")
        past = _PAST_HEADING.search(context) is not None
        year = next((int(m["y"]) for h in heads if _TARGET_HEADING.search(h) for m in [_YEAR_HEADING.search(h)] if m),
                    None)
        return cls(past=past, targets=not past and _TARGET_HEADING.search(context) is not None, year=year,
                   indicator=any(_INDICATOR_HEADING.search(h) for h in heads))


class _Reader:
    """Reads the targets of one document, paragraph by paragraph, remembering lists announced as targets."""

    def __init__(self, doc: SegmentedDocument, exclusions: Exclusions) -> None:
        self.doc = doc
        self.text = doc.text
        self.exclusions = exclusions
        self.rows: list[Target] = []
        self.zones: list[tuple[int, int]] = []
        self._contexts: dict[int, _Context] = {}
        words = _HAS_PERCENT_WORDS.search(self.text) is not None
        self._percents = [_Index(_PERCENT, self.text), *([_Index(_PERCENT_WORDS, self.text)] if words else [])]
        self._others = [(_Index(_MEASURE, self.text), "measure"), (_Index(_RATE, self.text), "rate"),
                        (_Index(_COUNT, self.text), "count")]

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
        context = self._context(a)
        in_past = not announced and context.past
        in_targets = announced or (not in_past and context.targets)
        label_match = _LABEL.match(text, a, b)
        label = " ".join(label_match["label"].split()).capitalize() if label_match else self._section_label(a)
        announces = _ANNOUNCE.search(text, a, b) is not None
        if in_past:
            return announces
        # `d) Hằng năm, số vụ ... tăng trên 3%; số vụ ... tăng trên 5%`: a leading `Hằng năm` covers every clause
        annual = _ANNUAL_LEAD.match(text, a, b) is not None
        found = False
        for ca, cb in passages.clauses(text, a, b):
            found |= self._clause(ca, cb, a, label, in_targets or label is not None, context.year, annual)
        if label_match and not found:
            self._unnumbered(a, b, label_match.end(), label)
        elif label or context.indicator:
            # a `hằng năm` anywhere in a Chỉ tiêu item is the target's frequency, not a schedule
            self.zones.append((a, b))
        return announces

    def _context(self, offset: int) -> _Context:
        """What the headings above `offset` say, computed once per section (every paragraph asks)."""
        if not self.doc.sections:
            return _Context.of(passages.headings(self.doc, offset))
        i = self.doc.section_at(offset)
        key = -1 if i is None else i
        if key not in self._contexts:
            self._contexts[key] = _Context.of(passages.section_headings(self.doc, i))
        return self._contexts[key]

    def _section_label(self, offset: int) -> str | None:
        i = self.doc.section_at(offset)
        if i is None:
            return None
        s = self.doc.sections[i]
        m = _LABEL.match(f"{s.label}:") or _LABEL.match(s.heading)
        return " ".join(m["label"].split()).capitalize() if m else None

    def _quantities(self, ca: int, cb: int, in_targets: bool) -> list[_Quantity]:
        text, found = self.text, []
        for index in self._percents:
            for m in index.within(ca, cb):
                lo = m.groupdict().get("lo")
                value = parse_number(lo or m["n"])
                if value is not None and value <= 1000:
                    found.append(_Quantity(m.start(), m.end(), value, "%", "percent", floor=lo is not None))
        # a count in words needs a cue, and outside a target section a strong one: only such clauses are read for it
        words: list[regex.Match] = []
        if in_targets or _STRONG_IN.search(text, ca, cb):
            words = list(_COUNT_WORDS.finditer(text, ca, cb))
        for matches, kind in [*((index.within(ca, cb), kind) for index, kind in self._others), (words, "count")]:
            for m in matches:
                start = m.start("n")
                if any(q.start <= start < q.end for q in found):
                    continue
                before = text[max(ca, start - 40):start]
                strong = _STRONG_BEFORE.search(before) is not None
                cued = _COMPARATOR_BEFORE.search(before) or _OWN_BEFORE.search(before)
                owned = in_targets and (kind == "measure" or cued)
                end = m.end()
                if kind == "rate":
                    cut = _RATE_UNIT_END.search(text, m.start("unit"), end)
                    end = cut.start() if cut else end
                    strong = strong and in_targets
                unit = " ".join(text[m.start("unit"):end].split()) if kind == "rate" else " ".join(m["unit"].split())
                if unit in _TIME_UNITS or (unit in _MONEY_UNITS and not in_targets):
                    continue
                # `tổ chức diễn tập tối thiểu một lần/năm` in a task is how often, not how much
                if unit in _RATIO_UNITS and not in_targets and _PER_PERIOD.match(text, end):
                    continue
                value = parse_number(m["n"])
                if value is not None and (strong or owned):
                    found.append(_Quantity(start, end, value, unit, kind))
        return sorted(found, key=lambda q: q.start)

    def _clause(self, ca: int, cb: int, pa: int, label: str | None, in_targets: bool, default_year: int | None,
                lead_annual: bool) -> bool:
        text = self.text
        quantities = [q for q in self._quantities(ca, cb, in_targets) if not self.exclusions.excluded(q.start)]
        rows: list[Target] = []
        ends = [self._part_end(q.end, quantities[k + 1].start) if k + 1 < len(quantities) else cb
                for k, q in enumerate(quantities)]
        for k, q in enumerate(quantities):
            before = text[ca:q.start]
            part_start, after_end = (ends[k - 1] if k else ca), ends[k]
            # past results, and scoring rules (`Nếu đạt 100% cộng 05 điểm`), are not commitments
            if _PAST.search(before[-60:]) or _CONDITIONAL.search(before) or _SCORING_RULE.search(text, ca, cb):
                continue
            # `ngành có tỷ lệ nữ thấp dưới 30% có thể điều chỉnh mục tiêu`: a case the plan allows for
            if _PERMISSIVE.search(text, q.end, cb):
                continue
            if _FROM_BEFORE.search(before) and _TO_AFTER.search(text, q.end, cb):
                continue
            # `chiếm 72%` reports; `chiếm tối thiểu 80%` commits
            if not in_targets and _STATISTIC.search(before[-60:]) and not _STRONG_BEFORE.search(before[-40:]):
                continue
            if q.kind == "percent" and (_SHARE_AFTER.search(text[q.end:q.end + 40]) or _SHARE_BEFORE.search(before)):
                continue
            committed = _COMMITMENT.search(text, ca, cb) or _PASSIVE_AFTER.search(text, q.end, after_end)
            if not in_targets and q.kind == "percent" and (not committed or _PAST_AFTER.search(text[q.end:cb])):
                continue
            annual = (lead_annual or _ANNUAL.search(text, part_start, after_end)
                      or (label and _ANNUAL.search(text, pa, ca)))
            ra, rb = self._trimmed(part_start, after_end)
            rows.append(Target(
                value=q.value, unit=q.unit, comparator=self._comparator(before, q), raw_text=text[ra:rb],
                char_start=ra, char_end=rb, section=self.doc.section_at(ra), label=label,
                indicator=self._indicator(part_start, q, after_end) or (rows[-1].indicator if rows else None),
                change=self._change(before), target_year=self._year(pa, q, after_end) or default_year,
                frequency="annual" if annual else None,
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

    def _year(self, pa: int, q: _Quantity, after_end: int) -> int | None:
        """The stage year: the last `(đến) năm Y` before the quantity in its paragraph, else one right after it."""
        text = self.text
        years = [m for m in _YEAR_BEFORE.finditer(text, pa, q.start) if self._stage_year(m)]
        if years:
            return int(years[-1]["y"])
        m = next((m for m in _YEAR_BEFORE.finditer(text, q.end, after_end) if self._stage_year(m)), None)
        return int(m["y"]) if m else None

    def _stage_year(self, m: regex.Match) -> bool:
        """A year the target is for, not its baseline (`giảm 20% so với mức trung bình năm 2024`) or a citation's."""
        if self.exclusions.excluded(m.start()):
            return False
        return _ONWARDS_AFTER.match(self.text, m.end()) is not None or \
            _BASELINE_BEFORE.search(self.text, max(0, m.start() - 50), m.start()) is None

    def _part_end(self, end: int, next_start: int) -> int:
        """Where the text about one quantity stops: the last comma or `và` before the next quantity."""
        breaks = list(regex.finditer(r",|\svà\s", self.text[end:next_start]))
        return end + breaks[-1].start() if breaks else end

    def _indicator(self, part_start: int, q: _Quantity, after_end: int) -> str | None:
        """What is measured: the noun phrase after a share or a count's unit, else the one before the value
        (`tỷ lệ giải quyết đạt trên 90%`, `Tổng sản phẩm Xoài tham gia xuất khẩu ... đạt 18.000 tấn`)."""
        text = self.text
        after = indicators.after_value(text[q.end:after_end])
        before = indicators.before_value(text[part_start:q.start])
        if q.kind == "percent":
            if len(after.split()) >= 2 and not after.lower().startswith(("tổng số", "so với")):
                return after
            return before or None
        if q.kind in ("measure", "rate") or q.unit in _RATIO_UNITS:
            return before or q.unit
        # a count: its unit heads the phrase (`10 doanh nghiệp công nghệ số mới`, `báo cáo viên` of `cấp tỉnh`)
        if after:
            return f"{q.unit} {after}"
        return f"{q.unit} {before}" if 0 < len(before.split()) <= 6 else q.unit

    def _unnumbered(self, a: int, b: int, body: int, label: str | None) -> None:
        text = self.text
        end = passages.CLAUSE_BREAK.search(text, body, b)
        cb = end.start() if end else b
        change = _CHANGE_WORD.search(text, body, cb)
        indicator = indicators.statement(text[body:cb])
        start, cb = self._trimmed(body, cb)
        self.rows.append(Target(
            value=None, unit=None, comparator=None, raw_text=text[start:cb], char_start=start, char_end=cb,
            section=self.doc.section_at(start), label=label, indicator=indicator or None,
            change=("increase" if change["inc"] else "decrease") if change else None,
            frequency="annual" if _ANNUAL.search(text, body, cb) else None,
        ))
        self.zones.append((a, b))


@functools.lru_cache(maxsize=2)
def _read(doc: SegmentedDocument, exclusions: Exclusions | None) -> _Reader:
    """Cached: the deadlines extractor asks for the zones of the document the targets were just read from."""
    reader = _Reader(doc, exclusions or Exclusions(doc))
    reader.run()
    return reader


def extract(doc: SegmentedDocument, meta: DocumentMeta) -> tuple[Target, ...]:
    return tuple(_read(doc, excluded.for_document(doc, meta)).rows)


def zones(doc: SegmentedDocument, exclusions: Exclusions | None = None) -> list[tuple[int, int]]:
    """Spans of the clauses and `Chỉ tiêu` items that state targets: a `hằng năm` there is a frequency."""
    return _read(doc, exclusions).zones
