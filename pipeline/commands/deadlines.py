"""List the time commitments of plans: dates, cycles, periods, years, durations, events."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, Select, Text, and_, case, cast, select
from sqlalchemy.engine import Engine

from models.tables import Deadline, Document, Section
from pipeline.commands._query import show, where_given


def _due() -> ColumnElement[str]:
    """The day a row is due, where the text gives one with its year: a date, the end of a period,
    the last day of a by-year.  Cycles, durations, events and dates without a year (`--07-30`) have none.

    ISO dates compare as strings, so `--due-before` needs no date type, which SQLite lacks.
    """
    return case(
        (and_(Deadline.kind == "date", Deadline.date.not_like("--%")), Deadline.date),
        (and_(Deadline.kind == "period", Deadline.end_date.not_like("--%")), Deadline.end_date),
        (and_(Deadline.kind == "by_year", Deadline.year.is_not(None)), cast(Deadline.year, Text) + "-12-31"),
    )


def query(kind: str | None = None, province: str | None = None, before: str | None = None) -> Select[Any]:
    """The deadlines the filters keep, in the order of the plans and of their text."""
    due = _due()
    stmt = (
        select(Document.doc_number, Document.province, Section.path.label("section"), Deadline.kind, Deadline.date,
               Deadline.start_date, Deadline.end_date, Deadline.year, Deadline.recurrence, due.label("due"),
               Deadline.raw_text)
        .select_from(Deadline)
        .join(Document, Document.id == Deadline.document_id)
        .outerjoin(Section, Section.id == Deadline.section_id)
        .order_by(Document.id, Deadline.char_start)
    )
    if before is not None:
        stmt = stmt.where(due < before)  # rows with no due day compare as NULL and drop out
    return where_given(stmt, (Deadline.kind, kind), (Document.province, province))


def _iso_date(value: str) -> str:
    """Accept `2025-12-31` or a bare year (`2025` → before 2025-01-01)."""
    if value.isdigit() and len(value) == 4:
        return f"{value}-01-01"
    return date.fromisoformat(value).isoformat()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--due-before", type=_iso_date, metavar="DATE",
                        help="only rows due before this ISO date (dates, ends of periods, by-years)")
    parser.add_argument("--kind", choices=("date", "recurring", "period", "by_year", "duration", "event"))
    parser.add_argument("--province", help="only plans of this province")
    parser.add_argument("--csv", action="store_true", help="print CSV instead of a table")


def run(args: argparse.Namespace, engine: Engine) -> int:
    with engine.connect() as conn:
        frame = pd.read_sql(query(args.kind, args.province, args.due_before), conn, dtype={"year": "Int64"})
    show(frame, csv=args.csv, empty="no deadlines match", shorten="raw_text")
    return 0
