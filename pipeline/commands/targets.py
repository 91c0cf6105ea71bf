"""List the targets (chỉ tiêu) plans commit to, with their typed values."""

from __future__ import annotations

import argparse

import pandas as pd
from sqlalchemy import text
from sqlalchemy.engine import Engine

_QUERY = """
SELECT d.doc_number, d.province, s.path AS section, t.label, t.indicator, t.comparator, t.value, t.unit,
       t.change, t.target_year, t.frequency
FROM targets t
JOIN documents d ON d.id = t.document_id
LEFT JOIN sections s ON s.id = t.section_id
WHERE (:province IS NULL OR d.province = :province)
  AND (:unit IS NULL OR t.unit = :unit)
  AND (:year IS NULL OR t.target_year = :year)
ORDER BY d.id, t.char_start
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--province", help="only plans of this province, e.g. 'Lạng Sơn'")
    parser.add_argument("--unit", help="only targets in this unit, e.g. '%%' or 'báo cáo viên'")
    parser.add_argument("--year", type=int, help="only targets to reach in this year")
    parser.add_argument("--csv", action="store_true", help="print CSV instead of a table")


def run(args: argparse.Namespace, engine: Engine) -> int:
    params = {"province": args.province, "unit": args.unit, "year": args.year}
    with engine.connect() as conn:
        frame = pd.read_sql(text(_QUERY), conn, params=params, dtype={"target_year": "Int64", "value": "Float64"})
    if args.csv:
        print(frame.to_csv(index=False), end="")
    elif frame.empty:
        print("no targets match")
    else:
        # the full text is in the database and in --csv; the table shows the start of it
        frame["indicator"] = frame["indicator"].str.slice(0, 60)
        print(frame.to_string(index=False))
    return 0
