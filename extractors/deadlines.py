"""Time commitments of a plan: dates, cycles, periods, years to reach, lengths of time, events.

The recognisers (`time_points`, `time_cycles`) run in a fixed order and a later one never takes
text an earlier one already explained (`Từ năm 2011 đến năm 2015` is one period, not a period
plus a `đến năm 2015` by-year).  Dates and spans that belong to a cited document, a title, the
front matter or the signature block are dropped (see `extractors.excluded`), and so are those
over before the plan was issued.  A `hằng năm` inside a target only sets the target's frequency
(EXTRACTION.md), so the targets extractor says where its targets are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import regex

from extractors import excluded, targets
from extractors import time_cycles as cycles
from extractors import time_points as points
from extractors.time_common import CLAIM, Context, Hit
from models.records import Deadline, DocumentMeta, SegmentedDocument

#: Recognisers in the order they claim text.
_RECOGNISERS: tuple[Callable[[Context], Iterator[Hit]], ...] = (
    points.range_days, points.range_months, points.from_now, points.onwards, points.range_years, points.half_year,
    points.quarters, points.quarter, points.month, points.observance, points.day, points.bare_dates,
    points.time_years, cycles.chains, cycles.per_times, cycles.events, cycles.durations, points.by_year,
    points.in_years, cycles.cycles, cycles.yearly, points.cell_years,
)


# `Thời gian hoàn thành: Trước ngày 15/11/2025.`: a labelled time field is the plan's own, even where the plan
# was signed after it (drafted earlier, or setting a step that was already under way)
_TIME_FIELD = regex.compile(
    r"\bthời\s+(?:gian|hạn)(?:\s+\p{L}+){0,3}\s*:\s*(?:(?:trước|chậm\s+nhất|từ|trong)\s+)?(?:ngày\s+)?$",
    regex.IGNORECASE,
)


def _before_issue(text: str, hit: Hit, issued: date | None) -> bool:
    """A date or span over before the plan was issued is history (a past event, an uncaught citation)."""
    if issued is None or _TIME_FIELD.search(text, max(0, hit.start - 60), hit.start):
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
    exclusions = excluded.for_document(doc, meta)
    target_zones = targets.zones(doc, exclusions)
    ctx = Context(text, meta, target_zones)
    claimed: list[tuple[int, int]] = []
    hits: list[Hit] = []
    for recogniser in _RECOGNISERS:
        for hit in recogniser(ctx):
            if hit.kind == CLAIM:
                claimed.append((hit.start, hit.end))
                continue
            if hit.end <= hit.start or exclusions.excluded(hit.start) or _overlaps(claimed, hit.start, hit.end):
                continue
            if hit.kind == "recurring" and ctx.in_target(hit.start):
                continue
            claimed.append((hit.start, hit.end))
            if not _before_issue(text, hit, meta.issued_date):
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
