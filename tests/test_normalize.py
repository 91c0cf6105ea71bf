"""Normalization: Markdown and layout clean-up, page-break joins, and the offset map for pages."""

from __future__ import annotations

import pytest
from conftest import seed_text
from hypothesis import given, settings
from hypothesis import strategies as st

from models.records import SourceDocument
from pipeline.normalize import TextEdits, normalize, normalize_text


def norm(text: str) -> str:
    return normalize_text(text)[0]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("**I. MỤC TIÊU, CHỈ TIÊU**", "I. MỤC TIÊU, CHỈ TIÊU"),
        ("## **II. NỘI DUNG CÔNG TÁC TRỌNG TÂM**", "II. NỘI DUNG CÔNG TÁC TRỌNG TÂM"),
        ("#### ***Nơi nhận:***", "Nơi nhận:"),
        ("*Căn cứ Luật Tổ chức chính quyền địa phương;*", "Căn cứ Luật Tổ chức chính quyền địa phương;"),
        ("**Điều 1. **Thông qua phương án", "Điều 1. Thông qua phương án"),
        ("\tNơi nhận:", "Nơi nhận:"),
        ("\t\t1. Mục tiêu", "1. Mục tiêu"),
        ("    I. MỤC TIÊU", "I. MỤC TIÊU"),
        ("**Triển khai thực hiện Chương trình**  ", "Triển khai thực hiện Chương trình"),
        ("Thông tin trên Cổng (*) được cập nhật", "Thông tin trên Cổng (*) được cập nhật"),
        ("** **", ""),
    ],
    ids=["bold", "md-heading-bold", "md-heading-bold-italic", "italic", "bold-label", "tab", "tabs",
         "spaces", "line-break-marker", "footnote-star", "empty-bold"],
)
def test_markup_and_layout_are_removed(raw: str, expected: str) -> None:
    assert norm(raw) == expected


def test_a_run_in_bold_heading_goes_on_its_own_line() -> None:
    raw = "II. CÁC HOẠT ĐỘNG TRỌNG TÂM**1. Công tác chỉ đạo triển khai**"
    assert norm(raw) == "II. CÁC HOẠT ĐỘNG TRỌNG TÂM\n1. Công tác chỉ đạo triển khai"


def test_bold_inside_a_sentence_is_not_a_run_in() -> None:
    assert norm("theo quy định tại **Điều 3** của Luật") == "theo quy định tại Điều 3 của Luật"


def test_the_website_header_table_becomes_plain_lines() -> None:
    raw = (
        "| BAN CHỈ ĐẠO QUỐC GIA 1237 | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "|---|---|\n"
        "| Số: 252/KH-BCĐQG1237 | Hà Nội, ngày 05 tháng 3 năm 2025 |\n"
        "\n**KẾ HOẠCH**\n\nI. MỤC ĐÍCH\n"
    )
    out = norm(raw)
    assert "|" not in out
    assert "Số: 252/KH-BCĐQG1237\nHà Nội, ngày 05 tháng 3 năm 2025\n" in out
    assert out.endswith("KẾ HOẠCH\n\nI. MỤC ĐÍCH\n")


def test_the_exploded_header_of_the_legal_website_loses_its_pipes() -> None:
    raw = "|\n**ỦY BAN NHÂN DÂN**\nTHÀNH PHỐ CẦN THƠ\n-------\n|\nSố: 157/KH-UBND\n|\n\n**KẾ HOẠCH**\n"
    assert norm(raw) == "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n-------\nSố: 157/KH-UBND\n\nKẾ HOẠCH\n"


def test_body_tables_are_kept_cell_by_cell() -> None:
    row = "| 1 | Rà soát văn bản | Sở Tư pháp | Công an tỉnh | Quý IV/2025 |"
    table = "| TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
    raw = f"Số: 12/KH-UBND\n\nKẾ HOẠCH\n\nPHỤ LỤC\n\n{table}{row}\n"
    out = norm(raw)
    assert row in out
    assert "|---|---|---|---|---|" in out


EXPLODED = (
    "PHỤ LỤC\n\n|\nTT\n|\nNhiệm vụ\n|\nCơ quan chủ trì\n|\nThời gian\n|\nNguồn kinh phí\n|\n|\nI\n|\n"
    "Hoàn thiện thể chế\n|\n|\n1\n|\nRà soát, sửa đổi\nLuật Quy hoạch\n|\nSở Tài chính\n|\nQuý IV/2025\n|\n"
    "Chi thường xuyên\n|\n|\n2\n|\nXây dựng quy định\n|\nSở Tài chính\n|\nNăm 2026\n|\n|\n3\n|\nGóp ý\n|\n"
    "|\nQuý I/2026\n|\n|\n\n|\nNơi nhận:\n- Như trên;\n|\nKT. CHỦ TỊCH\n|\n"
)


def test_a_table_exploded_one_cell_per_line_is_rebuilt_row_by_row() -> None:
    assert norm(EXPLODED) == (
        "PHỤ LỤC\n\n| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian | Nguồn kinh phí |\n| I | Hoàn thiện thể chế |\n"
        "| 1 | Rà soát, sửa đổi Luật Quy hoạch | Sở Tài chính | Quý IV/2025 | Chi thường xuyên |\n"
        "| 2 | Xây dựng quy định | Sở Tài chính | Năm 2026 |\n| 3 | Góp ý |  | Quý I/2026 |\n"
        "\n|\nNơi nhận:\n- Như trên;\n|\nKT. CHỦ TỊCH\n|\n"
    )


# a page of the website without a single blank line: the task table follows its caption, then the recipients
NO_BLANKS = (
    "PHỤ LỤC\nDANH MỤC NHIỆM VỤ TRIỂN KHAI THI HÀNH NGHỊ ĐỊNH\n(Kèm theo Kế hoạch số 980/KH-UBND)\n|\nTT\n|\n"
    "Nội dung thực hiện\n|\nCơ quan chủ trì\n|\nThời gian hoàn thành\n|\n|\nI\n|\nKIỆN TOÀN CƠ CHẾ CHỈ ĐẠO\n|\n"
    "|\n1\n|\n"
    "Tổ chức lại Ban Chỉ huy\nPhòng thủ dân sự cấp tỉnh\n|\nBộ CHQS tỉnh\n|\nTrước ngày 30/11/2025\n|\n|\n2\n|\n"
    "Ban hành quy chế\n|\nSở Tài chính\n|\n2025\n|\nNơi nhận:\n- Như trên;\n|\nKT. CHỦ TỊCH\n|\n"
)


def test_a_task_table_right_under_its_caption_is_rebuilt_and_ends_before_the_recipients() -> None:
    assert norm(NO_BLANKS) == (
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ TRIỂN KHAI THI HÀNH NGHỊ ĐỊNH\n(Kèm theo Kế hoạch số 980/KH-UBND)\n"
        "| TT | Nội dung thực hiện | Cơ quan chủ trì | Thời gian hoàn thành |\n| I | KIỆN TOÀN CƠ CHẾ CHỈ ĐẠO |\n"
        "| 1 | Tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh | Bộ CHQS tỉnh | Trước ngày 30/11/2025 |\n"
        "| 2 | Ban hành quy chế | Sở Tài chính | 2025 |\nNơi nhận:\n- Như trên;\n|\nKT. CHỦ TỊCH\n|\n"
    )


def test_a_task_table_ends_where_its_last_row_runs_into_the_next_caption_and_table() -> None:
    raw = (
        "PHỤ LỤC I\n(Kèm theo Thông báo số 624/TB-VPCP)\n1. Các nhiệm vụ quá hạn\n|\nSTT\n|\nNhiệm vụ\n|\n"
        "Cơ quan chủ trì thực hiện\n|\n|\n1.\n|\nBan hành kế hoạch\n|\nCác bộ, ngành\n|\n|\n2.\n|\nRà soát\n|\n"
        "Bộ Tài chính\n|\n2. Các nhiệm vụ đang thực hiện\n|\nSTT\n|\nNhiệm vụ\n|\nCơ quan chủ trì thực hiện\n|\n|\n"
        "1.\n|\nBan hành chiến lược dữ liệu\n|\nCác bộ, ngành, địa phương\n|\n"
    )
    assert norm(raw) == (
        "PHỤ LỤC I\n(Kèm theo Thông báo số 624/TB-VPCP)\n1. Các nhiệm vụ quá hạn\n"
        "| STT | Nhiệm vụ | Cơ quan chủ trì thực hiện |\n| 1. | Ban hành kế hoạch | Các bộ, ngành |\n"
        "| 2. | Rà soát | Bộ Tài chính |\n2. Các nhiệm vụ đang thực hiện\n"
        "| STT | Nhiệm vụ | Cơ quan chủ trì thực hiện |\n"
        "| 1. | Ban hành chiến lược dữ liệu | Các bộ, ngành, địa phương |\n"
    )


def test_a_task_table_ends_before_the_website_footer() -> None:
    footer = "Kế hoạch 980/KH-UBND năm 2025 do tỉnh Nghệ An ban hành\nVăn bản này chưa cập nhật nội dung Tiếng Anh\n|\n"
    out = norm(NO_BLANKS.split("Nơi nhận:")[0] + footer)
    assert out.endswith("| 2 | Ban hành quy chế | Sở Tài chính | 2025 |\n" + footer)


def test_pipes_after_body_text_are_not_taken_for_a_table() -> None:
    raw = (
        "Điều 4. Các cơ quan chịu trách nhiệm thi hành Quyết định này./.\n|\n\nNơi nhận:\n- Như Điều 4;\n- Lưu: VT.\n"
        "|\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nMai Sơn\n|\nPHỤ LỤC\nQUY TRÌNH NỘI BỘ\n|\nThứ tự công việc\n|\nNội dung\n|\n"
    )
    assert norm(raw) == raw


def test_sentences_split_by_a_page_break_are_joined() -> None:
    out = normalize_text(seed_text("002"))[0]
    assert "số vụ do Viện Kiểm sát nhân dân, Tòa án nhân dân các cấp thụ lý" in out
    assert "pháp luật liên quan đến tội phạm mua bán người; tăng cường" in out
    assert "mô hình hỗ trợ nạn nhân hoạt động hiệu quả, lựa chọn" in out


@pytest.mark.parametrize(
    "raw",
    [
        "1. Mục tiêu\n\na) Tiếp tục tập trung nguồn lực",
        "bảo vệ quyền, lợi ích hợp pháp của công dân.\n\nb) Tăng cường hợp tác",
        "thực hiện như sau:\n\nđẩy mạnh công tác",
        "- Cục tham mưu CS (C42-BCA);\n\n- TT: TU, HĐND tỉnh;",
        "Chỉ đạo lực lượng Bộ đội Biên phòng\n\nĐịnh hướng người sử dụng",
    ],
    ids=["heading-then-letter", "sentence-end", "colon", "list", "capital"],
)
def test_a_blank_line_that_is_not_a_page_break_stays(raw: str) -> None:
    assert norm(raw) == raw


WRAPPED = (
    "**I. MỤC\nĐÍCH, YÊU CẦU**\n\n**1. Mục đích**\n\n- Quán triệt, triển khai có\nhiệu quả Quyết định số 06/QĐ-TTg "
    "ngày 02 tháng 01 năm 2025 của Thủ tướng Chính phủ\nvà Kế hoạch tổng thể ban hành kèm Quyết định số 3103/QĐ-BTC "
    "ngày 05\n"
    "tháng 9 năm 2025 của Bộ Tài chính, nhằm xây dựng Hệ thống thông tin quy hoạch thống nhất (2025 -\n2030).\n\n"
    "- Hình thành cơ sở dữ liệu số\nvề quy hoạch phục vụ công tác chỉ đạo.\n\n- Phân công trách nhiệm cụ\n"
    "thể, rõ ràng cho từng sở, ngành.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
)


def test_a_text_wrapped_at_a_fixed_width_is_joined_back() -> None:
    out = norm(WRAPPED)
    assert out.startswith("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- Quán triệt, triển khai có hiệu quả Quyết định")
    assert "của Thủ tướng Chính phủ và Kế hoạch tổng thể" in out
    assert "ngày 05 tháng 9 năm 2025" in out
    assert "(2025 - 2030)." in out
    assert "- Phân công trách nhiệm cụ thể, rõ ràng" in out
    assert out.endswith("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n")


# a wrapped paragraph that makes a text read as hard-wrapped, as the legal website's Markdown does
WRAP_TAIL = "\n- Hình thành cơ sở dữ liệu số\nvề quy hoạch phục vụ công tác\nchỉ đạo, điều hành phát triển\nkinh tế.\n"
JOINED_TAIL = "\n- Hình thành cơ sở dữ liệu số về quy hoạch phục vụ công tác chỉ đạo, điều hành phát triển kinh tế.\n"

WRAP_CASES = {
    "title-then-basis": (
        "**NGHỊ QUYẾT**\nQUY ĐỊNH NỘI DUNG, MỨC\nCHI HỖ TRỢ LỰC LƯỢNG CÔNG AN CẤP XÃ TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI\n"
        "*Căn cứ Luật Tổ chức\nchính quyền địa phương số 72/2025/QH15;*\n",
        "NGHỊ QUYẾT\nQUY ĐỊNH NỘI DUNG, MỨC CHI HỖ TRỢ LỰC LƯỢNG CÔNG AN CẤP XÃ TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n",
    ),
    "title-then-authority-line": (
        "**QUYẾT ĐỊNH**\nSỬA ĐỔI, BỔ SUNG QUYẾT ĐỊNH SỐ 3470/QĐ-UBND NGÀY 10 THÁNG 11 NĂM 2025 CỦA\n"
        "CHỦ TỊCH UBND THÀNH PHỐ VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN\n"
        "**CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ**\n*Căn cứ Luật Tổ chức chính\n"
        "quyền địa phương ngày 16 tháng 6 năm 2025;*\n",
        "QUYẾT ĐỊNH\nSỬA ĐỔI, BỔ SUNG QUYẾT ĐỊNH SỐ 3470/QĐ-UBND NGÀY 10 THÁNG 11 NĂM 2025 CỦA CHỦ TỊCH UBND THÀNH PHỐ "
        "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n",
    ),
    "type-line-then-sentence-case-title": (
        "**KẾ HOẠCH**\nTriển khai thi hành Luật Việc làm trên địa bàn Thành phố Hồ Chí Minh trong năm 2025 và\n"
        "các năm tiếp theo\n",
        "KẾ HOẠCH\nTriển khai thi hành Luật Việc làm trên địa bàn Thành phố Hồ Chí Minh trong năm 2025 và "
        "các năm tiếp theo\n",
    ),
    "enacting-line-and-article": (
        "Xét đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 125/TTr-SNNMT ngày 10/11/2025\n"
        "QUYẾT ĐỊNH:\n**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch triển\nkhai thực hiện Đề án.\n",
        "Xét đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 125/TTr-SNNMT ngày 10/11/2025\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện Đề án.\n",
    ),
    "heading-ending-in-a-year": (
        "3. Tầm nhìn đến năm 2045\nSau năm 2030, nồng độ bụi mịn PM2.5 tại Hà Nội giảm trung bình 5 μg/m3 theo mỗi kỳ\n"
        "kế hoạch 5 năm.\n",
        "3. Tầm nhìn đến năm 2045\nSau năm 2030, nồng độ bụi mịn PM2.5 tại Hà Nội giảm trung bình 5 μg/m3 theo mỗi kỳ "
        "kế hoạch 5 năm.\n",
    ),
    "wrapped-item-first-line": (
        "1. Giao Sở\nNông nghiệp và Môi trường là cơ quan đầu mối, chủ trì, hướng dẫn thực hiện Đề\nán.\n",
        "1. Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì, hướng dẫn thực hiện Đề án.\n",
    ),
    "heading-stopping-on-a-function-word": (
        "5. Xây dựng Nghị định của\nChính phủ\n\n3. Sở Văn hóa, Thể thao và\nDu lịch\n",
        "5. Xây dựng Nghị định của Chính phủ\n\n3. Sở Văn hóa, Thể thao và Du lịch\n",
    ),
    "heading-stopping-on-a-comma": (
        "a) Đối với các sở, ban, ngành,\nUBND các xã, phường\n", "a) Đối với các sở, ban, ngành, UBND các xã, phường\n",
    ),
    "hyphen-of-a-compound-at-a-line-start": (
        "mở rộng xuất khẩu các mặt hàng chế biến sâu, thúc đẩy sự phát triển kinh tế\n"
        "- xã hội của tỉnh theo hướng tăng trưởng xanh.\n",
        "mở rộng xuất khẩu các mặt hàng chế biến sâu, thúc đẩy sự phát triển kinh tế - xã hội của tỉnh theo "
        "hướng tăng trưởng xanh.\n",
    ),
    "hyphen-of-a-range-at-a-line-start": (
        "gia xuất khẩu đến năm 2030 dự kiến đạt 30,2 triệu USD, tốc độ tăng bình quân 05\n"
        "- 06%/năm. Thị trường định hướng xuất khẩu: Trung Quốc, Úc.\n",
        "gia xuất khẩu đến năm 2030 dự kiến đạt 30,2 triệu USD, tốc độ tăng bình quân 05 - 06%/năm. Thị trường "
        "định hướng xuất khẩu: Trung Quốc, Úc.\n",
    ),
    "bold-heading-split-after-its-word": (
        "**Phần\nI. DANH MỤC THỦ TỤC HÀNH CHÍNH**\n", "Phần I. DANH MỤC THỦ TỤC HÀNH CHÍNH\n",
    ),
    "dash-item-after-a-full-line": (
        "- Tổ chức phổ biến, giáo dục Luật Việc làm và các văn bản quy định chi tiết;\n"
        "- Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân Thành phố ban hành Kế hoạch.\n",
        "- Tổ chức phổ biến, giáo dục Luật Việc làm và các văn bản quy định chi tiết;\n"
        "- Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân Thành phố ban hành Kế hoạch.\n",
    ),
}


@pytest.mark.parametrize(("raw", "expected"), WRAP_CASES.values(), ids=WRAP_CASES.keys())
def test_wrapped_lines_join_except_where_a_line_really_ends(raw: str, expected: str) -> None:
    assert norm(raw + WRAP_TAIL) == expected + JOINED_TAIL


def test_real_line_ends_are_not_taken_for_wraps() -> None:
    text = seed_text("003")
    assert norm(text).count("\n") >= text.count("\n") - 2


def test_page_starts_follow_the_offset_map() -> None:
    page1 = "**KẾ HOẠCH**\n\n**I. MỤC TIÊU**\n\n"
    page2 = "\t**1. Mục tiêu**  \n\na) Nội dung\n"
    src = SourceDocument("x.pdf", "0" * 64, "pdf", page1 + page2, page_starts=(0, len(page1)))
    doc = normalize(src)
    assert doc.page_starts[0] == 0
    assert doc.text[doc.page_starts[1]:].startswith("1. Mục tiêu\n")
    assert doc.page_at(doc.text.index("a) Nội dung")) == 2
    assert doc.page_at(doc.text.index("I. MỤC TIÊU")) == 1


def test_text_edits_map_offsets_around_replacements() -> None:
    edits = TextEdits("ab**cd**ef", [(2, 4, ""), (6, 8, ""), (8, 8, "!")])
    assert edits.text == "abcd!ef"
    assert [edits.map(i) for i in (0, 2, 3, 4, 5, 8, 9, 10)] == [0, 2, 2, 2, 3, 4, 6, 7]


def test_text_edits_drop_an_edit_that_overlaps_an_earlier_one() -> None:
    assert TextEdits("abcdef", [(1, 4, "X"), (2, 5, "Y"), (5, 6, "Z")]).text == "aXeZ"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"ab Đđ*#|\t\n-.:1I)", "**", "\n\n", "| x |"]), max_size=80).map("".join),
       st.lists(st.integers(min_value=0, max_value=200), max_size=4))
def test_normalize_never_raises_and_keeps_pages_in_order(text: str, starts: list[int]) -> None:
    page_starts = tuple(sorted({0, *(s for s in starts if s <= len(text))}))
    doc = normalize(SourceDocument("x", "0" * 64, "pdf", text, page_starts=page_starts))
    assert list(doc.page_starts) == sorted(doc.page_starts)
    assert all(0 <= p <= len(doc.text) for p in doc.page_starts)
    assert not any(line != line.strip(" \t") for line in doc.text.split("\n"))
