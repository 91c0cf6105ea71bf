"""List the bodies plans make responsible, with how many assignments of each role they hold."""

from __future__ import annotations

import argparse

import pandas as pd
from sqlalchemy import text
from sqlalchemy.engine import Engine

from models.records import ROLES

# one row per body; a column per role, counted over the plans the filters keep
_QUERY = """
SELECT g.name, g.level, g.category, a.role, COUNT(*) AS n, COUNT(DISTINCT a.document_id) AS docs
FROM assignments a
JOIN agencies g ON g.id = a.agency_id
JOIN documents d ON d.id = a.document_id
WHERE (:province IS NULL OR d.province = :province)
  AND (:role IS NULL OR a.role = :role)
  AND (:level IS NULL OR g.level = :level)
  AND (:category IS NULL OR g.category = :category)
  AND (:year IS NULL OR CAST(substr(CAST(d.issued_date AS TEXT), 1, 4) AS INTEGER) = :year
       OR (d.issued_date IS NULL AND :year BETWEEN d.period_start AND d.period_end))
GROUP BY g.id, a.role
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--role", choices=ROLES, help="count only this role, and list only bodies that hold it")
    parser.add_argument("--province", help="only plans of this province, e.g. 'Lạng Sơn'")
    parser.add_argument("--level", help="only bodies of this level: central, provincial, district, commune, "
                                        "foreign, collective")
    parser.add_argument("--category", help="only bodies of this category, e.g. police, department")
    parser.add_argument("--year", type=int, help="only plans issued in this year (or covering it, when undated)")
    parser.add_argument("--limit", type=int, default=0, help="show only the first N bodies")
    parser.add_argument("--csv", action="store_true", help="print CSV instead of a table")


def table(engine: Engine, **filters: object) -> pd.DataFrame:
    """Bodies × roles, most assigned first; `documents` counts the plans that name the body."""
    params = {k: filters.get(k) for k in ("province", "role", "level", "category", "year")}
    with engine.connect() as conn:
        rows = pd.read_sql(text(_QUERY), conn, params=params)
    roles = [params["role"]] if params["role"] else list(ROLES)
    if rows.empty:
        return pd.DataFrame(columns=["name", "level", "category", *roles, "total", "documents"])
    wide = rows.pivot_table(index=["name", "level", "category"], columns="role", values="n", aggfunc="sum",
                            fill_value=0)
    wide = wide.reindex(columns=roles, fill_value=0)
    wide["total"] = wide.sum(axis=1)
    wide["documents"] = rows.groupby(["name", "level", "category"])["docs"].max()
    wide = wide.reset_index().sort_values(["total", "name"], ascending=[False, True])
    return wide.astype({r: int for r in [*roles, "total", "documents"]}).reset_index(drop=True)


def run(args: argparse.Namespace, engine: Engine) -> int:
    frame = table(engine, province=args.province, role=args.role, level=args.level, category=args.category,
                  year=args.year)
    if args.limit:
        frame = frame.head(args.limit)
    if args.csv:
        print(frame.to_csv(index=False), end="")
    elif frame.empty:
        print("no bodies match")
    else:
        with pd.option_context("display.max_colwidth", 70, "display.width", 220):
            print(frame.to_string(index=False))
    return 0
