"""Scans and images: OCR with Tesseract on small crops (whole pages belong in `bench/formats.py`), deskew, errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image

from pipeline.ingest import IngestError, ingest
from pipeline.ingest.deskew import skew_angle
from pipeline.ingest.ocr import render

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="module")
def scanned_page() -> Image.Image:
    """Page 1 of the degraded scan of seed 002 (rotated, blurred, specks, JPEG), at 300 dpi."""
    pdf = pypdfium2.PdfDocument(next((CORPUS / "scanned").glob("002_*.pdf")))
    return render(pdf[0])


def test_skew_angle_of_each_scanned_page_is_found(scanned_page: Image.Image) -> None:
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    rotation = next(v["rotation_deg"][0] for k, v in manifest.items() if k.startswith("scanned/002_"))
    assert skew_angle(scanned_page) == pytest.approx(-rotation, abs=0.1)


def test_image_crop_reads_as_the_typed_text(scanned_page: Image.Image, tmp_path: Path) -> None:
    top = scanned_page.crop((0, 0, scanned_page.width, 1000))  # header, title and three lines of the first paragraph
    path = tmp_path / "crop.png"
    top.save(path, dpi=(300, 300))
    doc = ingest(path)
    assert doc.format == "image" and doc.ocr_used
    assert doc.ocr_confidence is not None and 0.8 < doc.ocr_confidence <= 1
    assert doc.page_starts == (0,)
    assert "Số: 23 /KH-BCĐ" in doc.text
    assert "Lạng Sơn, ngày 26 tháng 02 năm 2019" in doc.text
    # a wrapped paragraph comes out as one line; the cut line at the crop's edge as nothing
    assert "của Ban Chỉ đạo 138/CP Chính phủ về chỉ đạo triển khai" in doc.text
    assert doc.text.rstrip().endswith("căn cứ đặc điểm tình hình địa bàn, Ban Chỉ đạo phòng,")


def test_scanned_pdf_page_goes_to_ocr(scanned_page: Image.Image, tmp_path: Path) -> None:
    band = scanned_page.crop((0, 0, scanned_page.width, scanned_page.height // 6))
    pdf = tmp_path / "scan.pdf"
    band.save(pdf, resolution=300)
    doc = ingest(pdf)
    assert doc.format == "pdf_scanned" and doc.ocr_used
    assert "KẾ HOẠCH" in doc.text


def test_multipage_tiff_gives_one_page_per_frame(tmp_path: Path) -> None:
    with Image.open(next((CORPUS / "images").glob("*.tiff"))) as tiff:
        frames = []
        for i in range(2):
            tiff.seek(i)
            frames.append(tiff.crop((0, 0, tiff.width, tiff.height // 8)).copy())
    path = tmp_path / "two.tiff"
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="group4", dpi=(300, 300))
    doc = ingest(path)
    assert len(doc.page_starts) == 2
    assert "Số: 142 /KH-BCĐ" in doc.text[: doc.page_starts[1]]


def test_missing_tesseract_is_a_one_line_error(
    scanned_page: Image.Image, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "page.jpg"
    buf = io.BytesIO()
    scanned_page.crop((0, 0, 400, 400)).save(buf, format="JPEG")
    path.write_bytes(buf.getvalue())
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract here
    with pytest.raises(IngestError, match=r"needs tesseract-ocr .*apt-get install tesseract-ocr tesseract-ocr-vie"):
        ingest(path)


def test_unreadable_image_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n not an image")
    with pytest.raises(IngestError, match="not a readable image"):
        ingest(path)


def test_bold_roman_labels_are_reread_by_their_strokes(tmp_path: Path) -> None:
    """Tesseract reads bold `III.` as `HI.` and `Phần III` as `Phần IH` on this page; the stroke count fixes both."""
    pdf = pypdfium2.PdfDocument(next((CORPUS / "scanned").glob("003_*.pdf")))
    page = render(pdf[2])
    path = tmp_path / "headings.png"
    page.crop((0, 0, page.width, 1200)).save(path, dpi=(300, 300))
    lines = ingest(path).text.splitlines()
    assert "III. THỜI GIAN THỰC HIỆN" in lines
    assert "Phần III" in lines
    assert "II. PHẠM VI THỰC HIỆN" in lines and "Phần II" in lines


def test_page_scanned_on_its_side_is_turned_upright(scanned_page: Image.Image, tmp_path: Path) -> None:
    path = tmp_path / "sideways.png"
    scanned_page.crop((0, 0, scanned_page.width, 1000)).rotate(90, expand=True).save(path, dpi=(300, 300))
    doc = ingest(path)
    assert "Lạng Sơn, ngày 26 tháng 02 năm 2019" in doc.text
    assert doc.ocr_confidence is not None and doc.ocr_confidence > 0.8
