"""Every input format in one folder, one run; HTML pages."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pypdfium2
from test_ingest_legacy import cp1258

from pipeline.batch import run_batch
from pipeline.ingest import ingest
from pipeline.ingest.ocr import render
from pipeline.load import open_engine

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RAW = ROOT / "data" / "raw"

PAGE = """<html><head><meta charset="windows-1258"><title>Cổng thông tin</title><style>p {}</style></head>
<body><table><tr><td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH LẠNG SƠN</p></td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr>
</table><h3>KẾ HOẠCH</h3><p>Thực hiện <b>Kế hoạch</b> số 02/KH-BCĐ &amp; Quyết định</p><br>
<table><tr><th>TT</th><th>Nhiệm vụ</th><th>Chủ trì</th></tr><tr><td>1</td><td><p>Tuyên</p><p>truyền</p></td>
<td>Sở Tư pháp</td></tr></table><script>var x = "<p>không phải văn bản</p>";</script></body></html>"""


def test_html_blocks_and_tables_in_reading_order(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(cp1258(PAGE))
    doc = ingest(path)
    assert doc.format == "html"
    assert doc.text == (
        "ỦY BAN NHÂN DÂN\n\nTỈNH LẠNG SƠN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nKẾ HOẠCH\n\n"
        "Thực hiện Kế hoạch số 02/KH-BCĐ & Quyết định\n\n"
        "| TT | Nhiệm vụ | Chủ trì |\n|---|---|---|\n| 1 | Tuyên truyền | Sở Tư pháp |\n"
    )


def test_a_folder_of_every_format_extracts_in_one_run(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(next(RAW.glob("001_*.txt")), folder / "001.txt")
    shutil.copy(next((CORPUS / "pdf").glob("004_*.pdf")), folder)
    shutil.copy(next((CORPUS / "docx").glob("000_*.docx")), folder)
    shutil.copy(next((CORPUS / "doc").glob("002_*.doc")), folder)
    shutil.copy(next((CORPUS / "legacy").glob("*.vni.txt")), folder)
    (folder / "page.htm").write_text(PAGE.replace("windows-1258", "utf-8"), encoding="utf-8")
    scan = render(pypdfium2.PdfDocument(next((CORPUS / "scanned").glob("002_*.pdf")))[0]).crop((0, 0, 2480, 600))
    scan.save(folder / "scan.pdf", resolution=300)
    scan.save(folder / "scan.png", dpi=(300, 300))
    db = tmp_path / "mixed.sqlite"
    result = run_batch([folder], open_engine(str(db)), workers=2)
    assert result.failed == 0, result.errors
    formats = sorted(f for (f,) in sqlite3.connect(db).execute("SELECT format FROM documents"))
    assert formats == ["doc", "docx", "html", "image", "pdf", "pdf_scanned", "txt", "txt"]
