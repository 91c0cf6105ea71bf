"""OCR with the Tesseract binary (`-l vie`), one process per page, pages in parallel.

Calling the binary directly is simpler than a wrapper library and gives us the TSV output, whose
word boxes feed the same paragraph rules as a PDF text layer (`layout`) and whose word
confidences give `documents.ocr_confidence`. Each Tesseract runs with OMP_THREAD_LIMIT=1: its
own threads fight the page pool and make pages 4–6× slower. The pool has VNPLANS_OCR_JOBS
threads (the batch sets 1 in its file workers) or one per core.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import statistics
import subprocess
import tempfile
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import regex
from PIL import Image, ImageOps

from pipeline.ingest.deskew import deskew
from pipeline.ingest.diacritics import repair
from pipeline.ingest.errors import IngestError
from pipeline.ingest.layout import Line, PageLines
from pipeline.ingest.roman import label_positions, reread

DPI = 300
LANGUAGE = "vie"
_TIMEOUT = 300  # seconds for one page; a page that takes longer is a broken image
_MISSING = "OCR needs tesseract-ocr with the vie language: apt-get install tesseract-ocr tesseract-ocr-vie"
# Tesseract's own page segmentation; 3 (automatic) keeps the header's two columns apart
_PSM = "3"
# Below this mean word confidence a page may be on its side; upright text of any quality reads far above it.
_UPRIGHT = 0.6
_ROTATE = regex.compile(r"Rotate: (90|180|270)")
# Lines Tesseract reads with less mean confidence than this are specks, stamps, signatures or a cut
# line at the image's edge: text of any quality scores far above it.
_NOISE = 35.0
# A word of punctuation alone smaller than a fifth of the text's height is a speck (a dash is wider).
# Specks read as marks at a line's ends (`_Phần I`, `'BAN HÀNH`, `—_ d)`, `tỉnh. _`); quotes and brackets are text.
# `PhầnV`: the space before a part's number is narrow in bold type and gets lost
_GLUED_LABEL = regex.compile(r"\b(Phần|PHẦN|Chương|CHƯƠNG|Điều|ĐIỀU)(?=[IVXL\d]+\b)")
_SPECK = regex.compile(r"^[_'`~^|.,:;]+(?=\w)|^[^\w\s]*[_'`~^|][^\w\s]*\s+|\s+[^\w\s]*[_'`~^|][^\w\s]*$")


@dataclass(frozen=True)
class OcrPage:
    lines: PageLines
    #: mean word confidence, 0–1, weighted by word length
    confidence: float


def render(page: pypdfium2.PdfPage) -> Image.Image:
    """A PDF page as a grey image at 300 dpi, the resolution Tesseract's models are trained for."""
    return page.render(scale=DPI / 72, grayscale=True).to_pil()


def recognize(images: Iterable[Image.Image], jobs: int | None = None) -> list[OcrPage]:
    """OCR each image (a page), `jobs` at a time; results in the order of `images`.

    Images are taken from the iterable only as workers free up, so a long scan is never held in
    memory whole (a page at 300 dpi is 9 MB), and a PDF's pages are rendered in the calling thread,
    as pdfium requires.
    """
    binary = tesseract()
    jobs = jobs or int(os.environ.get("VNPLANS_OCR_JOBS", "0")) or os.cpu_count() or 1
    results: list[OcrPage] = []
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[OcrPage]] = deque()
        for image in images:
            if len(pending) >= jobs:
                results.append(pending.popleft().result())
            pending.append(pool.submit(_recognize, binary, image))
        results.extend(f.result() for f in pending)
    return results


@functools.cache
def _languages(binary: str) -> frozenset[str]:
    out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=60).stdout
    return frozenset(out.split()[1:]) if out else frozenset()


def tesseract() -> str:
    """The Tesseract binary on PATH, checked for the Vietnamese model; a one-line IngestError otherwise."""
    binary = shutil.which("tesseract")
    if binary is None or LANGUAGE not in _languages(binary):
        raise IngestError(_MISSING)
    return binary


def _recognize(binary: str, image: Image.Image) -> OcrPage:
    """OCR one page; a page read with little confidence is checked for being turned a quarter or half way."""
    gray = deskew(ImageOps.grayscale(image) if image.mode != "L" else image)
    page = _parse_tsv(_tesseract(binary, gray, "-l", LANGUAGE, "--psm", _PSM, "tsv"), gray)
    if page.confidence >= _UPRIGHT:
        return page
    turn = _orientation(binary, gray)
    if not turn:
        return page
    upright = gray.rotate(-turn, expand=True, fillcolor=255)
    again = _parse_tsv(_tesseract(binary, upright, "-l", LANGUAGE, "--psm", _PSM, "tsv"), upright)
    return again if again.confidence > page.confidence else page


def _orientation(binary: str, gray: Image.Image) -> int:
    """Degrees clockwise that make the page upright, by Tesseract's orientation detection (0 when unsure)."""
    try:
        found = _ROTATE.search(_tesseract(binary, gray, "--psm", "0"))
    except IngestError:
        return 0  # no `osd` model: pages are taken as they come
    return int(found.group(1)) if found else 0


def _tesseract(binary: str, gray: Image.Image, *args: str) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory(prefix="vnplans-ocr-") as tmp:
        src = Path(tmp) / "page.pgm"  # uncompressed: 100× faster to write than PNG
        gray.save(src)
        try:
            done = subprocess.run(
                [binary, str(src), "stdout", "--dpi", str(DPI), *args], capture_output=True, env=env, timeout=_TIMEOUT
            )
        except subprocess.TimeoutExpired as exc:
            raise IngestError(f"OCR of a page took over {_TIMEOUT} s") from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise IngestError(f"tesseract failed: {reason[-1] if reason else done.returncode}")
    return done.stdout.decode("utf-8")


def _parse_tsv(tsv: str, image: Image.Image) -> OcrPage:
    """Tesseract's word rows → visual lines with boxes, and the page's confidence."""
    rows = [
        row
        for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
        if row["level"] == "5" and row["text"].strip()
    ]
    lettered = [int(r["height"]) for r in rows if regex.search(r"\w", r["text"])]
    speck = 0.2 * statistics.median(lettered) if lettered else 0
    words: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in rows:
        if regex.search(r"\w", row["text"]) or max(int(row["width"]), int(row["height"])) >= speck:
            words.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(row)
    lines = []
    weighted = chars = 0.0
    for line_words in words.values():
        if _mean_confidence(line_words) < _NOISE:
            continue
        boxes = [(int(w["left"]), int(w["top"]), int(w["width"]), int(w["height"])) for w in line_words]
        texts = [w["text"] for w in line_words]
        for i in label_positions(texts):
            texts[i] = reread(texts[i], boxes[i], image)
        texts = repair(texts, [float(w["conf"]) for w in line_words])
        text = _GLUED_LABEL.sub(r"\1 ", _SPECK.sub("", " ".join(texts)))
        if not text:
            continue
        lines.append(
            Line(
                text=text,
                x0=min(b[0] for b in boxes),
                x1=max(b[0] + b[2] for b in boxes),
                # medians, not extremes: a speck or a descender in one word must not move the line
                top=statistics.median(b[1] for b in boxes),
                bottom=statistics.median(b[1] + b[3] for b in boxes),
                first_word=boxes[0][2],
            )
        )
        for w in line_words:
            if float(w["conf"]) >= 0:
                weighted += float(w["conf"]) * len(w["text"])
                chars += len(w["text"])
    return OcrPage(PageLines(tuple(lines), image.width, image.height), weighted / chars / 100 if chars else 0.0)


def _mean_confidence(words: list[dict[str, str]]) -> float:
    confs = [float(w["conf"]) for w in words if float(w["conf"]) >= 0]
    return sum(confs) / len(confs) if confs else 0.0
