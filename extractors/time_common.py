"""What the time recognisers share: the written forms of dates, the hit record, calendar arithmetic.

Every recogniser (`time_points`, `time_cycles`) reads the normalized text and yields `Hit`s; the
deadlines extractor decides which hits become rows.  Dates are ISO strings, or `--MM-DD` where the
text gives no year (EXTRACTION.md); lengths and cycles are ISO 8601 durations.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import regex

from extractors import cues
from models.records import DocumentMeta

_WORDS = cues.load("time_words")

YEAR = r"(?:19|20)\d\d"
DM = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>" + YEAR + r"))?(?![\d/])"
_DM_LONG = r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*,?\s*năm\s+(?P<y>" + YEAR + r"))?"
DATE = rf"(?:{DM}|{_DM_LONG})"
#: `tháng 11/2025`, `tháng 12 năm 2025`; `.format("1")` names its groups `m1`, `y1`
MONTH_YEAR = r"tháng\s+(?P<m{0}>\d{{1,2}})\s*(?:/|-|năm)\s*(?P<y{0}>" + YEAR + r")"

#: the kind of a hit that only claims text, so that later recognisers leave it alone
CLAIM = "claim"


@dataclass(frozen=True)
class Hit:
    """One recognised time expression, typed as the `Deadline` it may become."""

    kind: str
    start: int
    end: int
    date: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    year: int | None = None
    recurrence: str | None = None


def iso(year: int | None, month: int, day: int) -> str | None:
    """ISO date, or `--MM-DD` without a year; None for an impossible date (`31/2`, a page number)."""
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def month_span(year: int | None, month: int) -> tuple[str | None, str | None]:
    """First and last day of a month given as a time (`Tháng 11/2025`), so that periods compare as dates."""
    if not 1 <= month <= 12:
        return None, None
    last = calendar.monthrange(year or 2000, month)[1]
    return iso(year, month, 1), iso(year, month, last)


def duration_code(n: float, unit: str) -> str | None:
    """ISO 8601 for `03 tháng` (P3M), `24 giờ` (PT24H), `2 quý` (P6M): computable lengths, one notation."""
    unit = " ".join(unit.lower().split())
    code = _WORDS["length_units"].get(unit)
    if code is None or n <= 0:
        return None
    if code == "Q":
        n, code = n * 3, "M"
    amount = int(n) if float(n).is_integer() else n
    return f"PT{amount}H" if code == "H" else f"P{amount}{code}"


def to_int(text: str | None) -> int | None:
    return int(text) if text else None


def day_month(text: str, inherit: list[int] | None = None) -> str | None:
    """`30/6/2024`, `30 tháng 6`, or a bare day completed from `inherit` (the range's other end)."""
    parts = [int(p) for p in regex.findall(r"\d+", text)]
    parts += (inherit or [])[len(parts):]
    if len(parts) < 2:
        return None
    return iso(parts[2] if len(parts) > 2 else None, parts[1], parts[0])


class Context:
    """What the recognisers need to know about the document beyond its text: its year of issue, and
    where its targets are (`đạt 50% vào năm 2025` gives a year to reach, `Thực hiện vào năm 2026` a time)."""

    def __init__(self, text: str, meta: DocumentMeta, target_zones: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.issued_year = meta.issued_date.year if meta.issued_date else None
        self.target_zones = target_zones or []

    def in_target(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.target_zones)
