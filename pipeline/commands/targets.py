"""List the targets (chỉ tiêu) plans commit to, with their typed values."""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd
from sqlalchemy import Select, select
from sqlalchemy.engine import Engine

from models.tables import Document, Section, Target
from pipeline.commands._query import show, where_given


def query(province: str | None = None, unit: str | None = None, year: int | None = None) -> Select[Any]:
    """The targets the filters keep, in the order of the plans and of their text."""
    stmt = (
        select(Document.doc_number, Document.province, Section.path.label("section"), Target.label,
               Target.indicator, Target.comparator, Target.value, Target.unit, Target.change, Target.target_year,
               Target.frequency)
        .select_from(Target)
        .join(Document, Document.id == Target.document_id)
        .outerjoin(Section, Section.id == Target.section_id)
        .order_by(Document.id, Target.char_start)
    )
    return where_given(stmt, (Document.province, province), (Target.unit, unit), (Target.target_year, year))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--province", help="only plans of this province, e.g. 'Lạng Sơn'")
    parser.add_argument("--unit", help="only targets in this unit, e.g. '%%' or 'báo cáo viên'")
    parser.add_argument("--year", type=int, help="only targets to reach in this year")
    parser.add_argument("--csv", action="store_true", help="print CSV instead of a table")


def run(args: argparse.Namespace, engine: Engine) -> int:
    with engine.connect() as conn:
        frame = pd.read_sql(query(args.province, args.unit, args.year), conn,
                            dtype={"target_year": "Int64", "value": "Float64"})
    show(frame, csv=args.csv, empty="no targets match", shorten="indicator")
    return 0
