"""Citation extraction throughput on the real corpus: metadata and cross-references only, one core.

The texts are segmented once, outside the timing, so the figure is the extractors' own speed
(eyecite, a comparable citation finder, measured about 1 MB/s here).
"""

from __future__ import annotations

import time
from pathlib import Path

from extractors import metadata, references
from pipeline.ingest import ingest
from pipeline.normalize import normalize
from pipeline.segment import segment

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus-real"


def run() -> dict[str, float]:
    docs = [segment(normalize(ingest(path))) for path in sorted(CORPUS.glob("*.md"))]
    megabytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    started = time.perf_counter()
    metas = [metadata.extract(d) for d in docs]
    meta_seconds = time.perf_counter() - started
    started = time.perf_counter()
    found = sum(len(references.extract(d, m)) for d, m in zip(docs, metas, strict=True))
    ref_seconds = time.perf_counter() - started
    return {
        "documents": len(docs),
        "megabytes": megabytes,
        "citations": found,
        "references_mb_per_s": megabytes / ref_seconds,
        "metadata_mb_per_s": megabytes / meta_seconds,
        "metadata_and_references_mb_per_s": megabytes / (ref_seconds + meta_seconds),
    }
