"""List the time commitments of plans: dates, cycles, periods, years, durations, events."""

from __future__ import annotations

import argparse
from datetime import date

import pandas as pd
from sqlalchemy import text
from sqlalchemy.engine import Engine

# The day a row is due, where the text gives one with its year: a date, the end of a period,
# the last day of a by-year.  Cycles, durations, events and dates without a year have none.
_DUE = """
CASE
  WHEN dl.kind = 'date' AND dl.date NOT LIKE '--%' THEN dl.date
  WHEN dl.kind = 'period' AND dl.end_date NOT LIKE '--%' THEN dl.end_date
  WHEN dl.kind = 'by_year' AND dl.year IS NOT NULL THEN printf('%04d-12-31', dl.year)
END
"""
_QUERY = f"""
SELECT * FROM (
  SELECT d.doc_number, d.province, s.path AS section, dl.kind, dl.date, dl.start_date, dl.end_date, dl.year,
         dl.recurrence, {_DUE} AS due, dl.raw_text
  FROM deadlines dl
  JOIN documents d ON d.id = dl.document_id
  LEFT JOIN sections s ON s.id = dl.section_id
  WHERE (:kind IS NULL OR dl.kind = :kind)
    AND (:province IS NULL OR d.province = :province)
  ORDER BY d.id, dl.char_start
)
WHERE :before IS NULL OR (due IS NOT NULL AND due < :before)
"""


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
    params = {"before": args.due_before, "kind": args.kind, "province": args.province}
    with engine.connect() as conn:
        frame = pd.read_sql(text(_QUERY), conn, params=params, dtype={"year": "Int64"})
    if args.csv:
        print(frame.to_csv(index=False), end="")
    elif frame.empty:
        print("no deadlines match")
    else:
        # the full text is in the database and in --csv; the table shows the start of it
        frame["raw_text"] = frame["raw_text"].str.slice(0, 60)
        print(frame.to_string(index=False))
    return 0
