"""The heading tree: kinds, labels and paths, depth from the document's own mark sequence, regions."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from conftest import seed_text, segmented
from hypothesis import given, settings
from hypothesis import strategies as st

from models.records import SegmentedDocument, SourceDocument
from pipeline.normalize import normalize
from pipeline.segment import segment

HEADER = "Số: 12/KH-UBND\n\nLạng Sơn, ngày 05 tháng 3 năm 2025\n\nKẾ HOẠCH\n\nThực hiện công tác năm 2025\n\n"
PREAMBLE = "Thực hiện Kế hoạch số 02/KH-BCĐ ngày 03/01/2019, UBND tỉnh ban hành Kế hoạch như sau:\n\n"


def tree(body: str, *, ocr: bool = False) -> list[tuple[str, str]]:
    return [(s.path, s.kind) for s in seg(HEADER + PREAMBLE + body, ocr=ocr).sections]


def seg(text: str, *, ocr: bool = False) -> SegmentedDocument:
    src = SourceDocument("t.txt", "0" * 64, "pdf_scanned" if ocr else "txt", text, ocr_used=ocr)
    return segment(normalize(src))


def scored(body: str, **kw: bool) -> list[tuple[str, str]]:
    return [(p, k) for p, k in tree(body, **kw) if k not in ("dash", "plus")]


CASES = {
    "roman-arabic-letter": (
        "I. MỤC TIÊU\n\n1. Mục tiêu\n\na) Nâng cao nhận thức\n\nb) Giảm số vụ\n\n2. Chỉ tiêu\n\na) Đạt 90%\n\n"
        "II. NHIỆM VỤ\n\n1. Tuyên truyền\n",
        [("I", "roman"), ("I.1", "arabic"), ("I.1.a", "letter"), ("I.1.b", "letter"), ("I.2", "arabic"),
         ("I.2.a", "letter"), ("II", "roman"), ("II.1", "arabic")],
    ),
    "plan-starting-at-arabic": (
        "1. Mục đích\n\na) Nâng cao\n\nb) Giảm\n\n2. Tổ chức thực hiện\n\n- Công an tỉnh chủ trì.\n\n"
        "+ Tuyên truyền.\n\n* Sở Tư pháp phối hợp.\n",
        [("1", "arabic"), ("1.a", "letter"), ("1.b", "letter"), ("2", "arabic"), ("2.-1", "dash"),
         ("2.-1.+1", "plus"), ("2.-2", "dash")],
    ),
    "decimal-under-arabic": (
        "II. ĐỐI TƯỢNG\n\n1. Đối tượng, địa bàn\n\n1.1. Đối tượng\n\n- Đối tượng có tiền án\n\n1.2 Tuyến, địa bàn\n\n"
        "2. Giải pháp\n\n2.1. Phòng ngừa\n\na) Tuyên truyền\n\n2.2. Điều tra\n\na) Khám phá\n",
        [("II", "roman"), ("II.1", "arabic"), ("II.1.1.1", "decimal"), ("II.1.1.1.-1", "dash"),
         ("II.1.1.2", "decimal"), ("II.2", "arabic"), ("II.2.2.1", "decimal"), ("II.2.2.1.a", "letter"),
         ("II.2.2.2", "decimal"), ("II.2.2.2.a", "letter")],
    ),
    "bold-and-markdown-headings": (
        "**I. MỤC TIÊU, CHỈ TIÊU**\n\n**1. Mục tiêu**\n\na) Nội dung\n\n## **II. NỘI DUNG**\n\n"
        "### **1. Công tác chỉ đạo**\n\n#### **2. Công tác truyền thông**\n",
        [("I", "roman"), ("I.1", "arabic"), ("I.1.a", "letter"), ("II", "roman"), ("II.1", "arabic"),
         ("II.2", "arabic")],
    ),
    "tab-and-space-indented": (
        "\tI. MỤC TIÊU\n\t\t1. Mục tiêu\n            1.1. Đối tượng\n    II. NHIỆM VỤ\n        1. Tuyên truyền\n",
        [("I", "roman"), ("I.1", "arabic"), ("I.1.1.1", "decimal"), ("II", "roman"), ("II.1", "arabic")],
    ),
    "run-in-bold": (
        "I. MỤC ĐÍCH\n\n- Quán triệt.\n\nII. CÁC HOẠT ĐỘNG TRỌNG TÂM**1. Công tác chỉ đạo triển khai**\n\n"
        "- Bộ Công an chủ trì.\n\n2. Công tác truyền thông\n",
        [("I", "roman"), ("I.-1", "dash"), ("II", "roman"), ("II.1", "arabic"), ("II.1.-1", "dash"),
         ("II.2", "arabic")],
    ),
    "run-in-plain": (
        "I. MỤC ĐÍCH\n\nII. CÁC HOẠT ĐỘNG TRỌNG TÂM1. Công tác chỉ đạo triển khai\n\n2. Công tác truyền thông\n",
        [("I", "roman"), ("II", "roman"), ("II.1", "arabic"), ("II.2", "arabic")],
    ),
    "letters-with-dd-and-f": (
        "1. Nhiệm vụ\n\na) Một\n\nb) Hai\n\nc) Ba\n\nd) Bốn\n\nđ) Năm\n\ne) Sáu\n\nf) Bảy\n\ng) Tám\n\n"
        "2. Khác\n\na) Một\n",
        [("1", "arabic"), ("1.a", "letter"), ("1.b", "letter"), ("1.c", "letter"), ("1.d", "letter"),
         ("1.đ", "letter"), ("1.e", "letter"), ("1.f", "letter"), ("1.g", "letter"), ("2", "arabic"),
         ("2.a", "letter")],
    ),
    "numbers-in-sentences": (
        "I. MỤC TIÊU\n\n1. Tổ chức hưởng ứng Ngày toàn dân phòng, chống mua bán người, tổ chức vào ngày\n"
        "30/7 hằng năm theo Kế hoạch được thông qua ngày\n26/4/2016 tại Hà Nam, theo quy định tại\n"
        "Điều 3 của Luật, trong thời gian\n06 tháng kể từ năm\n2015 đến nay; triển khai trong\n"
        "2030). Tiếp theo là nội dung khác.\n\n2. Kinh phí\n",
        [("I", "roman"), ("I.1", "arabic"), ("I.2", "arabic")],
    ),
    "named-items": (
        "I. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu: Thực hiện đồng bộ các giải pháp.\n\n2. Chỉ tiêu\n\n"
        "- Chỉ tiêu 1: Hằng năm, 100% địa bàn được kiểm tra.\n\n- Chỉ tiêu 2: 100% thông tin được xử lý.\n\n"
        "Chỉ tiêu 3: Đạt 95% số vụ.\n\n3. Các tiểu đề án\n\na) Tiểu Đề án 1: Tuyên truyền\n\n"
        "b) Chỉ tiêu 1: Đạt 90%\n",
        [("I", "roman"), ("I.1", "arabic"), ("I.2", "arabic"), ("I.2.Chỉ tiêu 1", "named"),
         ("I.2.Chỉ tiêu 2", "named"), ("I.2.Chỉ tiêu 3", "named"), ("I.3", "arabic"), ("I.3.a", "letter"),
         ("I.3.b", "letter")],
    ),
    "capital-letter-parts": (
        "A. MỤC ĐÍCH, YÊU CẦU\n\nI. MỤC ĐÍCH\n\n1. Nâng cao\n\nB. NHIỆM VỤ\n\nI. TUYÊN TRUYỀN\n",
        [("A", "part"), ("A.I", "roman"), ("A.I.1", "arabic"), ("B", "part"), ("B.I", "roman")],
    ),
    "letter-parts-inside-numbered-parts-inside-an-appendix": (
        "I. MỤC TIÊU\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n\nPhần I\nNHIỆM VỤ CHUNG\n\nA. CẤP TỈNH\n\n1. Rà soát\n\n"
        "B. CẤP XÃ\n\n1. Kiểm tra\n\nPhần II\nTỔ CHỨC THỰC HIỆN\n",
        [("I", "roman"), ("Phụ lục", "part"), ("Phụ lục.Phần I", "part"), ("Phụ lục.Phần I.A", "part"),
         ("Phụ lục.Phần I.A.1", "arabic"), ("Phụ lục.Phần I.B", "part"), ("Phụ lục.Phần I.B.1", "arabic"),
         ("Phụ lục.Phần II", "part")],
    ),
    "parts-and-arabic-straight-under-a-part": (
        "Phần thứ nhất\nMỤC TIÊU\nI. QUAN ĐIỂM\n1. Phòng ngừa là chính\n\nPhần thứ hai\nGIẢI PHÁP\n"
        "1. Tăng cường lãnh đạo\n2. Huy động nguồn lực\n",
        [("Phần thứ nhất", "part"), ("Phần thứ nhất.I", "roman"), ("Phần thứ nhất.I.1", "arabic"),
         ("Phần thứ hai", "part"), ("Phần thứ hai.1", "arabic"), ("Phần thứ hai.2", "arabic")],
    ),
    "parts-by-letter": (
        "PHẦN A\nMỤC TIÊU\n\nI. MỤC TIÊU CHUNG\n\nPHẦN B. NHIỆM VỤ\n\nI. TUYÊN TRUYỀN\n\nPhần C\nKINH PHÍ\n",
        [("Phần A", "part"), ("Phần A.I", "roman"), ("Phần B", "part"), ("Phần B.I", "roman"), ("Phần C", "part")],
    ),
    "chapters-and-articles": (
        "Chương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n\nĐiều 2. Đối tượng áp dụng\n\n"
        "1. Cơ quan nhà nước.\n\n2. Tổ chức, cá nhân.\n\nChương II\nQUY ĐỊNH CỤ THỂ\n\nĐiều 3. Trách nhiệm\n",
        [("Chương I", "chapter"), ("Chương I.Điều 1", "article"), ("Chương I.Điều 2", "article"),
         ("Chương I.Điều 2.1", "arabic"), ("Chương I.Điều 2.2", "arabic"), ("Chương II", "chapter"),
         ("Chương II.Điều 3", "article")],
    ),
    "list-restarting-inside-a-letter-item": (
        "I. NHIỆM VỤ\n\n1. Tuyên truyền\n\na) Tổ chức các hoạt động sau:\n\n1. Hội nghị quán triệt Luật.\n\n"
        "2. Phát hành tờ rơi.\n\nb) Tập huấn cho cán bộ.\n\n2. Kiểm tra\n\na) Kiểm tra liên ngành.\n",
        [("I", "roman"), ("I.1", "arabic"), ("I.1.a", "letter"), ("I.1.a.1", "arabic"), ("I.1.a.2", "arabic"),
         ("I.1.b", "letter"), ("I.2", "arabic"), ("I.2.a", "letter")],
    ),
    "list-restarting-without-a-lead-in-stays-as-written": (
        "I. NHIỆM VỤ\n\n1. Tuyên truyền\n\na) Tổ chức hội nghị.\n\n1. Kiểm tra\n",
        [("I", "roman"), ("I.1", "arabic"), ("I.1.a", "letter"), ("I.1", "arabic")],
    ),
    "numbered-preamble-before-the-first-roman": (
        "Căn cứ các văn bản sau:\n\n1. Luật Tổ chức chính quyền địa phương;\n\n2. Nghị định số 12/2025/NĐ-CP.\n\n"
        "I. MỤC TIÊU\n\n1. Mục tiêu chung\n\nII. NHIỆM VỤ\n",
        [("I", "roman"), ("I.1", "arabic"), ("II", "roman")],
    ),
    "items-before-a-second-roman-stay": (
        "1. Mục tiêu chung\n\n2. Mục tiêu cụ thể\n\nII. NHIỆM VỤ\n",
        [("1", "arabic"), ("2", "arabic"), ("II", "roman")],
    ),
    "slash-and-dot-styles": (
        "I/ MỤC ĐÍCH\n\n1/ Nâng cao nhận thức\n\na. Tuyên truyền\n\nb. Tập huấn\n\n2/ Giảm số vụ\n",
        [("I", "roman"), ("I.1", "arabic"), ("I.1.a", "letter"), ("I.1.b", "letter"), ("I.2", "arabic")],
    ),
}


@pytest.mark.parametrize(("body", "expected"), CASES.values(), ids=CASES.keys())
def test_tree_paths_and_kinds(body: str, expected: list[tuple[str, str]]) -> None:
    assert tree(body) == expected


OCR_CASES = {
    "H-for-II": ("I. MỤC TIÊU\n\n1. Mục tiêu\n\nH. NHIỆM VỤ\n\n1. Tuyên truyền\n", "II"),
    "IL-for-II": ("I. MỤC TIÊU\n\n1. Mục tiêu\n\nIL. NHIỆM VỤ\n\n1. Tuyên truyền\n", "II"),
    "Il-for-II": ("I. MỤC TIÊU\n\n1. Mục tiêu\n\nIl. NHIỆM VỤ\n\n1. Tuyên truyền\n", "II"),
    "II-for-III": ("I. MỤC TIÊU\n\nII. NHIỆM VỤ\n\n1. Tuyên truyền\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Công an\n", "III"),
}


@pytest.mark.parametrize(("body", "label"), OCR_CASES.values(), ids=OCR_CASES.keys())
def test_ocr_misread_romans_take_the_expected_label(body: str, label: str) -> None:
    paths = [p for p, k in scored(body, ocr=True) if k == "roman"]
    assert paths[-1] == label
    assert (f"{label}.1", "arabic") in tree(body, ocr=True)


def test_a_label_alone_on_its_line_takes_the_next_line_as_heading() -> None:
    doc = seg(HEADER + PREAMBLE + "I.\nMỤC TIÊU\n\n1.\nMục tiêu chung\n\n2.\na) Nội dung\n")
    assert [(s.path, s.heading) for s in doc.sections] == [
        ("I", "MỤC TIÊU"), ("I.1", "Mục tiêu chung"), ("I.2", ""), ("I.2.a", "Nội dung")
    ]


def test_ocr_misread_digit_takes_the_expected_label() -> None:
    body = "I. NHIỆM VỤ\n\n1. Một\n\n2. Hai\n\n3. Ba\n\n4. Bốn\n\n9. Năm\n\n6. Sáu\n"
    assert [p for p, _ in scored(body, ocr=True)] == ["I", "I.1", "I.2", "I.3", "I.4", "I.5", "I.6"]


def test_ocr_specks_and_a_letter_read_as_a_digit() -> None:
    body = "I. NHIỆM VỤ\n\n1. Chỉ đạo\n\na) Một\n\n2. Truyền thông\n\n_ 8) Sở Thông tin chủ trì.\n\nb) Hội Phụ nữ.\n\n"
    body += "3. Khác\n"
    assert [p for p, _ in scored(body, ocr=True)] == ["I", "I.1", "I.1.a", "I.2", "I.2.a", "I.2.b", "I.3"]
    assert [p for p, _ in scored(body)] == ["I", "I.1", "I.1.a", "I.2", "I.2.b", "I.3"]


def test_ocr_parts_with_specks_glued_numerals_and_misread_numbers() -> None:
    body = (
        "_Phần I\n\nQUAN ĐIỂM\n\n1. Phòng ngừa là chính.\n\nPhần II\n\nPHẠM VI\n\nHI. THỜI GIAN\n\nPhần II\n\n"
        "GIẢI PHÁP\n\n1. Lãnh đạo.\n\na) Một.\n\n—_ b) Hai.\n\n| Phần IV\n\nĐỀ ÁN\n\n_ PhầnV\n\nKINH PHÍ\n"
    )
    assert scored(body, ocr=True) == [
        ("Phần I", "part"), ("Phần I.1", "arabic"), ("Phần II", "part"), ("Phần III", "part"),
        ("Phần III.1", "arabic"), ("Phần III.1.a", "letter"), ("Phần III.1.b", "letter"), ("Phần IV", "part"),
        ("Phần V", "part"),
    ]


def test_a_label_punctuated_unlike_its_list_is_not_taken() -> None:
    body = "I. NHIỆM VỤ\n\n1. Một\n\n2. Hai theo điểm\n3) của khoản 2\n\n3. Ba\n"
    doc = seg(HEADER + PREAMBLE + body)
    assert [doc.text[s.char_start:s.char_end] for s in doc.sections[1:]] == [
        "1. Một", "2. Hai theo điểm\n3) của khoản 2", "3. Ba"
    ]


def test_a_duplicate_roman_in_clean_text_is_kept_as_written() -> None:
    body = "I. MỤC TIÊU\n\nII. NHIỆM VỤ\n\nII. TỔ CHỨC THỰC HIỆN\n"
    assert [p for p, _ in scored(body)] == ["I", "II", "II"]


def test_letters_as_written_when_the_source_skips_one() -> None:
    body = (
        "2. Các chỉ tiêu cụ thể:\na) Chỉ tiêu 1: Một.\n\nc) Chỉ tiêu 2: Hai.\n\nc) Chỉ tiêu 3: Ba.\n\n"
        "d) Chỉ tiêu 4: Bốn.\n"
    )
    assert [p for p, _ in scored(body)] == ["2", "2.a", "2.c", "2.c", "2.d"]


DECISION = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 1455/QĐ-UBND\nQuảng Ngãi, ngày 04 tháng 10 năm 2011\n\n"
    "QUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH\n\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nCăn cứ Luật tổ chức HĐND và UBND ngày 26/11/2003;\nQUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện.\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "Điều 3. Chánh Văn phòng UBND tỉnh căn cứ Quyết định thi hành.\n KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
    "(Ban hành kèm theo Quyết định số: 1455/QĐ-UBND ngày 04/10/2011 của Chủ tịch UBND tỉnh)\n\n"
    "Thực hiện Quyết định số 1427/QĐ-TTg ngày 18/8/2011 của Thủ tướng Chính phủ.\n\n"
    "Phần I\nQUAN ĐIỂM CHỈ ĐẠO VÀ MỤC TIÊU\nI. QUAN ĐIỂM CHỈ ĐẠO\n1. Phòng ngừa là chính.\n\n"
    "Phần II\nCÁC GIẢI PHÁP THỰC HIỆN\n1. Tăng cường lãnh đạo.\n"
)


def test_a_decision_and_its_attached_plan_share_one_tree() -> None:
    doc = seg(DECISION)
    assert [(s.path, s.kind, s.level) for s in doc.sections] == [
        ("Điều 1", "article", 1), ("Điều 2", "article", 1), ("Điều 3", "article", 1), ("Phần I", "part", 1),
        ("Phần I.I", "roman", 2), ("Phần I.I.1", "arabic", 3), ("Phần II", "part", 1), ("Phần II.1", "arabic", 2),
    ]
    article3 = doc.sections[2]
    assert doc.text[article3.char_start:article3.char_end] == (
        "Điều 3. Chánh Văn phòng UBND tỉnh căn cứ Quyết định thi hành."
    )
    assert doc.section_at(doc.text.index("Thực hiện Quyết định số 1427")) is None
    assert doc.section_at(doc.text.index("(Ban hành kèm theo")) is None
    assert doc.text[doc.body_start:].startswith("Căn cứ Luật tổ chức")
    assert doc.sections[3].heading == "QUAN ĐIỂM CHỈ ĐẠO VÀ MỤC TIÊU"


def test_an_attached_plan_without_kem_theo_still_starts_a_new_tree() -> None:
    text = regex.sub(r"\(Ban hành kèm theo[^)]*\)\n", "", DECISION)
    doc = seg(text)
    assert [(s.path, s.level) for s in doc.sections][2:5] == [("Điều 3", 1), ("Phần I", 1), ("Phần I.I", 2)]
    assert doc.section_at(doc.text.index("Thực hiện Quyết định số 1427")) is None
    assert doc.section_at(doc.text.index("THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG")) is None


def test_a_plan_heading_in_capitals_inside_the_body_is_not_a_title_block() -> None:
    body = "I. MỤC TIÊU\n\n1. Xây dựng\nKẾ HOẠCH\nthực hiện trong năm.\n\n2. Kiểm tra.\n"
    doc = seg(HEADER + PREAMBLE + body)
    assert [s.path for s in doc.sections] == ["I", "I.1", "I.2"]
    assert doc.section_at(doc.text.index("thực hiện trong năm")) == 1


CLOSING = (
    HEADER + PREAMBLE + "I. MỤC TIÊU\n\n1. Mục tiêu chung.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n\n1. Giao Công an tỉnh theo dõi./.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n\n"
    "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2025)\n\n"
    "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
    "| I | Công tác tuyên truyền | | | |\n| 1 | Tổ chức hội nghị | Sở Tư pháp | Công an tỉnh | Quý II/2025 |\n"
    "| 2 | Phát hành tờ rơi | Sở Văn hóa | | Tháng 11/2025 |\n| II | Công tác kiểm tra | | | |\n"
    "| 1 | Kiểm tra liên ngành | Công an tỉnh | Các sở | Năm 2025 |\n"
)


def test_closing_is_outside_the_tree_and_the_appendix_table_inside() -> None:
    doc = seg(CLOSING)
    assert [(s.path, s.kind) for s in doc.sections] == [
        ("I", "roman"), ("I.1", "arabic"), ("II", "roman"), ("II.1", "arabic"), ("Phụ lục I", "part"),
        ("Phụ lục I.I", "roman"), ("Phụ lục I.I.1", "arabic"), ("Phụ lục I.I.2", "arabic"), ("Phụ lục I.II", "roman"),
        ("Phụ lục I.II.1", "arabic"),
    ]
    (start, end), = doc.closing_spans
    assert doc.text[start:end].startswith("Nơi nhận:")
    assert doc.text[start:end].endswith("Nguyễn Văn An")
    last_body = doc.sections[3]
    assert doc.text[last_body.char_start:last_body.char_end] == "1. Giao Công an tỉnh theo dõi./."
    row = doc.sections[6]
    assert row.heading == "Tổ chức hội nghị | Sở Tư pháp | Công an tỉnh | Quý II/2025"
    assert doc.text[row.char_start:row.char_end].startswith("1 | Tổ chức hội nghị | Sở Tư pháp")
    assert doc.sections[4].heading == "DANH MỤC NHIỆM VỤ"
    assert doc.in_closing(doc.text.index("Như trên"))


def test_signature_before_the_recipient_list_is_closing_too() -> None:
    text = HEADER + PREAMBLE + "I. MỤC TIÊU\n\n1. Mục tiêu chung.\n\nCHỦ TỊCH\n\nNguyễn Văn An\n\n"
    text += "Nơi nhận:\n- Lưu: VT.\n"
    doc = seg(text)
    (start, _), = doc.closing_spans
    assert doc.text[start:].startswith("CHỦ TỊCH")
    assert doc.text[doc.sections[-1].char_start:doc.sections[-1].char_end] == "1. Mục tiêu chung."


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Số hiệu:\n2530/QĐ-TTg\nLoại văn bản:\nQuyết định\n\nTình trạng:\nĐã biết\nSố: 2530/QĐ-TTg\nQUYẾT ĐỊNH\n"
         "PHÊ DUYỆT KẾ HOẠCH HÀNH ĐỘNG\nCăn cứ Luật Tổ chức Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.\n",
         "Căn cứ Luật Tổ chức Chính phủ;"),
        ("Số: 19/KH-BCĐ\n\nKẾ HOẠCH\n\nTHỰC HIỆN CÔNG TÁC NĂM 2024\n\nThực hiện Quyết định số 193/QĐ-TTg.\n",
         "Thực hiện Quyết định số 193/QĐ-TTg."),
        ("KẾ HOẠCH\n\nThực hiện Đề án 2 giai đoạn 2016 - 2020\n\n\nCăn cứ Quyết định số 1524/QĐ-BCA.\n",
         "Căn cứ Quyết định số 1524/QĐ-BCA."),
        ("Số: 1/KH-UBND\n\nKẾ HOẠCH\n\nI. MỤC ĐÍCH\n", "I. MỤC ĐÍCH"),
        ("Kế HOạCH\n\nTriển khai công tác năm 2019\n\nThực hiện Kế hoạch số 02/KH-BCĐ.\n",
         "Thực hiện Kế hoạch số 02/KH-BCĐ."),
        ("Số: 3565/QĐ-UBND\n\nQUYẾT ĐỊNH SỬA ĐỔI QUYẾT ĐỊNH SỐ 3470/QĐ-UBND CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ\n"
         "Căn cứ Luật Tổ chức chính quyền địa phương;\nCăn cứ Nghị định số 63/2010/NĐ-CP;\n",
         "Căn cứ Luật Tổ chức chính quyền địa phương;"),
        ("Số: 39/2025/TT-BXD\n\nTHÔNG TƯ\n\nCăn cứ Luật Đường bộ số 35/2024/QH15;\n\nCăn cứ Luật Xây dựng;\n",
         "Căn cứ Luật Đường bộ số 35/2024/QH15;"),
    ],
    ids=["website-metadata-then-title-then-preamble", "title-paragraph", "title-starting-with-thuc-hien",
         "no-preamble", "tcvn3-case", "type-line-carrying-its-title", "no-title-at-all"],
)
def test_body_starts_after_the_title_block(text: str, body: str) -> None:
    doc = seg(text)
    assert doc.text[doc.body_start:].startswith(body)


@pytest.mark.parametrize("signature", ["TRƯỞNG BAN\n\n\nNguyễn Văn An", "CHỦ TỊCH\n(Đã ký)\nNguyễn Văn An"])
def test_a_bare_signature_at_the_end_is_closing(signature: str) -> None:
    text = HEADER + PREAMBLE + "I. MỤC TIÊU\n\n1. Mục tiêu chung.\n\n" + signature + "\n"
    doc = seg(text)
    (start, end), = doc.closing_spans
    assert doc.text[start:end] == signature
    assert doc.text[doc.sections[-1].char_start:doc.sections[-1].char_end] == "1. Mục tiêu chung."


def test_a_numbered_preamble_of_a_decision_is_outside_the_tree() -> None:
    text = (
        "Số: 38/2025/QĐ-TTg\n\nQUYẾT ĐỊNH\n\nSỬA ĐỔI QUY CHẾ QUẢN LÝ CẢNG\n\nCăn cứ các văn bản sau:\n\n"
        "1. Quyết định số 29/2019/QĐ-TTg ngày 03 tháng 10 năm 2019;\n\n2. Quyết định số 38/2025/QĐ-TTg.\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế.\n\nĐiều 2. Hiệu lực thi hành.\n\n1. Kể từ ngày ký.\n"
    )
    doc = seg(text)
    assert [s.path for s in doc.sections] == ["Điều 1", "Điều 2", "Điều 2.1"]
    assert [s.parent for s in doc.sections] == [None, None, 1]
    assert doc.section_at(doc.text.index("Quyết định số 29/2019")) is None


def test_a_decision_as_the_website_wraps_it_starts_its_body_at_the_first_basis() -> None:
    text = (
        "Số: 80/2025/NQ-HĐND\n|\n*Hà Nội, ngày 27\ntháng 11 năm 2025 *\n|\n**NGHỊ QUYẾT**\nQUY ĐỊNH NỘI DUNG, MỨC\n"
        "CHI HỖ TRỢ LỰC LƯỢNG CÔNG AN CẤP XÃ TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI\n*Căn cứ Luật Tổ chức\n"
        "chính quyền địa phương số 72/2025/QH15;*\n*Căn cứ Luật Ban\n"
        "hành văn bản quy phạm pháp luật số 64/2025/QH15;*\n"
        "**QUYẾT NGHỊ:**\n**Điều 1. Phạm vi điều\nchỉnh**\nNghị quyết này quy định nội dung, mức\nchi hỗ trợ.\n"
    )
    doc = segmented(text)
    assert doc.text[doc.body_start:].startswith("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n")
    assert [(s.path, s.heading) for s in doc.sections] == [("Điều 1", "Phạm vi điều chỉnh")]


def test_an_appendix_title_naming_a_programme_is_not_an_attached_document() -> None:
    text = HEADER + PREAMBLE + (
        "I. MỤC TIÊU\n\nPHỤ LỤC II\nDANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN\nCHƯƠNG TRÌNH PHÁT TRIỂN CHÍNH PHỦ SỐ\n"
        "(Kèm theo Quyết định số 2629/QĐ-TTg ngày 01 tháng 12 năm 2025)\n"
        "| TT | Nhiệm vụ | Cơ quan chủ trì |\n| I | Hoàn thiện thể chế |\n| 1 | Xây dựng Luật | Bộ Công an |\n"
    )
    doc = seg(text)
    assert [s.path for s in doc.sections] == ["I", "Phụ lục II", "Phụ lục II.I", "Phụ lục II.I.1"]
    assert doc.sections[1].heading == "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN"


def test_the_website_footer_is_outside_the_tree() -> None:
    text = HEADER + PREAMBLE + (
        "I. MỤC TIÊU\n\n1. Mục tiêu chung.\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
        "Kế hoạch 980/KH-UBND năm 2025 thực hiện Quyết định 1899/QĐ-TTg do tỉnh Nghệ An ban hành Văn bản này chưa "
        "cập nhật nội dung Tiếng Anh\nKế hoạch 980/KH-UBND ngày 18/11/2025 do tỉnh Nghệ An ban hành\n"
        "Văn bản liên quan\n"
        "Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật Quy chế.\n- Bạn vừa bị Đăng xuất khỏi Tài khoản .\n"
        "- Xin lỗi Quý khách vì sự bất tiện này!\n"
    )
    doc = seg(text)
    assert [s.path for s in doc.sections] == ["I", "I.1", "Phụ lục"]
    (start, end), = doc.closing_spans
    assert doc.text[start:].startswith("Kế hoạch 980/KH-UBND năm 2025") and end == len(doc.text.rstrip())


def test_a_telegram_starts_its_body_after_its_title_in_capitals() -> None:
    text = (
        "Số: 224/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\nCÔNG ĐIỆN\n"
        "VỀ VIỆC KHẨN TRƯƠNG CHUẨN BỊ TỔ CHỨC LỄ KHÁNH THÀNH\n"
        "THỦ TƯỚNG CHÍNH PHỦ điện:\n- Bộ trưởng, Thủ trưởng cơ quan ngang bộ;\n- Chủ tịch Ủy ban nhân dân các tỉnh.\n"
        "Để chào mừng Đại hội, Thủ tướng Chính phủ yêu cầu:\n1. Các bộ, ngành rà soát các dự án.\n2. Giao Văn phòng "
        "Chính phủ theo dõi.\n"
    )
    doc = seg(text)
    assert doc.text[doc.body_start:].startswith("THỦ TƯỚNG CHÍNH PHỦ điện:")
    assert [s.path for s in doc.sections] == ["1", "2"]


def test_the_bar_of_the_website_signature_layout_belongs_to_the_closing() -> None:
    text = HEADER + PREAMBLE + (
        "I. TỔ CHỨC THỰC HIỆN\n\n1. Các bộ chịu trách nhiệm thi hành Quyết định này.\n|\nNơi nhận:\n- Như Điều 3;\n"
        "|\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nTrần Hồng Hà\n|\n"
    )
    doc = seg(text)
    (start, _), = doc.closing_spans
    assert doc.text[start:].startswith("|\nNơi nhận:")
    last = doc.sections[-1]
    assert doc.text[last.char_start:last.char_end] == "1. Các bộ chịu trách nhiệm thi hành Quyết định này."


def test_capital_letter_rows_of_a_task_table_are_parts() -> None:
    table = (
        "| STT | Cơ quan chủ trì | Nội dung nhiệm vụ |\n| A. | BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG |\n"
        "| 1 | Bộ Nông nghiệp và Môi trường | Hoàn thiện Nghị định |\n| 2 | Bộ Nông nghiệp và Môi trường | Kiểm kê |\n"
        "| B. | BỘ XÂY DỰNG |\n| 1 | Bộ Xây dựng | Kiểm soát bụi |\n"
    )
    assert tree("I. MỤC TIÊU\n\nPHỤ LỤC I\nBẢNG PHÂN CÔNG\n\n" + table) == [
        ("I", "roman"), ("Phụ lục I", "part"), ("Phụ lục I.A", "part"), ("Phụ lục I.A.1", "arabic"),
        ("Phụ lục I.A.2", "arabic"), ("Phụ lục I.B", "part"), ("Phụ lục I.B.1", "arabic"),
    ]


TASKS = "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n| 1 | Rà soát | Sở Tư pháp | Quý II |\n"


def test_an_unlabelled_appendix_after_the_signature_is_not_closing() -> None:
    text = HEADER + PREAMBLE + "I. MỤC TIÊU\n\n1. Mục tiêu chung.\n\nNơi nhận:\n- Lưu: VT.\n\nKT. CHỦ TỊCH\n"
    text += "PHÓ CHỦ TỊCH\n\nNguyễn Văn An\n\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 12/KH-UBND)\n\n" + TASKS
    doc = seg(text)
    (start, end), = doc.closing_spans
    assert doc.text[start:end].endswith("Nguyễn Văn An")
    assert not doc.in_closing(doc.text.index("Rà soát"))
    assert [s.path for s in doc.sections] == ["I", "I.1"]


def test_task_table_rows_are_sections_only_in_an_appendix() -> None:
    body = "I. TỔ CHỨC THỰC HIỆN\n\n" + TASKS + "\nPHỤ LỤC\n\n" + TASKS
    assert tree(body) == [("I", "roman"), ("Phụ lục", "part"), ("Phụ lục.1", "arabic")]


FIXTURES = Path(__file__).parent / "fixtures" / "segment"


def test_a_plan_as_the_legal_website_renders_it() -> None:
    """Hard-wrapped Markdown, the header and signature as exploded tables, a task table in the appendix."""
    doc = segmented((FIXTURES / "website_plan.md").read_text(encoding="utf-8"), "website_plan.md")
    assert [(s.path, s.kind, s.heading) for s in doc.sections if s.kind != "dash"] == [
        ("I", "roman", "MỤC ĐÍCH, YÊU CẦU"),
        ("I.1", "arabic", "Mục đích"),
        ("I.2", "arabic", "Yêu cầu"),
        ("I.2.a", "letter", "Bám sát các nhiệm vụ trọng tâm của Chương trình phòng, chống mua bán người giai đoạn "
                            "2021 - 2025."),
        ("I.2.b", "letter", "Phân công cụ thể cho từng sở, ngành, địa phương."),
        ("II", "roman", "TỔ CHỨC THỰC HIỆN"),
        ("II.1", "arabic", "Giao Công an tỉnh chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này; định kỳ báo "
                           "cáo Ủy ban nhân dân tỉnh./."),
        ("Phụ lục", "part", "NHIỆM VỤ CỦA CÁC SỞ, NGÀNH"),
        ("Phụ lục.I", "roman", "Công tác tuyên truyền"),
        ("Phụ lục.I.1", "arabic", "Tổ chức hội nghị quán triệt | Sở Tư pháp | Công an tỉnh | Quý II/2025"),
        ("Phụ lục.I.2", "arabic", "Phát hành tờ rơi | Sở Văn hóa, Thể thao và Du lịch | Quý III/2025"),
    ]
    assert doc.text.startswith("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n")
    assert "Số: 45/KH-UBND\nLạng Sơn, ngày 10 tháng 3 năm 2025\n" in doc.text
    assert doc.text[doc.body_start:].startswith("Thực hiện Kế hoạch số 02/KH-BCĐ ngày 03 tháng 01 năm 2025 của")
    (start, end), = doc.closing_spans
    assert "Nơi nhận:" in doc.text[start:end] and "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An" in doc.text[start:end]


SEEDS = ["000", "001", "002", "003", "004"]


@pytest.fixture(scope="module", params=SEEDS)
def seed_doc(request: pytest.FixtureRequest) -> SegmentedDocument:
    return segmented(seed_text(request.param), f"{request.param}.txt")


def test_seed_sections_start_with_their_label_and_nest(seed_doc: SegmentedDocument) -> None:
    text = seed_doc.text
    assert seed_doc.sections
    for s in seed_doc.sections:
        assert s.char_start < s.own_end <= s.char_end or s.own_end == s.char_end
        assert not text[s.char_end - 1].isspace()
        if s.kind not in ("dash", "plus"):
            label = s.label.split()[-1] if s.kind in ("part", "chapter", "article") else s.label
            assert label in text[s.char_start:s.char_start + len(s.label) + 12], s
            assert text[s.char_start:s.char_end].startswith(s.label if s.kind not in ("part",) else "Phần")
        if s.parent is not None:
            p = seed_doc.sections[s.parent]
            assert p.char_start < s.char_start and s.char_end <= p.char_end and s.level == p.level + 1
        assert seed_doc.section_at(s.char_start) == s.index
    starts = [s.char_start for s in seed_doc.sections]
    assert starts == sorted(starts)
    assert seed_doc.sections[0].char_start >= seed_doc.body_start


@pytest.mark.parametrize(
    ("stem", "body_start", "closing"),
    [
        ("000", "Căn cứ Quyết định số 1524/QĐ-BCA-C41", "Nơi nhận:"),
        ("001", "Thực hiện Quyết định số 193/QĐ-TTg", None),
        ("002", "Thực hiện Kế hoạch số 02/KH-BCĐ", "Nơi nhận:"),
        ("003", "Căn cứ Luật tổ chức HĐND", None),
        ("004", "Thực hiện Hiệp định song phương", "Nơi nhận:"),
    ],
)
def test_seed_front_matter_and_closing(stem: str, body_start: str, closing: str | None) -> None:
    doc = segmented(seed_text(stem))
    assert doc.text[doc.body_start:].startswith(body_start)
    if closing is None:
        assert doc.closing_spans == ()
    else:
        (start, end), = doc.closing_spans
        assert doc.text[start:].startswith(closing)
        assert all(s.char_end <= start for s in doc.sections)


def test_seed_004_received_stamp_and_run_in_heading() -> None:
    doc = segmented(seed_text("004"))
    assert doc.in_front_matter(doc.text.index("VĂN PHÒNG UBND T. LANG SƠN"))
    paths = [s.path for s in doc.sections if s.kind not in ("dash", "plus")]
    assert paths[:3] == ["I", "II", "II.1"]
    assert doc.sections[[s.path for s in doc.sections].index("II")].heading == "CÁC HOẠT ĐỘNG TRỌNG TÂM"


def test_seed_003_attached_plan_preamble_is_outside_every_section() -> None:
    doc = segmented(seed_text("003"))
    assert doc.section_at(doc.text.index("Thực hiện Quyết định số 1427/QĐ-TTg")) is None
    article3 = next(s for s in doc.sections if s.label == "Điều 3")
    assert "KẾ HOẠCH" not in doc.text[article3.char_start:article3.char_end]


MARKS = ["I. ", "II. ", "1. ", "2. ", "1.1. ", "a) ", "b) ", "đ) ", "- ", "+ ", "Phần I\n", "Điều 1. ",
         "Chỉ tiêu 1: ", "PHỤ LỤC\n", "Nơi nhận:\n", "| 1 | x |\n", "| TT | y |\n", "**", "KẾ HOẠCH\n", "H. "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(MARKS), st.text(alphabet="aĐ xyz.\n", max_size=12)), max_size=40),
       st.booleans())
def test_random_text_never_raises_and_sections_nest(pieces: list[str], ocr: bool) -> None:
    doc = seg("\n".join(pieces), ocr=ocr)
    for s in doc.sections:
        assert doc.body_start <= s.char_start <= s.own_end <= s.char_end <= len(doc.text)
        assert not any(a < s.char_end and s.char_start < b for a, b in doc.closing_spans)
        if s.parent is not None:
            parent = doc.sections[s.parent]
            assert parent.index < s.index and parent.char_start <= s.char_start and s.char_end <= parent.char_end
            assert s.level == parent.level + 1
        else:
            assert s.level == 1
