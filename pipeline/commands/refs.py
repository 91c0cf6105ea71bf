"""Who cites a document (`refs 193/QĐ-TTg`), the most-cited documents (`--top 20`), or those nobody cites.

Orders over a column that may be NULL say `nulls_first()`: SQLite puts NULLs first, PostgreSQL last.
"""

from __future__ import annotations

import argparse
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, Select, case, exists, func, select
from sqlalchemy.engine import Engine

from extractors import codes
from models.tables import CrossReference, Document, Section
from pipeline.commands._query import show


def citers(code: str) -> Select[Any]:
    """Every citation of `code` (canonical), in the order the citing plans were issued, undated ones first."""
    return (
        select(Document.doc_number.label("citing"), Document.doc_type, Document.issuer, Document.issued_date,
               Section.path.label("section"), CrossReference.relation,
               CrossReference.issued_date.label("cited_date"), CrossReference.raw_text)
        .select_from(CrossReference)
        .join(Document, Document.id == CrossReference.document_id)
        .outerjoin(Section, Section.id == CrossReference.section_id)
        .where(CrossReference.code == code)
        .order_by(Document.issued_date.nulls_first(), Document.id, CrossReference.char_start)
    )


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """Rows where `condition` holds; PostgreSQL has no SUM over booleans."""
    return func.sum(case((condition, 1), else_=0))


def top(n: int, numbered: bool = False) -> Select[Any]:
    """The `n` documents cited by the most plans.

    Numbered documents are grouped by their code; those cited by name by type and the first words of the name.
    """
    by_name = CrossReference.ref_type + " " + func.substr(CrossReference.title, 1, 60)
    document = func.coalesce(CrossReference.code, by_name).label("document")
    citing_documents = func.count(CrossReference.document_id.distinct()).label("citing_documents")
    citations = func.count().label("citations")
    stmt = (
        select(document, func.max(CrossReference.ref_type).label("ref_type"), citations,
               citing_documents, _count(CrossReference.relation == "basis").label("basis"),
               _count(CrossReference.relation == "implements").label("implements"),
               func.max(case((CrossReference.target_document_id.is_not(None), 1), else_=0)).label("in_database"))
        # by name: a repeated expression repeats its bound parameters, and PostgreSQL takes it for the
        # select list's only when the driver sends them as one
        .group_by("document")
        .order_by(citing_documents.desc(), citations.desc(), document.nulls_first())
        .limit(n)
    )
    if numbered:
        stmt = stmt.where(CrossReference.code.is_not(None))
    return stmt


def uncited() -> Select[Any]:
    """The documents in the database no citation resolves to, undated ones first."""
    return (
        select(Document.doc_number, Document.doc_type, Document.issuer, Document.issued_date, Document.title)
        .where(~exists().where(CrossReference.target_document_id == Document.id))
        .order_by(Document.issued_date.nulls_first(), Document.id)
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", nargs="?", help="the cited document's number, in any spelling (e.g. '1427 / QD-TTG')")
    parser.add_argument("--top", type=int, metavar="N", help="list the N most-cited documents instead")
    parser.add_argument("--uncited", action="store_true", help="list the documents in the database nobody cites")
    parser.add_argument("--numbered", action="store_true", help="with --top: only documents cited by number")
    parser.add_argument("--csv", action="store_true", help="print CSV instead of a table")


def run(args: argparse.Namespace, engine: Engine) -> int:
    if args.top is None and not args.code and not args.uncited:
        print("give a document number (refs 193/QĐ-TTg), --top N or --uncited")
        return 2
    if args.uncited:
        query, empty = uncited(), "every document is cited"
    elif args.top is not None:
        query, empty = top(args.top, args.numbered), "no citations in the database"
    else:
        code = codes.canonical(args.code)
        if code is None:
            print(f"not a document number: {args.code!r}")
            return 2
        query, empty = citers(code), f"nothing cites {code}"
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    show(frame, csv=args.csv, empty=empty, shorten="raw_text")
    return 0
