"""Shared fixtures: the seed plans, the shared corpus, and a database extracted from the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.records import ExtractedDocument, SegmentedDocument, SourceDocument
from pipeline.extract import extract
from pipeline.normalize import normalize
from pipeline.segment import segment

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SHARED = ROOT.parent / "shared"
SEEDS = sorted(RAW.glob("*.txt"))


def seed_text(stem_prefix: str) -> str:
    """The text of the seed whose file name starts with `stem_prefix` (e.g. "002")."""
    (path,) = [p for p in SEEDS if p.name.startswith(stem_prefix)]
    return path.read_text(encoding="utf-8")


def segmented(text: str, name: str = "test.txt") -> SegmentedDocument:
    """Run normalize and segment over text written in a test."""
    src = SourceDocument(source_path=name, sha256="0" * 64, format="txt", text=text)
    return segment(normalize(src))


def extracted(text: str, name: str = "test.txt") -> ExtractedDocument:
    return extract(segmented(text, name))


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database extracted from the shipped seed plans, once per test session."""
    from pipeline.batch import run_batch
    from pipeline.load import open_engine

    db = tmp_path_factory.mktemp("seeds") / "plans.sqlite"
    result = run_batch([RAW], open_engine(str(db)), workers=1)
    assert result.failed == 0, result.errors
    return db
