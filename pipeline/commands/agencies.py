"""List the bodies plans make responsible, with how many assignments of each role they hold."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd
from sqlalchemy import Select, func, or_, select
from sqlalchemy.engine import Engine

from models.records import ROLES
from models.tables import Agency, Assignment, Document
from pipeline.commands._query import show, where_given


def query(province: str | None = None, role: str | None = None, level: str | None = None,
          category: str | None = None, year: int | None = None) -> Select[Any]:
    """One row per body and role, counted over the assignments the filters keep."""
    stmt = (
        select(Agency.name, Agency.level, Agency.category, Assignment.role, func.count().label("n"),
               func.count(Assignment.document_id.distinct()).label("docs"))
        .select_from(Assignment)
        .join(Agency, Agency.id == Assignment.agency_id)
        .join(Document, Document.id == Assignment.document_id)
        .group_by(Agency.id, Agency.name, Agency.level, Agency.category, Assignment.role)
    )
    if year is not None:
        # `issued_date` is ISO text; an undated plan counts for every year of its period
        stmt = stmt.where(or_(
            func.substr(Document.issued_date, 1, 4) == f"{year:04d}",
            Document.issued_date.is_(None) & (Document.period_start <= year) & (Document.period_end >= year),
        ))
    return where_given(stmt, (Document.province, province), (Assignment.role, role), (Agency.level, level),
                       (Agency.category, category))


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
    with engine.connect() as conn:
        rows = pd.read_sql(query(**filters), conn)
    roles = [filters["role"]] if filters.get("role") else list(ROLES)
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
    show(frame, csv=args.csv, empty="no bodies match")
    return 0
