"""The load stage: the only code that writes the database.

Each document is written in one transaction, so a crash leaves either the whole
document or none of it. Identity is the SHA-256 of the input bytes: an unchanged file
under the current pipeline version is skipped before any work is done; a changed file
(same path, new bytes) or a new pipeline version replaces the old rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, insert, or_, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from models import records as r
from models import tables as t
from pipeline import PIPELINE_VERSION


def open_engine(target: str) -> Engine:
    """A SQLAlchemy URL (`postgresql+psycopg://...`) or a path to a SQLite file, created with its schema."""
    if "://" in target:
        url = make_url(target)
    else:
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        url = make_url(f"sqlite:///{path}")
    engine = create_engine(url)
    t.Base.metadata.create_all(engine)
    return engine


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def is_current(engine: Engine, sha256: str) -> bool:
    """True when this exact input was already extracted by this pipeline version."""
    with Session(engine) as s:
        version = s.scalar(select(t.Document.pipeline_version).where(t.Document.sha256 == sha256))
    return version == PIPELINE_VERSION


def load_document(engine: Engine, doc: r.ExtractedDocument) -> int:
    """Write one document and its facts, replacing an older version of it; returns the new document id.

    Rows go in as Core bulk inserts (sections one tree level at a time, so parents have ids before
    their children): the loader is the one serial step of a parallel batch, and the ORM's unit of work
    cost several times more than the inserts themselves.
    """
    seg, src = doc.segmented, doc.segmented.normalized.source
    page_at = seg.normalized.page_at
    with Session(engine) as s, s.begin():
        s.execute(
            delete(t.Document).where(
                or_(t.Document.sha256 == src.sha256, t.Document.source_path == src.source_path)
            )
        )
        doc_id = s.execute(insert(t.Document).returning(t.Document.id), [_document_row(doc)]).scalar_one()
        section_ids = _insert_sections(s, seg, doc_id)

        def where(fact: r.Assignment | r.Target | r.Deadline | r.CrossReference) -> dict[str, object]:
            return {
                "document_id": doc_id, "section_id": section_ids[fact.section] if fact.section is not None else None,
                "char_start": fact.char_start, "char_end": fact.char_end, "page": page_at(fact.char_start),
            }

        agency_ids = _agency_ids(s, {a.agency.name: a.agency for a in doc.assignments})
        tables = (
            (t.Assignment, [
                {**where(a), "agency_id": agency_ids[a.agency.name], "role": a.role, "mention": a.mention}
                for a in doc.assignments
            ]),
            (t.Target, [
                {**where(g), "label": g.label, "indicator": g.indicator, "value": g.value, "unit": g.unit,
                 "comparator": g.comparator, "change": g.change, "target_year": g.target_year,
                 "frequency": g.frequency, "raw_text": g.raw_text}
                for g in doc.targets
            ]),
            (t.Deadline, [
                {**where(d), "kind": d.kind, "raw_text": d.raw_text, "date": d.date, "start_date": d.start_date,
                 "end_date": d.end_date, "year": d.year, "recurrence": d.recurrence}
                for d in doc.deadlines
            ]),
            (t.CrossReference, [
                {**where(c), "ref_type": c.ref_type, "number": c.number, "symbol": c.symbol, "code": c.code,
                 "issued_date": c.issued_date, "issuer": c.issuer, "title": c.title, "relation": c.relation,
                 "raw_text": c.raw_text, "warning": c.warning}
                for c in doc.references
            ]),
        )
        for table, rows in tables:
            if rows:
                s.execute(insert(table), rows)
        _link_citations(s, doc_id, doc.meta.doc_number)
        return doc_id


def _document_row(doc: r.ExtractedDocument) -> dict[str, object]:
    m, norm = doc.meta, doc.segmented.normalized
    src = norm.source
    return {
        "source_path": src.source_path, "sha256": src.sha256, "format": src.format,
        "doc_number": m.doc_number, "doc_type": m.doc_type, "title": m.title, "issuer": m.issuer, "place": m.place,
        "issued_date": m.issued_date.isoformat() if m.issued_date else None, "province": m.province,
        "signer": m.signer, "period_start": m.period_start, "period_end": m.period_end, "page_count": src.page_count,
        "ocr_used": src.ocr_used, "ocr_confidence": src.ocr_confidence, "text": norm.text,
        "pipeline_version": PIPELINE_VERSION, "extracted_at": now(),
    }


def _insert_sections(s: Session, seg: r.SegmentedDocument, doc_id: int) -> list[int]:
    """Insert the tree level by level; returns the database id of each section, by index."""
    ids: list[int] = [0] * len(seg.sections)
    text, page_at = seg.text, seg.normalized.page_at
    for level in sorted({sec.level for sec in seg.sections}):
        batch = [sec for sec in seg.sections if sec.level == level]
        rows = [
            {
                "document_id": doc_id, "parent_id": ids[sec.parent] if sec.parent is not None else None,
                "ordinal": sec.ordinal, "level": sec.level, "kind": sec.kind, "label": sec.label, "path": sec.path,
                "heading": sec.heading, "text": text[sec.char_start:sec.own_end], "char_start": sec.char_start,
                "char_end": sec.char_end, "page_start": page_at(sec.char_start),
                "page_end": page_at(max(sec.char_start, sec.char_end - 1)),
            }
            for sec in batch
        ]
        result = s.execute(insert(t.Section).returning(t.Section.id, sort_by_parameter_order=True), rows)
        for sec, section_id in zip(batch, result.scalars(), strict=True):
            ids[sec.index] = section_id
    return ids


def _agency_ids(s: Session, wanted: dict[str, r.AgencyRef]) -> dict[str, int]:
    """One row per canonical name in the whole database: reuse what exists, add the rest."""
    if not wanted:
        return {}
    rows = s.execute(select(t.Agency.name, t.Agency.id).where(t.Agency.name.in_(list(wanted))))
    found: dict[str, int] = {name: agency_id for name, agency_id in rows}
    missing = [a for name, a in wanted.items() if name not in found]
    if missing:
        new = [
            {"name": a.name, "short_name": a.short_name, "level": a.level, "category": a.category,
             "province": a.province}
            for a in missing
        ]
        result = s.execute(insert(t.Agency).returning(t.Agency.id, sort_by_parameter_order=True), new)
        found.update(zip((a.name for a in missing), result.scalars(), strict=True))
    return found


def _link_citations(s: Session, doc_id: int, doc_number: str | None) -> None:
    """Point citations at cited documents in both directions, whichever of the two was loaded first."""
    if doc_number:
        s.execute(
            update(t.CrossReference).where(t.CrossReference.code == doc_number).values(target_document_id=doc_id)
        )
    s.execute(
        text(
            "UPDATE cross_references SET target_document_id = "
            "(SELECT MIN(d.id) FROM documents d WHERE d.doc_number = cross_references.code) "
            "WHERE document_id = :id AND code IS NOT NULL"
        ),
        {"id": doc_id},
    )


@dataclass
class RunLog:
    """The `runs` row of one batch and its `document_errors`, each written in its own short transaction."""

    engine: Engine
    run_id: int = 0

    def start(self, n_found: int) -> None:
        with Session(self.engine) as s, s.begin():
            run = t.Run(started_at=now(), pipeline_version=PIPELINE_VERSION, n_found=n_found)
            s.add(run)
            s.flush()
            self.run_id = run.id

    def error(self, source_path: str, stage: str, error_type: str, message: str) -> None:
        with Session(self.engine) as s, s.begin():
            s.add(t.DocumentError(
                run_id=self.run_id, source_path=source_path, stage=stage, error_type=error_type, message=message
            ))

    def finish(self, n_ok: int, n_skipped: int, n_failed: int) -> None:
        with Session(self.engine) as s, s.begin():
            s.execute(
                update(t.Run).where(t.Run.id == self.run_id).values(
                    finished_at=now(), n_ok=n_ok, n_skipped=n_skipped, n_failed=n_failed
                )
            )
