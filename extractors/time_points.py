"""Recognisers of points and spans on the calendar: dates, periods, years to reach.

`trước ngày 05/01 năm sau`, `“Ngày ... 30/7”`, `Từ năm 2011 đến năm 2015`, `giai đoạn 2016 - 2020`,
`Quý IV/2025`, `Tháng 11/2025`, `6 tháng đầu năm`, `Từ nay đến hết năm 2020`, `Đến năm 2013`, and
the time column of a task table.  Each recogniser yields every match; which ones are the plan's
own commitments is decided by `extractors.deadlines`.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from extractors import cues
from extractors.time_common import (
    DATE,
    DM,
    MONTH_YEAR,
    YEAR,
    Context,
    Hit,
    day_month,
    iso,
    month_span,
    to_int,
)
from extractors.vnnumbers import ROMAN, roman_to_int

_WORDS = cues.load("time_words")
_alt = cues.alternation
_I = regex.IGNORECASE

_DAY_MONTH = r"\d{1,2}\s*(?:/|\s+tháng\s+)\s*\d{1,2}(?:\s*(?:/|,?\s+năm\s+)\s*" + YEAR + r")?(?![\d/])"
# `từ ngày 08 đến ngày 10 tháng 12 năm 2025`: a bare first day takes the second date's month and year
_RANGE_DAYS = regex.compile(
    rf"\btừ\s+ngày\s+(?P<a>{_DAY_MONTH}|\d{{1,2}}(?!\s*[/\d]))\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+)?"
    rf"(?P<b>{_DAY_MONTH})",
    _I,
)
_RANGE_MONTHS = regex.compile(
    r"(?:\btừ\s+(?:đầu\s+)?|(?<!\d\s{1,3}))\b" + MONTH_YEAR.format("1") + r"\s*(?:đến|tới|-|–)\s*(?:hết\s+|cuối\s+)?"
    r"(?:" + MONTH_YEAR.format("2") + r"|khi\b[^,;.()\n]{0,80})"
    # `Tháng 11 - 12/2025`: both months in the year written once
    r"|(?<!\d\s{1,3})\btháng\s+(?P<m1>\d{1,2})\s*(?:-|–|đến)\s*(?:tháng\s+)?(?P<m2>\d{1,2})\s*(?:/|năm)\s*(?P<y1>"
    + YEAR + r")(?![\d/])",
    _I,
)
_FROM_NOW = regex.compile(
    r"\btừ\s+nay\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+(?P<y>" + YEAR + r")|" + MONTH_YEAR.format("2") + r")",
    _I,
)
# `Từ năm 2025 trở đi`: a span with a start and no end
_ONWARDS = regex.compile(r"\btừ\s+năm\s+(?P<y>" + YEAR + r")\s*,?\s*trở\s+đi\b", _I)
# (the years are matched first and the words before them read afterwards: a pattern that may start with
# words tries them at every position of the text, a pattern that starts with a digit does not)
_RANGE_YEARS = regex.compile(
    r"(?<![\d/.-])(?P<a>" + YEAR + r")\s*(?:-|–|—|đến|tới)\s*(?:hết\s+)?(?:năm\s+)?(?P<b>" + YEAR + r")(?![\d/])", _I
)
_RANGE_YEARS_LEAD = regex.compile(r"(?:\btừ\s+năm\s+|\bgiai\s+đoạn\s+(?:từ\s+)?(?:năm\s+)?|\bnăm\s+)$", _I)
_NOT_PERIOD_BEFORE = regex.compile(_alt(_WORDS["not_periods_after"]) + r"\s*(?:\p{L}+\s*)?$", _I)
_HALF_YEAR = regex.compile(
    r"\b(?:6|06|sáu)\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+(?P<y>" + YEAR + r")|\s+(?P<now>nay))?", _I
)
_QUARTER = regex.compile(
    r"(?<!(?:hằng|hàng|mỗi|từng)\s+)\bquý\s+(?P<q>" + ROMAN + r"|[1-4])\b(?:\s*(?:/|-|năm)\s*(?P<y>" + YEAR + r"))?",
    _I,
)
_QUARTERS = regex.compile(
    r"(?<!(?:hằng|hàng|mỗi|từng)\s+)\b(?:từ\s+)?quý\s+(?P<q1>" + ROMAN + r"|[1-4])\s*(?:-|–|đến|tới|và|,)\s*(?:hết\s+)?"
    r"(?:quý\s+)?(?P<q2>" + ROMAN + r"|[1-4])\b(?:\s*(?:/|-|năm)\s*(?P<y>" + YEAR + r"))?",
    _I,
)
# a full date written without `ngày` (`Thời gian hoàn thành: 30/11/2025`, a table cell)
_BARE_DATE = regex.compile(
    r"(?<![\d/.\p{L}-]|\bsố\s|\d\s)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>" + YEAR + r")(?![\d/])"
    # a day and month without `ngày` or year after a limit word: `trước 30/6`, `chậm nhất 15/12`
    r"|(?<=\b(?:trước|chậm\s+nhất|muộn\s+nhất|hạn\s+chót)\s+)(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])",
    _I,
)
_MONTH = regex.compile(
    r"(?<!(?:hằng|hàng|mỗi|từng)\s+|\d\s{1,3})\btháng\s+(?P<m>\d{1,2})(?:\s*(?:/|-|năm)\s*(?P<y>" + YEAR + r")|"
    r"(?=\s+(?:hằng|hàng)\s+năm))(?![\d/])",
    _I,
)
# a named day: `“Ngày toàn dân phòng, chống mua bán người - 30/7” năm 2019`, or the same without quotes
_OBSERVANCE = regex.compile(
    r"[“\"](?i:ngày|tháng)\s[^”\"\n]{0,120}?(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])\s*[”\"]"
    r"(?:\s*năm\s+(?P<y>" + YEAR + r"))?"
    r"|\bNgày\s+(?=\p{L})[^\n;:.()“”\"\d]{0,100}?(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])"
    r"(?:\s*(?:năm\s+)?(?P<y>" + YEAR + r"))?"
    r"|[“\"](?i:ngày|tháng)\s[^”\"\n\d]{0,120}[”\"]\s*\(\s*(?i:ngày\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])"
)
# `Thời gian thực hiện: Năm 2025`: a year given as the time to do something is that year
_TIME_YEAR = regex.compile(
    r"\bthời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai|tổ\s+chức))?\s*:\s*(?:trong\s+)?"
    r"(?:năm\s+)?(?P<y>" + YEAR + r")\b(?!\s*[-–/]\s*\d)",
    _I,
)
_DAY = regex.compile(r"\bngày\s+" + DATE + r"(?:\s+(?P<rel>năm\s+sau|năm\s+nay))?", _I)
# the later dates of `trước ngày 25/6 và 25/12 hằng năm`
_MORE_DAYS = regex.compile(r"\s*(?:,|và|hoặc)\s*(?:ngày\s+)?" + DM, _I)
# `thông qua ngày 29/3/2011`, `có hiệu lực từ ngày 01/01/2018`: the date of something already done
_PAST_BEFORE = regex.compile(r"\b" + _alt(_WORDS["past_date_cues"]) + r"\s+(?:(?:vào|từ|kể\s+từ)\s+)?$", _I)
_BY_YEAR = regex.compile(
    r"\b" + _alt(_WORDS["by_year_cues"]) + r"\s+(?:trong\s+)?(?:hết\s+|cuối\s+)?năm\s+(?P<y>" + YEAR
    + r")(?!\s*[-–]\s*\d)",
    _I,
)
_STAGED_YEAR = regex.compile(
    r"(?:,|\bvà)\s*(?P<stage>(?:đến\s+)?năm\s+(?P<y>" + YEAR + r"))\s*,?\s+(?=đạt|có|phấn\s+đấu|là|tăng|giảm)", _I
)
# `Hoàn thành trong năm 2026`, `tổng kết vào cuối năm 2030`: a year given as the time to do something;
# in a target (`đạt 50% vào năm 2025`, `đạt 20% ngay trong năm 2025`, `Năm 2025 đạt 60%`) the year to reach it
_IN_YEAR = regex.compile(
    r"\b(?P<cue>(?:ngay\s+)?trong|vào)\s+(?:(?P<part>cuối|đầu|giữa)\s+)?năm\s+(?P<y>" + YEAR + r")\b(?!\s*[-–/]\s*\d)"
    r"|\bnăm\s+(?P<stage>" + YEAR + r")\s*,?\s+(?=đạt\b|có\b|phấn\s+đấu\b)",
    _I,
)
# a stage year opens its clause or follows `và` (`Năm 2025 đạt 60% và năm 2030 đạt 80%`), not a noun (`tỷ lệ năm 2023`)
_STAGE_OPENS = regex.compile(r"(?:\bvà\s+|(?<![\p{L}\d]\s?))$", _I)
_CLAUSE_HEAD = regex.compile(r"[^;\n]*$")
_GOAL = regex.compile(r"\b(?:đạt|mục\s+tiêu|chỉ\s+tiêu|phấn\s+đấu)\b|%", _I)
# a cell holding a year, in a one-line row (`| Năm 2026 |`) or a row written one cell per line (`|\n2025\n|`)
_CELL_YEAR = regex.compile(r"\|[ \t*]*\n?[ \t*]*(?:năm\s+)?(?P<y>" + YEAR + r")[ \t*.]*\n?[ \t*]*(?=\|)", _I)
_YEAR_CELL_AFTER = regex.compile(r"\|\s*(?:năm\s+)?" + YEAR + r"[\s*.]*\|", _I)
_YEAR_CELL_BEFORE = regex.compile(r"\|\s*(?:năm\s+)?" + YEAR + r"[\s*.]*\|$", _I)


def range_days(ctx: Context) -> Iterator[Hit]:
    for m in _RANGE_DAYS.finditer(ctx.text):
        end_parts = [int(p) for p in regex.findall(r"\d+", m["b"])]
        end = day_month(m["b"])
        start = day_month(m["a"], end_parts)
        if start and end:
            yield Hit("period", m.start(), m.end(), start_date=start, end_date=end)


def range_months(ctx: Context) -> Iterator[Hit]:
    for m in _RANGE_MONTHS.finditer(ctx.text):
        start, _ = month_span(int(m["y1"]), int(m["m1"]))
        end = month_span(int(m["y2"] or m["y1"]), int(m["m2"]))[1] if m["m2"] else None
        if start:
            yield Hit("period", m.start(), m.end(), start_date=start, end_date=end)


def from_now(ctx: Context) -> Iterator[Hit]:
    for m in _FROM_NOW.finditer(ctx.text):
        end = f"{m['y']}-12-31" if m["y"] else month_span(int(m["y2"]), int(m["m2"]))[1]
        if end:
            yield Hit("period", m.start(), m.end(), end_date=end)


def onwards(ctx: Context) -> Iterator[Hit]:
    for m in _ONWARDS.finditer(ctx.text):
        yield Hit("period", m.start(), m.end(), start_date=f"{m['y']}-01-01")


def range_years(ctx: Context) -> Iterator[Hit]:
    for m in _RANGE_YEARS.finditer(ctx.text):
        a, b = int(m["a"]), int(m["b"])
        lead = _RANGE_YEARS_LEAD.search(ctx.text, max(0, m.start() - 30), m.start())
        start = lead.start() if lead else m.start()
        if not a < b <= a + 50 or _NOT_PERIOD_BEFORE.search(ctx.text[max(0, start - 30):start]):
            continue
        yield Hit("period", start, m.end(), start_date=f"{a}-01-01", end_date=f"{b}-12-31")


def half_year(ctx: Context) -> Iterator[Hit]:
    for m in _HALF_YEAR.finditer(ctx.text):
        year = int(m["y"]) if m["y"] else (ctx.issued_year if m["now"] else None)
        first = m["half"].lower() == "đầu"
        yield Hit("period", m.start(), m.end(), start_date=iso(year, 1 if first else 7, 1),
                   end_date=iso(year, 6 if first else 12, 30 if first else 31))


def quarter(ctx: Context) -> Iterator[Hit]:
    for m in _QUARTER.finditer(ctx.text):
        q = roman_to_int(m["q"]) if not m["q"].isdigit() else int(m["q"])
        if q is None or not 1 <= q <= 4:
            continue
        year = to_int(m["y"])
        yield Hit("period", m.start(), m.end(), start_date=month_span(year, 3 * q - 2)[0],
                   end_date=month_span(year, 3 * q)[1])


def quarters(ctx: Context) -> Iterator[Hit]:
    for m in _QUARTERS.finditer(ctx.text):
        q1, q2 = (roman_to_int(q) if not q.isdigit() else int(q) for q in (m["q1"], m["q2"]))
        if q1 is None or q2 is None or not 1 <= q1 < q2 <= 4:
            continue
        year = to_int(m["y"])
        yield Hit("period", m.start(), m.end(), start_date=month_span(year, 3 * q1 - 2)[0],
                   end_date=month_span(year, 3 * q2)[1])


def bare_dates(ctx: Context) -> Iterator[Hit]:
    for m in _BARE_DATE.finditer(ctx.text):
        value = iso(to_int(m["y"]), int(m["m"]), int(m["d"]))
        if value and not _PAST_BEFORE.search(ctx.text[max(0, m.start() - 40):m.start()]):
            yield Hit("date", m.start(), m.end(), date=value)


def month(ctx: Context) -> Iterator[Hit]:
    for m in _MONTH.finditer(ctx.text):
        start, end = month_span(to_int(m["y"]), int(m["m"]))
        if start:
            yield Hit("period", m.start(), m.end(), start_date=start, end_date=end)


def time_years(ctx: Context) -> Iterator[Hit]:
    for m in _TIME_YEAR.finditer(ctx.text):
        year = int(m["y"])
        yield Hit("period", m.start("y"), m.end("y"), start_date=f"{year}-01-01", end_date=f"{year}-12-31")


def observance(ctx: Context) -> Iterator[Hit]:
    for m in _OBSERVANCE.finditer(ctx.text):
        value = iso(to_int(m["y"]), int(m["m"]), int(m["d"]))
        if value:
            yield Hit("date", m.start(), m.end(), date=value)


def day(ctx: Context) -> Iterator[Hit]:
    for m in _DAY.finditer(ctx.text):
        if _PAST_BEFORE.search(ctx.text[max(0, m.start() - 40):m.start()]):
            continue
        year = to_int(m["y"])
        if year is None and m["rel"] and m["rel"].lower().endswith("nay"):
            year = ctx.issued_year
        value = iso(year, int(m["m"]), int(m["d"]))
        if value:
            yield Hit("date", m.start(), m.end(), date=value)
        end = m.end()
        while more := _MORE_DAYS.match(ctx.text, end):
            value = iso(to_int(more["y"]) or year, int(more["m"]), int(more["d"]))
            if value:
                yield Hit("date", more.start("d"), more.end(), date=value)
            end = more.end()


def by_year(ctx: Context) -> Iterator[Hit]:
    for m in _BY_YEAR.finditer(ctx.text):
        yield Hit("by_year", m.start(), m.end(), year=int(m["y"]))
        # `Đến năm 2013 đạt 85% và năm 2015 đạt 100%`: the later stages are years to reach too
        line_end = ctx.text.find("\n", m.end())
        line_end = len(ctx.text) if line_end < 0 else line_end
        for s in _STAGED_YEAR.finditer(ctx.text, m.end(), line_end):
            yield Hit("by_year", s.start("stage"), s.end("stage"), year=int(s["y"]))


def _goal_before(ctx: Context, offset: int) -> bool:
    """True where the clause before `offset` states something to reach (`đảm bảo mục tiêu 100% ...`)."""
    if ctx.in_target(offset):
        return True
    clause = _CLAUSE_HEAD.search(ctx.text, max(0, offset - 200), offset)
    return clause is not None and _GOAL.search(clause.group()) is not None


def in_years(ctx: Context) -> Iterator[Hit]:
    for m in _IN_YEAR.finditer(ctx.text):
        if m["stage"]:
            if ctx.in_target(m.start()) and _STAGE_OPENS.search(ctx.text, max(0, m.start() - 5), m.start()):
                yield Hit("by_year", m.start(), m.end("stage"), year=int(m["stage"]))
            continue
        year = int(m["y"])
        if not m["part"] and ctx.in_target(m.start()):
            yield Hit("by_year", m.start(), m.end(), year=year)
        elif m["cue"].lower() == "vào" and not m["part"]:
            # (`vào năm 1965` outside a goal is narrative, not a time the plan sets)
            if _goal_before(ctx, m.start()):
                yield Hit("by_year", m.start(), m.end(), year=year)
        else:
            yield Hit("period", m.start(), m.end(), start_date=f"{year}-01-01", end_date=f"{year}-12-31")


_YEAR_LABEL = regex.compile(r"\|[ \t*]*(?:năm\s+)?" + YEAR + r"[ \t*]*(?=\|)", _I)


def _header_row(text: str, offset: int) -> bool:
    """True in a row that names columns, not times: a table's first row, or a row of year labels
    (`| Năm 2026 | Năm 2027 | ... |` under a header cell `GIAI ĐOẠN 2026 - 2030`)."""
    line_start = text.rfind("\n", 0, offset) + 1
    previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:line_start].strip()
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    return not previous.startswith("|") or len(_YEAR_LABEL.findall(text, line_start, line_end)) >= 2


def _label_cells(text: str, m: regex.Match) -> bool:
    """True where a year cell sits between other year cells: a row of column labels, one cell per line."""
    return (_YEAR_CELL_AFTER.match(text, m.end()) is not None
            or _YEAR_CELL_BEFORE.search(text, max(0, m.start() - 20), m.start() + 1) is not None)


def cell_years(ctx: Context) -> Iterator[Hit]:
    for m in _CELL_YEAR.finditer(ctx.text):
        one_cell_per_line = "\n" in m.group()
        if _label_cells(ctx.text, m) if one_cell_per_line else _header_row(ctx.text, m.start()):
            continue
        year = int(m["y"])
        yield Hit("period", m.start("y"), m.end("y"), start_date=f"{year}-01-01", end_date=f"{year}-12-31")
