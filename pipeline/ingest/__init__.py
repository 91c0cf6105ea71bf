"""The ingest stage: any supported file → `SourceDocument` (Unicode NFC text, pages).

Each format has a reader module returning `Pages`; this module picks the reader by file
suffix, hashes the raw bytes (document identity) and applies the Unicode clean-up that every
format needs, page by page so that page offsets stay exact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import regex

from models.records import SourceDocument
from pipeline.ingest.errors import IngestError
from pipeline.ingest.html import read_html
from pipeline.ingest.image import SUFFIXES as IMAGE_SUFFIXES
from pipeline.ingest.image import read_image
from pipeline.ingest.pages import Pages
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.text import read_text
from pipeline.ingest.unicode import clean_unicode
from pipeline.ingest.word import read_doc, read_docx

Reader = Callable[[Path, bytes], Pages]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".pdf": read_pdf,
    **dict.fromkeys(IMAGE_SUFFIXES, read_image),
    ".docx": read_docx,
    ".doc": read_doc,
    ".html": read_html,
    ".htm": read_html,
}

__all__ = ["IngestError", "Pages", "READERS", "ingest", "supported"]


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def ingest(path: Path) -> SourceDocument:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"unsupported file type {path.suffix or '(none)'}")
    data = path.read_bytes()
    if not data.strip():
        raise IngestError("empty file")
    pages = reader(path, data)
    texts = [clean_unicode(p) for p in pages.texts]
    if not any(t.strip() for t in texts):
        raise IngestError("no text could be read")
    if not _looks_like_text("".join(texts)):
        raise IngestError("not Vietnamese text (binary data or a wrong encoding)")
    starts, offset = [], 0
    for t in texts:
        starts.append(offset)
        offset += len(t)
    return SourceDocument(
        source_path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format=pages.format,
        text="".join(texts),
        page_starts=tuple(starts) if pages.paged else (),
        ocr_used=pages.ocr_used,
        ocr_confidence=pages.ocr_confidence,
    )


# Vietnamese is written in Latin script; decoded binary comes out as control characters and other scripts.
_FOREIGN = regex.compile(r"[^\p{Latin}\p{Common}\p{Inherited}\s]|[\p{Cc}--[\n\t]]", regex.V1)


def _looks_like_text(text: str, sample: int = 20000) -> bool:
    head = text[:sample]
    letters = len(head) - head.count(" ") - head.count("\n")
    return len(_FOREIGN.findall(head)) <= 0.05 * max(letters, 1)
