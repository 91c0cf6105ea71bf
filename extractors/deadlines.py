"""Time commitments of a plan: dates, cycles, periods, years to reach, lengths of time, events.

Each kind has its own recogniser below; they run in a fixed order and a later one never takes
text an earlier one already explained (`Từ năm 2011 đến năm 2015` is one period, not a period
plus a `đến năm 2015` by-year).  Dates and spans that belong to a cited document, a title, the
front matter or the signature block are dropped (see `extractors.excluded`).  A `hằng năm`
inside a target only sets the target's frequency (EXTRACTION.md), so the targets extractor says
where its targets are.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import regex

from extractors import cues, targets
from extractors.excluded import Exclusions
from extractors.vnnumbers import NUMBER, ROMAN, parse_number, roman_to_int
from models.records import Deadline, DocumentMeta, SegmentedDocument

_WORDS = cues.load("time_words")
_alt = cues.alternation
_I = regex.IGNORECASE

_YEAR = r"(?:19|20)\d\d"
_DM = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>" + _YEAR + r"))?(?![\d/])"
_DM_LONG = r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*,?\s*năm\s+(?P<y>" + _YEAR + r"))?"
_DATE = rf"(?:{_DM}|{_DM_LONG})"
_MONTH_YEAR = r"tháng\s+(?P<m{0}>\d{{1,2}})\s*(?:/|-|năm)\s*(?P<y{0}>" + _YEAR + r")"
_UNIT = r"(?P<unit>ngày\s+làm\s+việc|ngày|tháng|năm|tuần|giờ|quý)"
_CYCLE_ITEM = (
    rf"(?:(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần|ngày)|{NUMBER}\s+(?:tháng|năm|quý|tuần)"
    r"|(?:sơ\s+kết|tổng\s+kết|báo\s+cáo)\s+(?:năm|quý|tháng))\b"
)
# between two cycles of one `định kỳ` list: a comma or `và`, after an optional `(trước ngày 16 hàng tháng)`
_CYCLE_SEP = r"(?:\s*\([^()\n]{0,80}\))?\s*(?:,|;|và|hoặc|/)\s*"

_DAY_MONTH = r"\d{1,2}\s*(?:/|\s+tháng\s+)\s*\d{1,2}(?:\s*(?:/|,?\s+năm\s+)\s*" + _YEAR + r")?(?![\d/])"
# `từ ngày 08 đến ngày 10 tháng 12 năm 2025`: a bare first day takes the second date's month and year
_RANGE_DAYS = regex.compile(
    rf"\btừ\s+ngày\s+(?P<a>{_DAY_MONTH}|\d{{1,2}}(?!\s*[/\d]))\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+)?"
    rf"(?P<b>{_DAY_MONTH})",
    _I,
)
_RANGE_MONTHS = regex.compile(
    r"(?:\btừ\s+(?:đầu\s+)?|(?<!\d\s{1,3}))\b" + _MONTH_YEAR.format("1") + r"\s*(?:đến|tới|-|–)\s*(?:hết\s+|cuối\s+)?"
    r"(?:" + _MONTH_YEAR.format("2") + r"|khi\b[^,;.()\n]{0,80})",
    _I,
)
_FROM_NOW = regex.compile(
    r"\btừ\s+nay\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+(?P<y>" + _YEAR + r")|" + _MONTH_YEAR.format("2") + r")",
    _I,
)
_RANGE_YEARS = regex.compile(
    r"(?:\btừ\s+năm\s+|\bgiai\s+đoạn\s+(?:từ\s+)?(?:năm\s+)?|\bnăm\s+|(?<![\d/.-]))(?P<a>" + _YEAR + r")\s*"
    r"(?:-|–|—|đến|tới)\s*(?:hết\s+)?(?:năm\s+)?(?P<b>" + _YEAR + r")(?![\d/])",
    _I,
)
_NOT_PERIOD_BEFORE = regex.compile(_alt(_WORDS["not_periods_after"]) + r"\s*(?:\p{L}+\s*)?$", _I)
_HALF_YEAR = regex.compile(
    r"\b(?:6|06|sáu)\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<y>" + _YEAR + r")|\s+(?P<now>nay))?", _I
)
_QUARTER = regex.compile(
    r"(?<!(?:hằng|hàng|mỗi|từng)\s+)\bquý\s+(?P<q>" + ROMAN + r"|[1-4])\b(?:\s*(?:/|-|năm)\s*(?P<y>" + _YEAR + r"))?",
    _I,
)
_QUARTERS = regex.compile(
    r"(?<!(?:hằng|hàng|mỗi|từng)\s+)\b(?:từ\s+)?quý\s+(?P<q1>" + ROMAN + r"|[1-4])\s*(?:-|–|đến|tới|và|,)\s*(?:hết\s+)?"
    r"(?:quý\s+)?(?P<q2>" + ROMAN + r"|[1-4])\b(?:\s*(?:/|-|năm)\s*(?P<y>" + _YEAR + r"))?",
    _I,
)
# a full date written without `ngày` (`Thời gian hoàn thành: 30/11/2025`, a table cell)
_BARE_DATE = regex.compile(r"(?<![\d/.\p{L}-]\s?)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>" + _YEAR + r")(?![\d/])")
_MONTH = regex.compile(
    r"(?<!(?:hằng|hàng|mỗi|từng)\s+|\d\s{1,3})\btháng\s+(?P<m>\d{1,2})(?:\s*(?:/|-|năm)\s*(?P<y>" + _YEAR + r")|"
    r"(?=\s+(?:hằng|hàng)\s+năm))(?![\d/])",
    _I,
)
# a named day: `“Ngày toàn dân phòng, chống mua bán người - 30/7” năm 2019`, or the same without quotes
_OBSERVANCE = regex.compile(
    r"[“\"](?i:ngày|tháng)\s[^”\"\n]{0,120}?(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])\s*[”\"]"
    r"(?:\s*năm\s+(?P<y>" + _YEAR + r"))?"
    r"|\bNgày\s+(?=\p{L})[^\n;:.()“”\"\d]{0,100}?(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])"
    r"(?:\s*(?:năm\s+)?(?P<y>" + _YEAR + r"))?"
    r"|[“\"](?i:ngày|tháng)\s[^”\"\n\d]{0,120}[”\"]\s*\(\s*(?i:ngày\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])"
)
# `Thời gian thực hiện: Năm 2025`: a year given as the time to do something is that year
_TIME_YEAR = regex.compile(
    r"\bthời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai|tổ\s+chức))?\s*:\s*(?:trong\s+)?"
    r"(?:năm\s+)?(?P<y>" + _YEAR + r")\b(?!\s*[-–/]\s*\d)",
    _I,
)
_DAY = regex.compile(r"\bngày\s+" + _DATE + r"(?:\s+(?P<rel>năm\s+sau|năm\s+nay))?", _I)
# the later dates of `trước ngày 25/6 và 25/12 hằng năm`
_MORE_DAYS = regex.compile(r"\s*(?:,|và|hoặc)\s*(?:ngày\s+)?" + _DM, _I)
_PAST_BEFORE = regex.compile(_alt(_WORDS["past_date_cues"]) + r"(?:\s+\S+){0,3}\s*(?:vào\s+)?$", _I)
_BY_YEAR = regex.compile(
    r"\b" + _alt(_WORDS["by_year_cues"]) + r"\s+(?:hết\s+|cuối\s+)?năm\s+(?P<y>" + _YEAR + r")(?!\s*[-–]\s*\d)", _I
)
_STAGED_YEAR = regex.compile(
    r"(?:,|\bvà)\s*(?P<stage>(?:đến\s+)?năm\s+(?P<y>" + _YEAR + r"))\s*,?\s+(?=đạt|có|phấn\s+đấu|là|tăng|giảm)", _I
)
# after the first cycle of a list a bare `năm`/`quý` is one too: `Định kỳ (6 tháng, năm)`
_LATER_ITEM = rf"(?:{_CYCLE_ITEM}|(?:năm|quý)\b(?!\s*\d))"
_CHAIN = regex.compile(
    rf"\b(?:theo\s+)?định\s+kỳ\s*[:(]?\s*{_CYCLE_ITEM}(?:{_CYCLE_SEP}{_LATER_ITEM})*(?:\s*\([^()\n]{{0,80}}\))?", _I
)
_CHAIN_ITEM = regex.compile(
    rf"(?:(?:hằng|hàng|mỗi|sơ\s+kết|tổng\s+kết|báo\s+cáo)\s+(?P<every>năm|quý|tháng|tuần|ngày)"
    rf"|(?P<n>{NUMBER})\s+(?P<u>tháng|năm|quý|tuần)|(?<=[,(;/]\s*|\b(?:và|hoặc)\s+)(?P<bare>năm|quý)(?!\s*\d))\b",
    _I,
)
_ASIDE = regex.compile(r"\([^()\n]*\)")
_CYCLE = regex.compile(r"\b(?:hằng|hàng|mỗi)\s+(?P<every>năm|quý|tháng|tuần|ngày)\b", _I)
_PER_TIMES = regex.compile(rf"\b(?P<n>{NUMBER})\s+(?P<u>tháng|năm|quý|tuần|ngày)\s*(?:/\s*|một\s+)lần\b", _I)
_YEARLY = regex.compile(r"\bthường\s+niên\b", _I)
_ADJECTIVE_BEFORE = regex.compile(_alt(_WORDS["adjective_of"]) + r"\s*$", _I)
_DURATION = regex.compile(
    rf"\b(?:{_alt(_WORDS['duration_cues'])})\s*:?\s*(?:là\s+)?(?:(?:tối\s+đa|không\s+quá|chậm\s+nhất)\s+)?"
    rf"(?P<n>{NUMBER})(?:\s*[-–]\s*(?P<n2>{NUMBER}))?\s+{_UNIT}\b"
    r"(?!\s*(?:đầu|cuối|qua|trước|gần\s+đây|\d|/))",
    _I,
)
_EVENT = regex.compile(
    rf"\b{_alt(_WORDS['event_cues'])}(?!\s+\d)\s+(?:[^,;.()\n“”\"]|\n(?=[ \t]*\p{{Ll}})){{1,150}}", _I
)
_CELL_YEAR = regex.compile(r"(?<=\|)[ \t*]*(?:năm\s+)?(?P<y>" + _YEAR + r")[ \t*.]*(?=\|)", _I)


#: the kind of a hit that only claims text, so that later recognisers leave it alone
_CLAIM = "claim"


@dataclass(frozen=True)
class _Hit:
    kind: str
    start: int
    end: int
    date: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    year: int | None = None
    recurrence: str | None = None


def _iso(year: int | None, month: int, day: int) -> str | None:
    """ISO date, or `--MM-DD` without a year; None for an impossible date (`31/2`, a page number)."""
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _month_span(year: int | None, month: int) -> tuple[str | None, str | None]:
    if not 1 <= month <= 12:
        return None, None
    last = calendar.monthrange(year or 2000, month)[1]
    return _iso(year, month, 1), _iso(year, month, last)


def _duration(n: float, unit: str) -> str | None:
    unit = " ".join(unit.lower().split())
    code = _WORDS["length_units"].get(unit)
    if code is None or n <= 0:
        return None
    if code == "Q":
        n, code = n * 3, "M"
    amount = int(n) if float(n).is_integer() else n
    return f"PT{amount}H" if code == "H" else f"P{amount}{code}"


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _dm(text: str, inherit: list[int] | None = None) -> str | None:
    """`30/6/2024`, `30 tháng 6`, or a bare day completed from `inherit` (the range's other end)."""
    parts = [int(p) for p in regex.findall(r"\d+", text)]
    parts += (inherit or [])[len(parts):]
    if len(parts) < 2:
        return None
    return _iso(parts[2] if len(parts) > 2 else None, parts[1], parts[0])


class _Context:
    """What the recognisers need to know about the document beyond its text."""

    def __init__(self, text: str, meta: DocumentMeta) -> None:
        self.text = text
        self.issued_year = meta.issued_date.year if meta.issued_date else None


def _range_days(ctx: _Context) -> Iterator[_Hit]:
    for m in _RANGE_DAYS.finditer(ctx.text):
        end_parts = [int(p) for p in regex.findall(r"\d+", m["b"])]
        end = _dm(m["b"])
        start = _dm(m["a"], end_parts)
        if start and end:
            yield _Hit("period", m.start(), m.end(), start_date=start, end_date=end)


def _range_months(ctx: _Context) -> Iterator[_Hit]:
    for m in _RANGE_MONTHS.finditer(ctx.text):
        start, _ = _month_span(int(m["y1"]), int(m["m1"]))
        end = _month_span(int(m["y2"]), int(m["m2"]))[1] if m["m2"] else None
        if start:
            yield _Hit("period", m.start(), m.end(), start_date=start, end_date=end)


def _from_now(ctx: _Context) -> Iterator[_Hit]:
    for m in _FROM_NOW.finditer(ctx.text):
        end = f"{m['y']}-12-31" if m["y"] else _month_span(int(m["y2"]), int(m["m2"]))[1]
        if end:
            yield _Hit("period", m.start(), m.end(), end_date=end)


def _range_years(ctx: _Context) -> Iterator[_Hit]:
    for m in _RANGE_YEARS.finditer(ctx.text):
        a, b = int(m["a"]), int(m["b"])
        if not a < b <= a + 50 or _NOT_PERIOD_BEFORE.search(ctx.text[max(0, m.start() - 30):m.start()]):
            continue
        yield _Hit("period", m.start(), m.end(), start_date=f"{a}-01-01", end_date=f"{b}-12-31")


def _half_year(ctx: _Context) -> Iterator[_Hit]:
    for m in _HALF_YEAR.finditer(ctx.text):
        year = int(m["y"]) if m["y"] else (ctx.issued_year if m["now"] else None)
        first = m["half"].lower() == "đầu"
        yield _Hit("period", m.start(), m.end(), start_date=_iso(year, 1 if first else 7, 1),
                   end_date=_iso(year, 6 if first else 12, 30 if first else 31))


def _quarter(ctx: _Context) -> Iterator[_Hit]:
    for m in _QUARTER.finditer(ctx.text):
        q = roman_to_int(m["q"]) if not m["q"].isdigit() else int(m["q"])
        if q is None or not 1 <= q <= 4:
            continue
        year = _int(m["y"])
        yield _Hit("period", m.start(), m.end(), start_date=_month_span(year, 3 * q - 2)[0],
                   end_date=_month_span(year, 3 * q)[1])


def _quarters(ctx: _Context) -> Iterator[_Hit]:
    for m in _QUARTERS.finditer(ctx.text):
        q1, q2 = (roman_to_int(q) if not q.isdigit() else int(q) for q in (m["q1"], m["q2"]))
        if q1 is None or q2 is None or not 1 <= q1 < q2 <= 4:
            continue
        year = _int(m["y"])
        yield _Hit("period", m.start(), m.end(), start_date=_month_span(year, 3 * q1 - 2)[0],
                   end_date=_month_span(year, 3 * q2)[1])


def _bare_dates(ctx: _Context) -> Iterator[_Hit]:
    for m in _BARE_DATE.finditer(ctx.text):
        value = _iso(int(m["y"]), int(m["m"]), int(m["d"]))
        if value and not _PAST_BEFORE.search(ctx.text[max(0, m.start() - 40):m.start()]):
            yield _Hit("date", m.start(), m.end(), date=value)


def _month(ctx: _Context) -> Iterator[_Hit]:
    for m in _MONTH.finditer(ctx.text):
        start, end = _month_span(_int(m["y"]), int(m["m"]))
        if start:
            yield _Hit("period", m.start(), m.end(), start_date=start, end_date=end)


def _time_years(ctx: _Context) -> Iterator[_Hit]:
    for m in _TIME_YEAR.finditer(ctx.text):
        year = int(m["y"])
        yield _Hit("period", m.start("y"), m.end("y"), start_date=f"{year}-01-01", end_date=f"{year}-12-31")


def _observance(ctx: _Context) -> Iterator[_Hit]:
    for m in _OBSERVANCE.finditer(ctx.text):
        value = _iso(_int(m["y"]), int(m["m"]), int(m["d"]))
        if value:
            yield _Hit("date", m.start(), m.end(), date=value)


def _day(ctx: _Context) -> Iterator[_Hit]:
    for m in _DAY.finditer(ctx.text):
        if _PAST_BEFORE.search(ctx.text[max(0, m.start() - 40):m.start()]):
            continue
        year = _int(m["y"])
        if year is None and m["rel"] and m["rel"].lower().endswith("nay"):
            year = ctx.issued_year
        value = _iso(year, int(m["m"]), int(m["d"]))
        if value:
            yield _Hit("date", m.start(), m.end(), date=value)
        end = m.end()
        while more := _MORE_DAYS.match(ctx.text, end):
            value = _iso(_int(more["y"]) or year, int(more["m"]), int(more["d"]))
            if value:
                yield _Hit("date", more.start("d"), more.end(), date=value)
            end = more.end()


def _by_year(ctx: _Context) -> Iterator[_Hit]:
    for m in _BY_YEAR.finditer(ctx.text):
        yield _Hit("by_year", m.start(), m.end(), year=int(m["y"]))
        # `Đến năm 2013 đạt 85% và năm 2015 đạt 100%`: the later stages are years to reach too
        line_end = ctx.text.find("\n", m.end())
        line_end = len(ctx.text) if line_end < 0 else line_end
        for s in _STAGED_YEAR.finditer(ctx.text, m.end(), line_end):
            yield _Hit("by_year", s.start("stage"), s.end("stage"), year=int(s["y"]))


def _cycle_code(every: str | None, n: str | None, unit: str | None) -> str | None:
    if every:
        return _WORDS["cycle_units"][every.lower()]
    value = parse_number(n or "")
    return _duration(value, unit or "") if value else None


def _chains(ctx: _Context) -> Iterator[_Hit]:
    for chain in _CHAIN.finditer(ctx.text):
        asides = [p.span() for p in _ASIDE.finditer(ctx.text, chain.start(), chain.end())]
        for m in _CHAIN_ITEM.finditer(ctx.text, chain.start(), chain.end()):
            if any(a <= m.start() < b for a, b in asides):
                continue
            code = _cycle_code(m["every"] or m["bare"], m["n"], m["u"])
            if code:
                yield _Hit("recurring", m.start(), m.end(), recurrence=code)
        # the `hàng tháng` of `(trước ngày 16 hàng tháng)` inside the list restates a cycle already read
        yield _Hit(_CLAIM, chain.start(), chain.end())


def _per_times(ctx: _Context) -> Iterator[_Hit]:
    for m in _PER_TIMES.finditer(ctx.text):
        code = _cycle_code(None, m["n"], m["u"])
        if code:
            yield _Hit("recurring", m.start(), m.end(), recurrence=code)


def _cycles(ctx: _Context) -> Iterator[_Hit]:
    for m in _CYCLE.finditer(ctx.text):
        line_start = ctx.text.rfind("\n", max(0, m.start() - 40), m.start()) + 1
        if _ADJECTIVE_BEFORE.search(ctx.text[max(line_start, m.start() - 40):m.start()]):
            continue
        yield _Hit("recurring", m.start(), m.end(), recurrence=_WORDS["cycle_units"][m["every"].lower()])


def _yearly(ctx: _Context) -> Iterator[_Hit]:
    for m in _YEARLY.finditer(ctx.text):
        window = ctx.text[max(0, m.start() - 100):m.end() + 100]
        if not regex.search(r"\b(?:hằng|hàng|mỗi)\s+năm\b", window, _I):
            yield _Hit("recurring", m.start(), m.end(), recurrence="P1Y")


def _durations(ctx: _Context) -> Iterator[_Hit]:
    for m in _DURATION.finditer(ctx.text):
        n = parse_number(m["n2"] or m["n"])
        code = _duration(n, m["unit"]) if n else None
        if code:
            yield _Hit("duration", m.start(), m.end(), recurrence=code)


def _events(ctx: _Context) -> Iterator[_Hit]:
    for m in _EVENT.finditer(ctx.text):
        end = m.end()
        while end > m.start() and ctx.text[end - 1].isspace():
            end -= 1
        yield _Hit("event", m.start(), end)


def _header_row(text: str, offset: int) -> bool:
    """True in a table's first row, where `| Năm 2025 | Năm 2026 |` names columns, not times."""
    line_start = text.rfind("\n", 0, offset) + 1
    previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:line_start].strip()
    return not previous.startswith("|")


def _cell_years(ctx: _Context) -> Iterator[_Hit]:
    for m in _CELL_YEAR.finditer(ctx.text):
        if _header_row(ctx.text, m.start()):
            continue
        year = int(m["y"])
        yield _Hit("period", m.start("y"), m.end("y"), start_date=f"{year}-01-01", end_date=f"{year}-12-31")


#: Recognisers in the order they claim text.
_RECOGNISERS: tuple[Callable[[_Context], Iterator[_Hit]], ...] = (
    _range_days, _range_months, _from_now, _range_years, _half_year, _quarters, _quarter, _month, _observance, _day,
    _bare_dates, _time_years,
    _chains, _per_times, _events, _durations, _by_year, _cycles, _yearly, _cell_years,
)


def _before_issue(hit: _Hit, issued: date | None) -> bool:
    """A date or span over before the plan was issued is history (a past event, an uncaught citation)."""
    if issued is None:
        return False
    if hit.kind == "date" and hit.date and not hit.date.startswith("--"):
        return hit.date < issued.isoformat()
    if hit.kind == "period" and hit.end_date and not hit.end_date.startswith("--"):
        return int(hit.end_date[:4]) < issued.year
    if hit.kind == "by_year" and hit.year:
        return hit.year < issued.year
    return False


def _overlaps(claimed: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in claimed)


def extract(doc: SegmentedDocument, meta: DocumentMeta) -> tuple[Deadline, ...]:
    text = doc.text
    exclusions = Exclusions(doc)
    target_zones = targets.zones(doc, exclusions)
    ctx = _Context(text, meta)
    claimed: list[tuple[int, int]] = []
    hits: list[_Hit] = []
    for recogniser in _RECOGNISERS:
        for hit in recogniser(ctx):
            if hit.kind == _CLAIM:
                claimed.append((hit.start, hit.end))
                continue
            if hit.end <= hit.start or exclusions.excluded(hit.start) or _overlaps(claimed, hit.start, hit.end):
                continue
            if hit.kind == "recurring" and any(a <= hit.start < b for a, b in target_zones):
                continue
            claimed.append((hit.start, hit.end))
            if not _before_issue(hit, meta.issued_date):
                hits.append(hit)
    hits.sort(key=lambda h: h.start)
    return tuple(
        Deadline(
            kind=h.kind, raw_text=text[h.start:h.end], char_start=h.start, char_end=h.end,
            section=doc.section_at(h.start), date=h.date, start_date=h.start_date, end_date=h.end_date,
            year=h.year, recurrence=h.recurrence,
        )
        for h in hits
    )
