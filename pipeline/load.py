"""The load stage: the only code that writes the database.

Each document is written in one transaction, so a crash leaves either the whole
document or none of it. Identity is the SHA-256 of the input bytes: an unchanged file
under the current pipeline version is skipped before any work is done; a changed file
(same path, new bytes) or a new pipeline version replaces the old rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, or_, select, text, update
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
    """Write one document and its facts, replacing an older version of it; returns the new document id."""
    seg, src = doc.segmented, doc.segmented.normalized.source
    with Session(engine) as s, s.begin():
        s.execute(
            delete(t.Document).where(
                or_(t.Document.sha256 == src.sha256, t.Document.source_path == src.source_path)
            )
        )
        row = _document_row(doc)
        s.add(row)
        sections = _section_rows(seg, row)
        s.add_all(sections)
        agencies = _agency_rows(s, {a.agency for a in doc.assignments})
        page_at = seg.normalized.page_at
        for a in doc.assignments:
            s.add(t.Assignment(
                document=row, section=_at(sections, a.section), agency=agencies[a.agency.name], role=a.role,
                mention=a.mention, char_start=a.char_start, char_end=a.char_end, page=page_at(a.char_start),
            ))
        for g in doc.targets:
            s.add(t.Target(
                document=row, section=_at(sections, g.section), label=g.label, indicator=g.indicator,
                value=g.value, unit=g.unit, comparator=g.comparator, change=g.change, target_year=g.target_year,
                frequency=g.frequency, raw_text=g.raw_text, char_start=g.char_start, char_end=g.char_end,
                page=page_at(g.char_start),
            ))
        for d in doc.deadlines:
            s.add(t.Deadline(
                document=row, section=_at(sections, d.section), kind=d.kind, raw_text=d.raw_text, date=d.date,
                start_date=d.start_date, end_date=d.end_date, year=d.year, recurrence=d.recurrence,
                char_start=d.char_start, char_end=d.char_end, page=page_at(d.char_start),
            ))
        for c in doc.references:
            s.add(t.CrossReference(
                document=row, section=_at(sections, c.section), ref_type=c.ref_type, number=c.number,
                symbol=c.symbol, code=c.code, issued_date=c.issued_date, issuer=c.issuer, title=c.title,
                relation=c.relation, raw_text=c.raw_text, char_start=c.char_start, char_end=c.char_end,
                page=page_at(c.char_start), warning=c.warning,
            ))
        s.flush()
        _link_citations(s, row)
        return row.id


def _document_row(doc: r.ExtractedDocument) -> t.Document:
    m, norm = doc.meta, doc.segmented.normalized
    src = norm.source
    return t.Document(
        source_path=src.source_path, sha256=src.sha256, format=src.format,
        doc_number=m.doc_number, doc_type=m.doc_type, title=m.title, issuer=m.issuer, place=m.place,
        issued_date=m.issued_date.isoformat() if m.issued_date else None, province=m.province, signer=m.signer,
        period_start=m.period_start, period_end=m.period_end, page_count=src.page_count,
        ocr_used=src.ocr_used, ocr_confidence=src.ocr_confidence, text=norm.text,
        pipeline_version=PIPELINE_VERSION, extracted_at=now(),
    )


def _section_rows(seg: r.SegmentedDocument, document: t.Document) -> list[t.Section]:
    rows: list[t.Section] = []
    text, page_at = seg.text, seg.normalized.page_at
    for sec in seg.sections:
        rows.append(t.Section(
            document=document, parent=rows[sec.parent] if sec.parent is not None else None,
            ordinal=sec.ordinal, level=sec.level, kind=sec.kind, label=sec.label, path=sec.path,
            heading=sec.heading, text=text[sec.char_start:sec.own_end], char_start=sec.char_start,
            char_end=sec.char_end, page_start=page_at(sec.char_start), page_end=page_at(max(sec.char_start,
                                                                                             sec.char_end - 1)),
        ))
    return rows


def _at(sections: list[t.Section], index: int | None) -> t.Section | None:
    return sections[index] if index is not None else None


def _agency_rows(s: Session, refs: Iterable[r.AgencyRef]) -> dict[str, t.Agency]:
    """One row per canonical name in the whole database: reuse what exists, add the rest."""
    wanted = {a.name: a for a in refs}
    found = {a.name: a for a in s.scalars(select(t.Agency).where(t.Agency.name.in_(wanted)))} if wanted else {}
    for name, a in wanted.items():
        if name not in found:
            found[name] = t.Agency(
                name=name, short_name=a.short_name, level=a.level, category=a.category, province=a.province
            )
            s.add(found[name])
    return found


def _link_citations(s: Session, document: t.Document) -> None:
    """Point citations at cited documents in both directions, whichever of the two was loaded first."""
    if document.doc_number:
        s.execute(
            update(t.CrossReference)
            .where(t.CrossReference.code == document.doc_number)
            .values(target_document_id=document.id)
        )
    s.execute(
        text(
            "UPDATE cross_references SET target_document_id = "
            "(SELECT MIN(d.id) FROM documents d WHERE d.doc_number = cross_references.code) "
            "WHERE document_id = :id AND code IS NOT NULL"
        ),
        {"id": document.id},
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
