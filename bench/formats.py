"""Formats: each folder of ../shared/corpus scored against the gold beside the .txt seeds, and reader speeds.

The check of issue 6: text PDF, Word, .doc and legacy encodings within 0.02 of the .txt score,
scans and images at least 0.95× of it (overall F1 over the same documents). Speeds: text-PDF
pages/s with the pypdfium2 reader we use and with pdfplumber, and OCR seconds/page, ours (render,
deskew, Tesseract) beside bare `tesseract` on the same page. Set VNPLANS_BENCH_OCR=0 to skip the
OCR folders, which take a minute or two on two cores.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
import pypdfium2

from pipeline.batch import run_batch
from pipeline.ingest import ocr
from pipeline.ingest.pdf import read_pdf
from pipeline.load import open_engine

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
TEXT_FOLDERS = ("pdf", "docx", "doc", "legacy")
OCR_FOLDERS = ("scanned", "images")


def run() -> dict[str, float]:
    figures: dict[str, float] = {}
    ocr_on = os.environ.get("VNPLANS_BENCH_OCR", "1") != "0"
    with tempfile.TemporaryDirectory(prefix="vnplans-bench-") as tmp:
        txt_db = _extract([ROOT / "data" / "raw"], Path(tmp) / "txt.sqlite")
        for folder in TEXT_FOLDERS + (OCR_FOLDERS if ocr_on else ()):
            stems = _scored_stems(CORPUS / folder)
            db = _extract([CORPUS / folder], Path(tmp) / f"{folder}.sqlite")
            figures[f"{folder}_f1"] = _score(db, stems)
            figures[f"{folder}_txt_f1"] = _score(txt_db, stems)
            figures[f"{folder}_minus_txt"] = figures[f"{folder}_f1"] - figures[f"{folder}_txt_f1"]
            figures[f"{folder}_ratio_to_txt"] = figures[f"{folder}_f1"] / figures[f"{folder}_txt_f1"]
    figures.update(_pdf_speed())
    if ocr_on:
        figures.update(_ocr_speed())
    return figures


def _scored_stems(folder: Path) -> list[str]:
    """Gold files the folder's documents are scored against: the scorer matches the name before the first dot,
    so a page image such as `002_x_p1.png` is scored against nothing and its seed must not count as missed."""
    gold = {g.name.split(".")[0] for g in (SHARED / "gold").glob("*.json")}
    return sorted({f.name.split(".")[0] for f in folder.iterdir()} & gold)


def _extract(paths: list[Path], db: Path) -> Path:
    result = run_batch(paths, open_engine(str(db)), workers=os.cpu_count() or 1, force=True)
    if result.failed:
        print(f"  {result.failed} failed: {result.errors}", file=sys.stderr)
    return db


def _score(db: Path, stems: list[str]) -> float:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            [sys.executable, str(SHARED / "tools" / "score.py"), str(db), str(SHARED / "gold"),
             "--json", out.name, "--only", *stems],
            check=True, capture_output=True,
        )  # fmt: skip
        return json.loads(Path(out.name).read_text(encoding="utf-8"))["overall_f1"]


def _pdf_speed() -> dict[str, float]:
    files = sorted((CORPUS / "pdf").glob("*.pdf"))
    pages = sum(len(pypdfium2.PdfDocument(f)) for f in files)
    started = time.perf_counter()
    for f in files:
        read_pdf(f, f.read_bytes())
    ours = time.perf_counter() - started
    started = time.perf_counter()
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
    plumber = time.perf_counter() - started
    return {"text_pdf_pages": pages, "text_pdf_pages_per_s_pypdfium2": pages / ours,
            "text_pdf_pages_per_s_pdfplumber": pages / plumber}  # fmt: skip


def _ocr_speed() -> dict[str, float]:
    """One scanned page: our whole path on one core, and bare Tesseract on the rendered page."""
    pdf = pypdfium2.PdfDocument(next((CORPUS / "scanned").glob("002_*.pdf")))
    started = time.perf_counter()
    image = ocr.render(pdf[0])
    ocr.recognize([image], jobs=1)
    ours = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.png"
        image.save(page)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        started = time.perf_counter()
        subprocess.run([ocr.tesseract(), str(page), "stdout", "-l", "vie"], check=True, capture_output=True, env=env)
        bare = time.perf_counter() - started
    return {"ocr_s_per_page_ours": ours, "ocr_s_per_page_bare_tesseract": bare}
