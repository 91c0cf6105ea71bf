"""Who cites a document (`refs 193/QĐ-TTg`), the most-cited documents (`--top 20`), or those nobody cites."""

from __future__ import annotations

import argparse

import pandas as pd
from sqlalchemy import text
from sqlalchemy.engine import Engine

from extractors import codes

_CITERS = """
SELECT d.doc_number AS citing, d.doc_type, d.issuer, d.issued_date, s.path AS section, c.relation,
       c.issued_date AS cited_date, c.raw_text
FROM cross_references c
JOIN documents d ON d.id = c.document_id
LEFT JOIN sections s ON s.id = c.section_id
WHERE c.code = :code
ORDER BY d.issued_date, d.id, c.char_start
"""
# Numbered documents by their code; those cited by name by type and the first words of the name.
_TOP = """
SELECT COALESCE(c.code, c.ref_type || ' ' || SUBSTR(c.title, 1, 60)) AS document,
       MAX(c.ref_type) AS ref_type,
       COUNT(*) AS citations,
       COUNT(DISTINCT c.document_id) AS citing_documents,
       SUM(c.relation = 'basis') AS basis,
       SUM(c.relation = 'implements') AS implements,
       MAX(c.target_document_id IS NOT NULL) AS in_database
FROM cross_references c
WHERE :numbered = 0 OR c.code IS NOT NULL
GROUP BY document
ORDER BY citing_documents DESC, citations DESC, document
LIMIT :top
"""

_UNCITED = """
SELECT d.doc_number, d.doc_type, d.issuer, d.issued_date, d.title
FROM documents d
WHERE NOT EXISTS (SELECT 1 FROM cross_references c WHERE c.target_document_id = d.id)
ORDER BY d.issued_date, d.id
"""


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
        query, params, empty = _UNCITED, {}, "every document is cited"
    elif args.top is not None:
        query, params, empty = _TOP, {"top": args.top, "numbered": int(args.numbered)}, "no citations in the database"
    else:
        code = codes.canonical(args.code)
        if code is None:
            print(f"not a document number: {args.code!r}")
            return 2
        query, params, empty = _CITERS, {"code": code}, f"nothing cites {code}"
    with engine.connect() as conn:
        frame = pd.read_sql(text(query), conn, params=params)
    if args.csv:
        print(frame.to_csv(index=False), end="")
    elif frame.empty:
        print(empty)
    else:
        if "raw_text" in frame:  # the whole citation is in --csv; the table shows its start
            frame["raw_text"] = frame["raw_text"].str.slice(0, 60)
        print(frame.to_string(index=False))
    return 0
