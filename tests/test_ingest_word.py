"""Word: .docx with typed and automatic numbering, tables in reading order, legacy fonts; .doc via LibreOffice."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest

from pipeline.ingest import IngestError, ingest
from pipeline.ingest.unicode import clean_unicode
from pipeline.normalize import normalize
from pipeline.segment import segment

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RAW = ROOT / "data" / "raw"


def rendered_seed(stem: str) -> list[str]:
    (path,) = RAW.glob(f"{stem}_*.txt")
    text = clean_unicode(path.read_text(encoding="utf-8")).replace("**", "")
    return [re.sub(r"^#+\s*", "", line).strip() for line in text.splitlines() if line.strip()]


def lines_of(path: Path) -> list[str]:
    return [line.strip() for line in ingest(path).text.splitlines() if line.strip()]


def tree(path: Path) -> list[tuple[str, str, str]]:
    return [(s.path, s.kind, s.heading) for s in segment(normalize(ingest(path))).sections]


def test_automatic_numbering_is_rendered_as_typed() -> None:
    path = next((CORPUS / "docx").glob("000_*.docx"))
    assert lines_of(path) == rendered_seed("000")
    assert ingest(path).format == "docx"


def test_auto_numbered_docx_gives_the_typed_section_tree() -> None:
    (typed,) = RAW.glob("000_*.txt")
    auto = tree(next((CORPUS / "docx").glob("000_*.docx")))
    assert auto == tree(typed)
    assert ("I.2", "arabic", "Chỉ tiêu") in [(p, k, h) for p, k, h in auto]


def test_docx_with_typed_numbering() -> None:
    assert lines_of(next((CORPUS / "docx").glob("001_*.docx"))) == rendered_seed("001")


def make_docx(build) -> bytes:
    document = docx.Document()
    build(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_tables_keep_reading_order(tmp_path: Path) -> None:
    def build(d) -> None:
        header = d.add_table(rows=1, cols=2)
        header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN"
        header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        d.add_paragraph("PHỤ LỤC")
        tasks = d.add_table(rows=2, cols=3)
        for i, text in enumerate(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "1", "Tuyên truyền", "Sở Tư pháp"]):
            tasks.cell(i // 3, i % 3).text = text

    path = tmp_path / "tables.docx"
    path.write_bytes(make_docx(build))
    text = ingest(path).text
    assert text.index("ỦY BAN NHÂN DÂN") < text.index("CỘNG HÒA") < text.index("PHỤ LỤC")
    assert "| TT | Nhiệm vụ | Cơ quan chủ trì |\n|---|---|---|\n| 1 | Tuyên truyền | Sở Tư pháp |" in text


def test_runs_in_vntime_and_vni_fonts_are_converted(tmp_path: Path) -> None:
    def build(d) -> None:
        p = d.add_paragraph()
        p.add_run("C\u00e9ng h\u00dfa").font.name = ".VnTime"  # Cộng hòa, typed in TCVN3
        p.add_run(" - ")
        p.add_run("Vieät Nam").font.name = "VNI-Times"

    path = tmp_path / "fonts.docx"
    path.write_bytes(make_docx(build))
    assert ingest(path).text.strip() == "Cộng hòa - Việt Nam"


def test_legacy_doc_through_libreoffice() -> None:
    path = next((CORPUS / "doc").glob("002_*.doc"))
    doc = ingest(path)
    assert doc.format == "doc"
    assert [ln.strip() for ln in doc.text.splitlines() if ln.strip()] == [
        ln.replace("*Nơi nhận:*", "Nơi nhận:") for ln in rendered_seed("002")
    ]


def test_doc_without_libreoffice_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0 not really a doc")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(IngestError, match="needs LibreOffice: apt-get install libreoffice-writer-nogui"):
        ingest(path)


def test_broken_docx_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK not a zip")
    with pytest.raises(IngestError, match="not a readable Word file"):
        ingest(path)
