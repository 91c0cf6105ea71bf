"""One file through the pure stages: ingest → normalize → segment → extract."""

from __future__ import annotations

from pathlib import Path

from models.records import ExtractedDocument
from pipeline.extract import extract
from pipeline.ingest import ingest
from pipeline.normalize import normalize
from pipeline.segment import segment


class StageError(Exception):
    """A failure inside one stage; `stage` names it for `document_errors` and the console."""

    def __init__(self, stage: str, cause: BaseException) -> None:
        super().__init__(str(cause) or type(cause).__name__)
        self.stage = stage
        self.error_type = type(cause).__name__


def process_file(path: Path) -> ExtractedDocument:
    stage = "ingest"
    try:
        src = ingest(path)
        stage = "normalize"
        norm = normalize(src)
        stage = "segment"
        seg = segment(norm)
        stage = "extract"
        return extract(seg)
    except Exception as exc:  # any failure of one file is reported, never fatal to the batch
        raise StageError(stage, exc) from exc
