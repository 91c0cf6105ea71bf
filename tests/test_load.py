"""The loader and the batch: idempotent re-runs, replacement of changed files, failures that do not stop a batch."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import RAW, seed_text

from pipeline.batch import run_batch
from pipeline.cli import main
from pipeline.load import open_engine


def counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    tables = ["documents", "sections", "agencies", "assignments", "targets", "deadlines", "cross_references"]
    return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    shutil.copytree(RAW, folder)
    return folder


def test_rerun_adds_no_rows_and_skips_every_file(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    first = run_batch([corpus], open_engine(str(db)))
    before = counts(db)
    second = run_batch([corpus], open_engine(str(db)))
    assert (first.ok, first.skipped) == (5, 0)
    assert (second.ok, second.skipped, second.failed) == (0, 5, 0)
    assert counts(db) == before
    runs = sqlite3.connect(db).execute("SELECT n_found, n_ok, n_skipped, n_failed FROM runs ORDER BY id").fetchall()
    assert runs == [(5, 5, 0, 0), (5, 0, 5, 0)]


def test_identical_copy_in_one_batch_is_one_document(corpus: Path, tmp_path: Path) -> None:
    plan = next(corpus.glob("002_*.txt"))
    (corpus / "copy").mkdir()
    shutil.copy(plan, corpus / "copy" / "same_plan.txt")
    db = tmp_path / "p.sqlite"
    result = run_batch([corpus], open_engine(str(db)))
    assert (result.found, result.ok, result.skipped) == (6, 5, 1)
    paths = [p for (p,) in sqlite3.connect(db).execute("SELECT source_path FROM documents")]
    assert len(paths) == 5 and str(plan) in paths


def test_force_replaces_rather_than_duplicates(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    run_batch([corpus], open_engine(str(db)))
    before = counts(db)
    again = run_batch([corpus], open_engine(str(db)), force=True)
    assert again.ok == 5
    assert counts(db) == before


def test_changed_file_replaces_its_rows(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    run_batch([corpus], open_engine(str(db)))
    plan = next(corpus.glob("002_*.txt"))
    plan.write_text(seed_text("002").replace("Sở Ngoại vụ chủ trì", "Sở Ngoại vụ tỉnh chủ trì"), encoding="utf-8")
    result = run_batch([corpus], open_engine(str(db)))
    assert (result.ok, result.skipped) == (1, 4)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT text FROM documents WHERE source_path = ?", (str(plan),)).fetchall()
    assert len(rows) == 1 and "Sở Ngoại vụ tỉnh chủ trì" in rows[0][0]
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5


def test_failing_file_is_recorded_and_the_batch_goes_on(corpus: Path, tmp_path: Path, capsys) -> None:
    (corpus / "broken.txt").write_bytes(b"")
    (corpus / "notes.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00garbage" * 10)
    db = tmp_path / "p.sqlite"
    result = run_batch([corpus], open_engine(str(db)))
    assert (result.found, result.ok, result.failed) == (7, 5, 2)
    errors = sqlite3.connect(db).execute("SELECT source_path, stage, message FROM document_errors").fetchall()
    assert {Path(p).name for p, _, _ in errors} == {"broken.txt", "notes.txt"}
    assert all(stage == "ingest" and message for _, stage, message in errors)
    err = capsys.readouterr().err
    assert "broken.txt: ingest: empty file" in err


def test_cli_summary_and_exit_status(corpus: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "p.sqlite"
    assert main(["extract", str(corpus), "--db", str(db), "--workers", "2"]) == 0
    assert "found 5, extracted 5, skipped 0, failed 0" in capsys.readouterr().out
    assert main(["extract", str(corpus), "--db", str(db)]) == 0
    assert "found 5, extracted 0, skipped 5, failed 0" in capsys.readouterr().out
    (corpus / "empty.md").write_text("   \n", encoding="utf-8")
    assert main(["extract", str(corpus), str(tmp_path / "missing.txt"), "--db", str(db)]) == 1
    out = capsys.readouterr()
    assert "found 7, extracted 0, skipped 5, failed 2" in out.out
    assert "missing.txt: ingest: no such file" in out.err


def test_sqlalchemy_url_is_accepted(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "url.sqlite"
    result = run_batch([next(corpus.glob("000_*.txt"))], open_engine(f"sqlite:///{db}"))
    assert result.ok == 1 and counts(db)["documents"] == 1


def test_offsets_point_into_the_stored_text(seeds_db: Path) -> None:
    con = sqlite3.connect(seeds_db)
    texts = dict(con.execute("SELECT id, text FROM documents"))
    sections = con.execute("SELECT document_id, char_start, char_end, kind, label, text FROM sections").fetchall()
    assert sections, "the seeds have sections"
    for doc_id, start, end, kind, label, own in sections:
        span = texts[doc_id][start:end]
        assert span.startswith(own)
        if kind not in ("dash", "plus", "named"):
            assert label.split(" ")[-1] in span[:40], (label, span[:40])
    for table in ("assignments", "targets", "deadlines", "cross_references"):
        for doc_id, start, end in con.execute(f"SELECT document_id, char_start, char_end FROM {table}"):
            assert 0 <= start < end <= len(texts[doc_id])
