"""Text PDFs: per-page text as the typed seed has it, page offsets, wrapped lines joined, running lines dropped."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest

from pipeline.ingest import ingest
from pipeline.ingest.layout import Line, PageLines, page_texts
from pipeline.ingest.pdf import _page_lines, _usable
from pipeline.ingest.unicode import clean_unicode

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))


def seed_text(prefix: str) -> str:
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


CORPUS = SHARED / "corpus"


def rendered_seed(stem: str) -> list[str]:
    """The seed's non-blank lines as a rendered format shows them: no Markdown `**` or leading `#`."""
    text = clean_unicode(seed_text(stem)).replace("**", "")
    return [re.sub(r"^#+\s*", "", line).strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("stem", ["001", "003"])
def test_text_pdf_gives_the_seed_lines(stem: str) -> None:
    (path,) = (CORPUS / "pdf").glob(f"{stem}_*.pdf")
    doc = ingest(path)
    assert doc.format == "pdf" and not doc.ocr_used
    lines = [line.strip() for line in doc.text.splitlines() if line.strip()]
    assert lines == rendered_seed(stem)


def test_page_starts_point_at_each_page_first_line() -> None:
    path = next((CORPUS / "pdf").glob("002_*.pdf"))
    doc = ingest(path)
    pdf = pypdfium2.PdfDocument(path)
    assert len(doc.page_starts) == len(pdf) == 6
    for start, page in zip(doc.page_starts, pdf, strict=True):
        first = page.get_textpage().get_text_range().split("\r\n")[0]
        assert doc.text[start:].startswith(first.strip())


def test_scanned_page_has_no_usable_text_layer() -> None:
    pdf = pypdfium2.PdfDocument(next((CORPUS / "scanned").glob("002_*.pdf")))
    assert not _usable(_page_lines(pdf[0]))
    text_pdf = pypdfium2.PdfDocument(next((CORPUS / "pdf").glob("002_*.pdf")))
    assert _usable(_page_lines(text_pdf[0]))


def line(text: str, top: float, x0: float = 50, x1: float = 550) -> Line:
    return Line(text, x0, x1, top, top + 12, first_word=10 * len(text.split()[0]))


def page(*lines: Line) -> PageLines:
    return PageLines(tuple(lines), 600, 800)


def test_wrapped_lines_join_and_paragraphs_break() -> None:
    texts = page_texts(
        [
            page(
                line("1. Sở Lao động -", 100),
                line("Thương binh và Xã hội chủ trì, phối hợp Công an tỉnh (Kế hoạch số 02/KH-", 117),
                line("BCĐ) thực hiện.", 134, x1=200),
                line("a) Mục tiêu", 157, x1=150),
                line("- Tuyên truyền", 174, x1=150),
            ),
            page(line("tiếp tục ở trang sau", 100, x1=300), line("b) Nội dung", 123, x1=200)),
        ]
    )
    assert texts[0] == (
        "1. Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp Công an tỉnh (Kế hoạch số 02/KH-BCĐ) thực hiện."
        "\n\na) Mục tiêu\n\n- Tuyên truyền\n"
    )
    assert texts[1] == "tiếp tục ở trang sau\n\nb) Nội dung\n"


def test_sentence_running_on_to_the_next_page_stays_one_line() -> None:
    first = page(line("Các sở, ban, ngành phối hợp với", 100), line("Ủy ban nhân dân các huyện", 117))
    second = page(line("thực hiện kế hoạch.", 60, x1=250))
    texts = page_texts([first, second])
    assert texts == ["Các sở, ban, ngành phối hợp với Ủy ban nhân dân các huyện ", "thực hiện kế hoạch.\n"]


def test_page_numbers_and_running_headers_are_dropped() -> None:
    pages = [
        page(
            line("KẾ HOẠCH SỐ 23/KH-BCĐ", 20, x0=200, x1=400),
            line(f"Nội dung trang {n} kết thúc.", 100, x1=300),
            line(f"- {n} -", 770, x0=290, x1=310),
        )
        for n in range(1, 5)
    ]
    assert page_texts(pages) == [f"Nội dung trang {n} kết thúc.\n" for n in range(1, 5)]


def test_centred_title_wrapped_over_two_lines_is_one_line() -> None:
    body = [line(f"Dòng văn bản đầy đủ số {i} của trang", 200 + 17 * i) for i in range(6)]
    title = [line("BAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH", 100, 70, 530), line("TRÊN ĐỊA BÀN TỈNH", 117, 230, 370)]
    heading = line("KẾ HOẠCH", 70, 260, 340)
    text = page_texts([page(heading, *title, *body)])[0]
    assert text.startswith("KẾ HOẠCH\n\nBAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH TRÊN ĐỊA BÀN TỈNH\n\n")


def test_unreadable_pdf_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    from pipeline.ingest import IngestError

    with pytest.raises(IngestError, match="not a readable PDF"):
        ingest(bad)


def winansi_pdf(lines: list[bytes], font: bytes = b"Times-Roman") -> bytes:
    """A one-page PDF whose text layer is `lines` in a WinAnsi font, as a .VnTime document prints."""
    shown = b"".join(b"(" + ln.replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj 0 -16 Td " for ln in lines)
    content = b"BT /F1 11 Tf 40 800 Td " + shown + b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /" + font + b" /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def test_pdf_text_layer_typed_in_tcvn3_is_converted(tmp_path: Path) -> None:
    from test_ingest_legacy import tcvn3

    words = clean_unicode(seed_text("000")).replace("**", "").split()[:120]
    lines = [" ".join(words[i : i + 10]) for i in range(0, len(words), 10)]
    path = tmp_path / "vntime.pdf"
    path.write_bytes(winansi_pdf([tcvn3(line) for line in lines]))
    doc = ingest(path)
    assert doc.format == "pdf"
    assert doc.text.split() == words


def test_markdown_table_rows_stay_on_consecutive_lines() -> None:
    rows = [line("| TT | Nhiệm vụ | Chủ trì |", 100 + 23 * i, x1=300) for i in range(1)] + [
        line("|---|---|---|", 123, x1=200),
        line("| 1 | Tuyên truyền | Sở Tư pháp |", 146, x1=300),
    ]
    body = [line(f"Dòng văn bản đầy đủ số {i} của trang", 200 + 17 * i) for i in range(6)]
    text = page_texts([page(line("PHỤ LỤC", 70, x1=150), *rows, line("Ghi chú.", 169, x1=150), *body)])[0]
    assert (
        "PHỤ LỤC\n\n| TT | Nhiệm vụ | Chủ trì |\n|---|---|---|\n| 1 | Tuyên truyền | Sở Tư pháp |\n\nGhi chú." in text
    )


def test_ruled_table_in_a_text_pdf_becomes_markdown_rows(tmp_path: Path) -> None:
    """A Word-made PDF with a gridded appendix table: cells come back row by row, wrapped cell text joined."""
    import shutil
    import subprocess

    import docx

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC")
    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        [
            "1",
            "Tuyên truyền, phổ biến pháp luật về phòng, chống mua bán người",
            "Sở Tư pháp",
            "Công an tỉnh",
            "Hằng năm",
        ],
        ["2", "Rà soát, đánh giá", "Công an tỉnh", "Các sở, ngành", "Quý IV/2025"],
    ]
    table = document.add_table(rows=3, cols=5)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    document.add_paragraph("Ghi chú: báo cáo về Công an tỉnh.")
    document.save(tmp_path / "appendix.docx")
    soffice = shutil.which("soffice")
    assert soffice, "the PDF is made with LibreOffice (make setup installs it)"
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(tmp_path / "appendix.docx")],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    text = ingest(tmp_path / "appendix.pdf").text
    expected = ["| " + " | ".join(rows[0]) + " |", "|---|---|---|---|---|"] + [
        "| " + " | ".join(r) + " |" for r in rows[1:]
    ]
    assert "\n".join(expected) in text
    assert text.startswith("PHỤ LỤC\n\n") and text.rstrip().endswith("\n\nGhi chú: báo cáo về Công an tỉnh.")


def test_text_layer_in_a_named_legacy_font_is_converted_by_the_font(tmp_path: Path) -> None:
    """Too short for letter statistics; the font names the encoding, and `.VnTimeH` prints capitals."""
    from test_ingest_legacy import tcvn3, vni

    cases = [(b".VnTimeH", tcvn3("kế hoạch"), "KẾ HOẠCH"), (b"ABCDEF+.VnTime,Bold", tcvn3("Tư pháp"), "Tư pháp"),
             (b"VNI-Times", vni("Sở Tư pháp"), "Sở Tư pháp")]  # fmt: skip
    for font, line, expected in cases:
        path = tmp_path / "font.pdf"
        path.write_bytes(winansi_pdf([line] * 8, font))  # enough text to be a text layer, not a scan
        assert ingest(path).text.split() == expected.split() * 8
