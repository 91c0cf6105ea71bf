"""Roles from the ways plans assign work, on short plans written for the test."""

from __future__ import annotations

import pytest
from conftest import segmented

from extractors import assignments
from models.records import DocumentMeta

LANG_SON = DocumentMeta(province="Lạng Sơn", issuer_level="provincial")
CENTRAL = DocumentMeta()


def rows(body: str, meta: DocumentMeta = LANG_SON) -> set[tuple[str | None, str, str]]:
    """(section path, agency, role) for a plan whose body is `body`."""
    doc = segmented("KẾ HOẠCH\nThực hiện công tác năm 2024\n\n" + body)
    out = set()
    for a in assignments.extract(doc, meta):
        s = doc.sections[a.section] if a.section is not None else None
        while s is not None and s.kind in ("dash", "plus"):
            s = doc.sections[s.parent]
        out.add((s.path if s else None, a.agency.name, a.role))
    return out


def test_lead_and_coordinating_bodies_labelled_as_such() -> None:
    got = rows("I. NHIỆM VỤ\n1. Tuyên truyền pháp luật\n"
               "- Cơ quan chủ trì: Sở Tư pháp.\n"
               "- Cơ quan phối hợp: Công an tỉnh, Sở Y tế và các sở, ngành có liên quan.\n")
    assert got == {
        ("I.1", "Sở Tư pháp tỉnh Lạng Sơn", "lead"),
        ("I.1", "Công an tỉnh Lạng Sơn", "coordinate"),
        ("I.1", "Sở Y tế tỉnh Lạng Sơn", "coordinate"),
        ("I.1", "Các sở, ngành có liên quan", "coordinate"),
    }


def test_parenthesis_closing_a_task_with_nested_parentheses() -> None:
    got = rows("I. NHIỆM VỤ\n1. Tổ chức tập huấn cho cán bộ cơ sở (Bộ Công an (Cục Cảnh sát hình sự) chủ trì, "
               "phối hợp Bộ Quốc phòng, các bộ, ngành, địa phương thực hiện).\n"
               "2. Tổ chức các lớp bồi dưỡng nghiệp vụ (Các bộ, ngành, địa phương thực hiện).\n", CENTRAL)
    assert got == {
        ("I.1", "Bộ Công an", "lead"),
        ("I.1", "Cục Cảnh sát hình sự", "lead"),
        ("I.1", "Bộ Quốc phòng", "coordinate"),
        ("I.1", "Các bộ, ngành, địa phương", "coordinate"),
        ("I.2", "Các bộ, ngành, địa phương", "implement"),
    }


def test_subject_lead_and_abbreviations() -> None:
    got = rows("I. NHIỆM VỤ\n1. Hỗ trợ nạn nhân\na) Sở LĐ-TB&XH chủ trì, phối hợp với Hội LHPN tỉnh và "
               "Đài PT-TH tỉnh tổ chức tiếp nhận nạn nhân.\n")
    assert got == {
        ("I.1.a", "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn", "lead"),
        ("I.1.a", "Hội Liên hiệp Phụ nữ tỉnh Lạng Sơn", "coordinate"),
        ("I.1.a", "Đài Phát thanh - Truyền hình tỉnh Lạng Sơn", "coordinate"),
    }


def test_giao_de_nghi_and_bodies_directed() -> None:
    got = rows("I. TỔ CHỨC THỰC HIỆN\n1. Giao Công an tỉnh là cơ quan thường trực, theo dõi việc thực hiện.\n"
               "2. Đề nghị Viện Kiểm sát nhân dân tỉnh chỉ đạo Viện Kiểm sát nhân dân các huyện thực hiện.\n")
    assert got == {
        ("I.1", "Công an tỉnh Lạng Sơn", "lead"),
        ("I.1", "Công an tỉnh Lạng Sơn", "standing"),
        ("I.2", "Viện Kiểm sát nhân dân tỉnh Lạng Sơn", "lead"),
        ("I.2", "Viện Kiểm sát nhân dân các huyện", "implement"),
    }


def test_heading_body_gets_the_roles_of_its_items() -> None:
    got = rows("I. PHÂN CÔNG TRÁCH NHIỆM\n1. Công an tỉnh:\n"
               "- Là cơ quan thường trực, giúp UBND tỉnh theo dõi việc thực hiện.\n"
               "- Chủ trì thực hiện Đề án 2; đồng thời phối hợp với Sở Tư pháp thực hiện Đề án 4.\n"
               "2. Đề nghị Tòa án nhân dân tỉnh:\nPhối hợp với các cơ quan liên quan tham gia thực hiện Đề án 2.\n"
               "3. UBND các huyện, thành phố:\nXây dựng kế hoạch triển khai tại địa phương.\n")
    assert got == {
        ("I.1", "Công an tỉnh Lạng Sơn", "standing"),
        ("I.1", "Công an tỉnh Lạng Sơn", "lead"),
        ("I.1", "Công an tỉnh Lạng Sơn", "coordinate"),
        ("I.1", "Sở Tư pháp tỉnh Lạng Sơn", "coordinate"),
        ("I.2", "Tòa án nhân dân tỉnh Lạng Sơn", "coordinate"),
        ("I.2", "Các cơ quan liên quan", "coordinate"),
        ("I.3", "Ủy ban nhân dân các huyện, thành phố", "implement"),
    }


def test_reports_go_to_a_body_through_another() -> None:
    got = rows("I. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành định kỳ 6 tháng báo cáo kết quả gửi Ban Chỉ đạo 138 tỉnh "
               "(qua Phòng Cảnh sát hình sự - Công an tỉnh) để tổng hợp.\n"
               "2. Sở Tài chính lập dự toán, gửi Sở Kế hoạch và Đầu tư thẩm định, trình UBND tỉnh phê duyệt.\n")
    assert got == {
        ("I.1", "Các sở, ngành", "implement"),
        ("I.1", "Ban Chỉ đạo 138 tỉnh Lạng Sơn", "report_to"),
        ("I.1", "Phòng Cảnh sát hình sự - Công an tỉnh Lạng Sơn", "report_to"),
        ("I.2", "Sở Tài chính tỉnh Lạng Sơn", "lead"),
    }


def test_collective_subject_that_coordinates_and_one_that_implements() -> None:
    got = rows("I. NHIỆM VỤ\n1. Truyền thông\n"
               "a) Các sở, ban, ngành, đoàn thể căn cứ chức năng, nhiệm vụ chủ động phối hợp thực hiện.\n"
               "b) Các cơ quan tiến hành tố tụng phối hợp chặt chẽ trong điều tra, truy tố.\n")
    assert got == {
        ("I.1.a", "Các sở, ban, ngành, đoàn thể", "coordinate"),
        ("I.1.b", "Các cơ quan tiến hành tố tụng", "implement"),
    }


def test_commune_plan_and_a_body_split_over_a_line_break() -> None:
    meta = DocumentMeta(province="Quảng Ninh", issuer_level="commune", locality="xã Lương Minh")
    got = rows("I. TỔ CHỨC THỰC HIỆN\n1. Công an xã chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc\n"
               "Việt Nam xã tổ chức tuyên truyền.\n", meta)
    assert got == {
        ("I.1", "Công an xã Lương Minh", "lead"),
        ("I.1", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh", "coordinate"),
    }


def test_aims_advisees_and_the_distribution_list_are_not_assignments() -> None:
    got = rows("I. MỤC TIÊU\n1. Phát huy vai trò của các cấp, ngành, đoàn thể trong phòng ngừa.\n"
               "II. NHIỆM VỤ\n1. Tham mưu UBND tỉnh chỉ đạo thực hiện theo hướng dẫn của Bộ Công an.\n"
               "\nNơi nhận:\n- Bộ Công an;\n- UBND các huyện;\n- Lưu: VT.\n")
    assert got == set()


def test_task_table_columns() -> None:
    got = rows("PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
               "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
               "|---|---|---|---|---|\n"
               "| 1 | Tuyên truyền pháp luật | Sở Tư pháp | Công an tỉnh; Sở Y tế | Năm 2024 |\n"
               "| 2 | Hỗ trợ nạn nhân | Sở LĐ-TB&XH | Các sở, ngành liên quan | Hằng năm |\n")
    roles = {(agency, role) for _, agency, role in got}
    assert roles == {
        ("Sở Tư pháp tỉnh Lạng Sơn", "lead"),
        ("Công an tỉnh Lạng Sơn", "coordinate"),
        ("Sở Y tế tỉnh Lạng Sơn", "coordinate"),
        ("Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn", "lead"),
        ("Các sở, ngành liên quan", "coordinate"),
    }


def test_labelled_list_names_bodies_the_gazetteer_does_not_know() -> None:
    got = rows("I. NHIỆM VỤ\n1. Hỗ trợ việc làm\n- Cơ quan chủ trì: Sở Nội vụ.\n"
               "- Cơ quan phối hợp: Bảo hiểm xã hội tỉnh, Chi nhánh Ngân hàng Chính sách xã hội tỉnh "
               "và Ủy ban nhân dân xã, phường, đặc khu.\n")
    assert got == {
        ("I.1", "Sở Nội vụ tỉnh Lạng Sơn", "lead"),
        ("I.1", "Bảo hiểm xã hội tỉnh Lạng Sơn", "coordinate"),
        ("I.1", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh Lạng Sơn", "coordinate"),
        ("I.1", "Ủy ban nhân dân xã, phường, đặc khu", "coordinate"),
    }


def test_heading_body_with_its_task_on_the_same_line_and_a_report_channel() -> None:
    got = rows("I. TỔ CHỨC THỰC HIỆN\n1. Các cơ quan, đơn vị xây dựng kế hoạch triển khai.\n"
               "- Báo cáo Ủy ban nhân dân tỉnh về kết quả (qua Sở Nội vụ) khi tổng kết.\n"
               "2. Sở Văn hóa, Thể thao và Du lịch: Phối hợp với Sở Nội vụ tổ chức tuyên truyền.\n")
    assert got == {
        ("I.1", "Các cơ quan, đơn vị", "implement"),
        ("I.1", "Ủy ban nhân dân tỉnh Lạng Sơn", "report_to"),
        ("I.1", "Sở Nội vụ tỉnh Lạng Sơn", "report_to"),
        ("I.2", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn", "coordinate"),
        ("I.2", "Sở Nội vụ tỉnh Lạng Sơn", "coordinate"),
    }


def test_word_table_flattened_one_cell_per_line() -> None:
    cells = ["TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "",
             "I", "KIỆN TOÀN BỘ MÁY", "",
             "1", "Tổ chức lại Ban Chỉ huy", "Bộ CHQS tỉnh; UBND cấp xã", "Các sở, ban, ngành", "Năm 2025", "",
             "2", "Hướng dẫn thanh toán chi phí", "Sở Y tế", "Sở Tài chính và cơ quan liên quan", "2025", ""]
    table = "\n".join(f"|\n{c}" if c else "|" for c in cells)  # an empty cell is two bars in a row
    got = rows("I. NHIỆM VỤ\n1. Tuyên truyền.\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n" + table + "\n|\n")
    assert {(agency, role) for _, agency, role in got} == {
        ("Bộ Chỉ huy Quân sự tỉnh Lạng Sơn", "lead"),
        ("Ủy ban nhân dân cấp xã", "implement"),
        ("Các sở, ban, ngành", "coordinate"),
        ("Sở Y tế tỉnh Lạng Sơn", "lead"),
        ("Sở Tài chính tỉnh Lạng Sơn", "coordinate"),
        ("Các cơ quan liên quan", "coordinate"),
    }


def test_heading_naming_a_body_outside_the_gazetteer() -> None:
    got = rows("I. TỔ CHỨC THỰC HIỆN\n1. Ban Quản lý Khu kinh tế Đông Nam\n"
               "- Theo dõi, đôn đốc các doanh nghiệp triển khai hạ tầng.\n"
               "- Phối hợp chặt chẽ với Sở Khoa học và Công nghệ hỗ trợ các nhà mạng như Viettel, VNPT.\n")
    assert got == {
        ("I.1", "Ban Quản lý Khu kinh tế Đông Nam", "lead"),
        ("I.1", "Ban Quản lý Khu kinh tế Đông Nam", "coordinate"),
        ("I.1", "Các doanh nghiệp", "implement"),
        ("I.1", "Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "coordinate"),
    }


def test_decision_article_naming_officials_and_their_bodies() -> None:
    got = rows("QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
               "Điều 2. Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Công Thương; Chủ tịch UBND các xã, "
               "phường và các tổ chức liên quan căn cứ Quyết định thi hành./.\n")
    assert {(agency, role) for _, agency, role in got} == {
        ("Các cơ quan", "implement"),
        ("Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn", "lead"),
        ("Sở Công Thương tỉnh Lạng Sơn", "lead"),
        ("Ủy ban nhân dân các xã, phường", "implement"),
        ("Các tổ chức liên quan", "implement"),
    }


def test_national_plan_of_a_ministry() -> None:
    got = rows("I. NHIỆM VỤ\n1. Rà soát văn bản (Vụ Pháp chế chủ trì, phối hợp với Cục Trẻ em thực hiện).\n"
               "II. TỔ CHỨC THỰC HIỆN\n1. Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ xây dựng kế hoạch.\n"
               "2. Vụ Kế hoạch - Tài chính bố trí kinh phí.\n"
               "3. Đề nghị Ủy ban nhân dân các tỉnh chỉ đạo Sở Y tế thực hiện.\n", CENTRAL)
    assert got == {
        ("I.1", "Vụ Pháp chế", "lead"),
        ("I.1", "Cục Trẻ em", "coordinate"),
        ("II.1", "Các vụ, cục, đơn vị thuộc bộ", "implement"),
        ("II.2", "Vụ Kế hoạch - Tài chính", "lead"),
        ("II.3", "Ủy ban nhân dân các tỉnh", "implement"),
        ("II.3", "Sở Y tế", "implement"),
    }


def test_standing_bodies_and_focal_points() -> None:
    got = rows("I. NHIỆM VỤ\n1. Công an tỉnh - Cơ quan thường trực Ban Chỉ đạo 138 tỉnh theo dõi việc thực hiện.\n"
               "2. Giao nhiệm vụ cho Sở Y tế làm đầu mối tổng hợp.\n3. Cơ quan thường trực: Sở Tư pháp.\n")
    assert got == {
        ("I.1", "Công an tỉnh Lạng Sơn", "standing"),
        ("I.2", "Sở Y tế tỉnh Lạng Sơn", "lead"),
        ("I.3", "Sở Tư pháp tỉnh Lạng Sơn", "standing"),
    }


def test_task_table_with_a_two_row_header() -> None:
    got = rows("PHỤ LỤC\nNHIỆM VỤ CỤ THỂ\n"
               "| TT | Nhiệm vụ | Cơ quan thực hiện | | Thời gian |\n"
               "| | | Chủ trì | Phối hợp | |\n"
               "| 1 | Kiểm tra việc thực hiện | Thanh tra tỉnh | Sở Nội vụ, Sở Tư pháp (chủ trì báo cáo) | Quý IV |\n")
    assert {(agency, role) for _, agency, role in got} == {
        ("Thanh tra tỉnh Lạng Sơn", "lead"),
        ("Sở Nội vụ tỉnh Lạng Sơn", "coordinate"),
        ("Sở Tư pháp tỉnh Lạng Sơn", "coordinate"),
    }


def test_task_table_whose_doers_column_leads() -> None:
    got = rows("PHỤ LỤC\nNHIỆM VỤ CỤ THỂ\n"
               "| STT | Nhiệm vụ | Cơ quan, đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện |\n"
               "|---|---|---|---|---|\n"
               "| 1 | Tuyên truyền | Sở Tư pháp; UBND các xã | Đài PT-TH tỉnh | Năm 2025 |\n")
    assert {(agency, role) for _, agency, role in got} == {
        ("Sở Tư pháp tỉnh Lạng Sơn", "lead"),
        ("Ủy ban nhân dân các xã", "implement"),
        ("Đài Phát thanh - Truyền hình tỉnh Lạng Sơn", "coordinate"),
    }


def test_commune_plan_through_the_whole_pipeline() -> None:
    from conftest import extracted

    doc = extracted("ỦY BAN NHÂN DÂN\nXÃ LƯƠNG MINH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "Độc lập - Tự do - Hạnh phúc\nSố: 45/KH-UBND\nLương Minh, ngày 10 tháng 3 năm 2024\n\n"
                    "KẾ HOẠCH\nPhòng, chống mua bán người năm 2024\n\n"
                    "I. NHIỆM VỤ\n1. Công an xã chủ trì, phối hợp với Ủy ban MTTQ Việt Nam xã tổ chức tuyên truyền.\n"
                    "2. Đoàn Thanh niên, Hội Phụ nữ xã lồng ghép nội dung tuyên truyền trong sinh hoạt.\n"
                    "3. Trưởng các thôn, bản báo cáo kết quả về UBND xã (qua Công an xã).\n", "xa.txt")
    got = {(a.agency.name, a.role) for a in doc.assignments}
    assert got == {
        ("Công an xã Lương Minh", "lead"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh", "coordinate"),
        ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Lương Minh", "lead"),
        ("Hội Liên hiệp Phụ nữ xã Lương Minh", "lead"),
        ("Các thôn, bản", "implement"),
        ("Ủy ban nhân dân xã Lương Minh", "report_to"),
        ("Công an xã Lương Minh", "report_to"),
    }


CAN_THO = DocumentMeta(province="Cần Thơ", issuer_level="provincial")
DONG_NAI = DocumentMeta(province="Đồng Nai", issuer_level="provincial")
COMMUNE = DocumentMeta(province="Quảng Ninh", issuer_level="commune", locality="xã Lương Minh")


# real phrasing from 2025 plans (shortened), and variants
@pytest.mark.parametrize(("body", "meta", "expected"), [
    # a heading with no closing mark, its paragraph opening with the body on the next line
    ("II. NỘI DUNG\n1. Xây dựng các văn bản quy phạm pháp luật\n\n"
     "Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố có trách nhiệm rà soát, tham mưu.\n", DONG_NAI,
     {("II.1", "Các sở, ban, ngành thuộc Ủy ban nhân dân thành phố", "implement")}),
    # ... but a sentence wrapped after its cue goes on over the line break
    ("I. NHIỆM VỤ\n1. Công an tỉnh chủ trì, phối hợp với\nSở Tư pháp tổ chức tuyên truyền.\n", DONG_NAI,
     {("I.1", "Công an tỉnh Đồng Nai", "lead"), ("I.1", "Sở Tư pháp tỉnh Đồng Nai", "coordinate")}),
    # a report's channel after `qua`, with no parenthesis; the bodies named by their role assign nothing
    ("I. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành xây dựng kế hoạch, hằng năm báo cáo kết quả về Ban Chỉ huy "
     "Phòng thủ dân sự tỉnh qua Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh để tổng hợp.\n"
     "2. Các cơ quan, đơn vị được giao chủ trì có trách nhiệm hoàn thành nhiệm vụ, các cơ quan phối hợp có trách "
     "nhiệm phối hợp với cơ quan chủ trì thực hiện.\n", DONG_NAI,
     {("I.1", "Các sở, ban, ngành", "implement"),
      ("I.1", "Ban Chỉ huy Phòng thủ dân sự tỉnh Đồng Nai", "report_to"),
      ("I.1", "Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh Đồng Nai", "report_to")}),
    # `Khuyến khích` asks as `Đề nghị` does; a list joined by `,` and `và`
    ("I. TỔ CHỨC THỰC HIỆN\n1. Khuyến khích Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh và Liên minh Hợp tác xã "
     "xây dựng kế hoạch hành động.\n", DONG_NAI,
     {("I.1", "Liên đoàn Lao động tỉnh Đồng Nai", "lead"), ("I.1", "Hội Nông dân tỉnh Đồng Nai", "lead"),
      ("I.1", "Liên minh Hợp tác xã tỉnh Đồng Nai", "lead")}),
    # heading bodies of 2025: a name split over a line break, one with its duty, a reorganised border guard
    ("I. PHÂN CÔNG NHIỆM VỤ\n1. Trung tâm Chuyển đổi số và\nTruyền thông thuộc Sở Khoa học và Công nghệ\n\n"
     "a) Thực hiện quản trị, vận hành Hệ thống thư điện tử.\n"
     "2. Trung tâm Đổi mới sáng tạo Cần Thơ có trách nhiệm:\n- Hỗ trợ doanh nghiệp khởi nghiệp.\n"
     "3. Ban Chỉ huy Bộ đội Biên phòng thành phố\na) Chỉ đạo các đơn vị trực thuộc phối hợp chặt chẽ lực lượng "
     "Công an thành phố thực hiện.\n4. Báo và Phát thanh, Truyền hình Cần Thơ\n"
     "Phối hợp với các sở, ban, ngành liên quan đẩy mạnh công tác thông tin tuyên truyền.\n", CAN_THO,
     {("I.1.a", "Trung tâm Chuyển đổi số và Truyền thông", "lead"),
      ("I.2", "Trung tâm Đổi mới sáng tạo Cần Thơ", "lead"),
      ("I.3.a", "Bộ Chỉ huy Bộ đội Biên phòng thành phố Cần Thơ", "lead"),
      ("I.3.a", "Các đơn vị trực thuộc", "implement"), ("I.3.a", "Công an thành phố Cần Thơ", "coordinate"),
      ("I.4", "Báo và Phát thanh, Truyền hình Cần Thơ", "coordinate"),
      ("I.4", "Các sở, ban, ngành liên quan", "coordinate")}),
    # a subject with an aside before its verb; a list of bodies after `Đề nghị` in a heading, the
    # youth union's name holding a city's; `tổ chức` after a closed collective is the verb
    ("I. KINH PHÍ\n1. Sở Tài chính, trên cơ sở đề xuất của các cơ quan, đơn vị, địa phương, chủ trì tổng hợp.\n"
     "2. Các sở, ban, ngành, đơn vị, tổ chức chính trị - xã hội, hội, đoàn thể theo chức năng, nhiệm vụ được giao "
     "chủ động phối hợp với Sở Nông nghiệp và Môi trường trong việc tổ chức thực hiện.\n"
     "3. Đề nghị Liên minh Hợp tác xã tỉnh, Đoàn TNCS Hồ Chí Minh tỉnh, Hội nông dân tỉnh, Hiệp hội doanh nghiệp "
     "tỉnh\n- Phối hợp với các sở, ngành và các đơn vị có liên quan tổ chức, tham gia các hoạt động xúc tiến.\n",
     DONG_NAI,
     {("I.1", "Sở Tài chính tỉnh Đồng Nai", "lead"),
      ("I.2", "Các sở, ban, ngành, đơn vị, tổ chức chính trị - xã hội, hội, đoàn thể", "implement"),
      ("I.2", "Sở Nông nghiệp và Môi trường tỉnh Đồng Nai", "coordinate"),
      ("I.3", "Liên minh Hợp tác xã tỉnh Đồng Nai", "coordinate"),
      ("I.3", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng Nai", "coordinate"),
      ("I.3", "Hội Nông dân tỉnh Đồng Nai", "coordinate"), ("I.3", "Hiệp hội Doanh nghiệp tỉnh Đồng Nai", "coordinate"),
      ("I.3", "Các sở, ngành", "coordinate"), ("I.3", "Các đơn vị có liên quan", "coordinate")}),
    # a body learnt from its heading is found again; a list after a cue goes on past a body nobody knows
    ("I. TỔ CHỨC THỰC HIỆN\n1. Ban Quản lý Khu kinh tế Đông Nam\n- Đề xuất những khu công nghiệp cần 5G.\n"
     "2. Các chủ đầu tư hạ tầng Khu công nghiệp\n- Phối hợp chặt chẽ với Ban Quản lý Khu kinh tế Đông Nam, "
     "Sở Khoa học và Công nghệ và các doanh nghiệp viễn thông trong quá trình khảo sát.\n"
     "3. Sở Xây dựng\n- Phối hợp với Trung tâm Phát triển quỹ đất, Sở Tài chính và các nhà mạng thực hiện.\n",
     DONG_NAI,
     {("I.1", "Ban Quản lý Khu kinh tế Đông Nam", "lead"),
      ("I.2", "Ban Quản lý Khu kinh tế Đông Nam", "coordinate"),
      ("I.2", "Sở Khoa học và Công nghệ tỉnh Đồng Nai", "coordinate"),
      ("I.2", "Các doanh nghiệp viễn thông", "coordinate"),
      ("I.3", "Sở Xây dựng tỉnh Đồng Nai", "coordinate"), ("I.3", "Sở Tài chính tỉnh Đồng Nai", "coordinate"),
      ("I.3", "Các nhà mạng", "coordinate")}),
    # short unknown items inside one enumeration; a heading standing body that still leads its items;
    # a heading that names the bodies through their heads' post
    ("I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ (Cơ quan thường trực Ban Vì sự tiến bộ phụ nữ Thành phố):\n"
     "- Chủ trì, phối hợp với các sở, ban, ngành, Ủy ban nhân dân phường, xã, đặc khu, báo, đài và các đơn vị có "
     "liên quan triển khai Kế hoạch.\n"
     "2. Thủ trưởng các sở, ban, ngành, đoàn thể Thành phố\n- Xây dựng kế hoạch thực hiện.\n", DONG_NAI,
     {("I.1", "Sở Nội vụ tỉnh Đồng Nai", "standing"), ("I.1", "Sở Nội vụ tỉnh Đồng Nai", "lead"),
      ("I.1", "Các sở, ban, ngành, Ủy ban nhân dân phường, xã, đặc khu", "coordinate"),
      ("I.1", "Các đơn vị có liên quan", "coordinate"),
      ("I.2", "Các sở, ban, ngành, đoàn thể thành phố", "implement")}),
    # a standing body set off by a dash still leads the tasks under it; a province's board outside the gazetteer
    ("I. NHIỆM VỤ CỤ THỂ\n1. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo\n"
     "- Tuyên truyền, phổ biến các quy định về quản lý tài sản công.\n"
     "- Phối hợp Ban Quản lý Khu kinh tế Dung Quất hướng dẫn kiểm kê.\n", DONG_NAI,
     {("I.1", "Sở Tài chính tỉnh Đồng Nai", "standing"), ("I.1", "Sở Tài chính tỉnh Đồng Nai", "lead"),
      ("I.1", "Sở Tài chính tỉnh Đồng Nai", "coordinate"), ("I.1", "Ban Quản lý Khu kinh tế Dung Quất", "coordinate")}),
    # tasks listed under `b) Phối hợp với ...` are done in that role, not led
    ("I. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương\na) Chủ trì, phối hợp với các sở, ban, ngành\n"
     "- Tổ chức chương trình tập huấn kiến thức.\nb) Phối hợp với các sở, ngành, UBND các xã, phường\n"
     "- Hỗ trợ các nhà đầu tư phát triển hạ tầng thương mại.\n", DONG_NAI,
     {("I.1.a", "Sở Công Thương tỉnh Đồng Nai", "lead"), ("I.1.a", "Các sở, ban, ngành", "coordinate"),
      ("I.1.b", "Sở Công Thương tỉnh Đồng Nai", "coordinate"),
      ("I.1.b", "Các sở, ngành, Ủy ban nhân dân các xã, phường", "coordinate")}),
    # a heading listing a known body and one nobody listed; a city's high command; money `cho` bodies in a
    # clause that also reports is no report
    ("I. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh, Bộ Tư lệnh tỉnh\n- Bảo đảm an ninh mạng cho hệ thống.\n"
     "2. Các sở ngành liên quan, Viện Nghiên cứu phát triển tỉnh\n- Thu thập, chuẩn hóa dữ liệu quy hoạch.\n"
     "3. Sở Tài chính tổng hợp nhu cầu kinh phí để báo cáo Ủy ban nhân dân tỉnh bố trí dự toán cho các đơn vị.\n",
     DONG_NAI,
     {("I.1", "Công an tỉnh Đồng Nai", "lead"), ("I.1", "Bộ Tư lệnh tỉnh Đồng Nai", "lead"),
      ("I.2", "Các sở ngành liên quan", "implement"), ("I.2", "Viện Nghiên cứu phát triển tỉnh Đồng Nai", "lead"),
      ("I.3", "Sở Tài chính tỉnh Đồng Nai", "lead"), ("I.3", "Ủy ban nhân dân tỉnh Đồng Nai", "report_to")}),
    # a ministry's plan: departments outside the gazetteer, bodies that only `phối hợp.`
    ("I. NHIỆM VỤ\n1. Cục Biến đổi khí hậu chủ trì; Vụ Kế hoạch - Tài chính, Vụ Hợp tác quốc tế phối hợp.\n"
     "2. Bộ Công an, Bộ Quốc phòng (Bộ Tư lệnh Cảnh sát biển) phối hợp thực hiện.\n", CENTRAL,
     {("I.1", "Cục Biến đổi khí hậu", "lead"), ("I.1", "Vụ Kế hoạch - Tài chính", "coordinate"),
      ("I.1", "Vụ Hợp tác quốc tế", "coordinate"), ("I.2", "Bộ Công an", "coordinate"),
      ("I.2", "Bộ Quốc phòng", "coordinate"), ("I.2", "Cảnh sát biển", "coordinate")}),
    # items under `b) Chủ trì, phối hợp` name the partners of the heading body
    ("I. PHÂN CÔNG\n1. Công an tỉnh\na) Chủ trì tham mưu thực hiện Chương trình.\nb) Chủ trì, phối hợp\n"
     "- Sở Tài chính và các đơn vị có liên quan tham mưu bố trí kinh phí.\n", DONG_NAI,
     {("I.1.a", "Công an tỉnh Đồng Nai", "lead"), ("I.1.b", "Công an tỉnh Đồng Nai", "lead"),
      ("I.1.b", "Sở Tài chính tỉnh Đồng Nai", "coordinate"), ("I.1.b", "Các đơn vị có liên quan", "coordinate")}),
    # a commune plan after 2025, nested parentheses
    ("I. NHIỆM VỤ\n1. Tuyên truyền pháp luật (Phòng Văn hóa - Xã hội chủ trì, phối hợp với Văn phòng HĐND và UBND "
     "xã (bộ phận một cửa) và Trung tâm Phục vụ hành chính công xã thực hiện).\n", COMMUNE,
     {("I.1", "Phòng Văn hóa - Xã hội xã Lương Minh", "lead"),
      ("I.1", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Lương Minh", "coordinate"),
      ("I.1", "Trung tâm Phục vụ hành chính công xã Lương Minh", "coordinate")}),
])
def test_roles_on_real_plans(body: str, meta: DocumentMeta, expected: set) -> None:
    assert rows(body, meta) == expected


def test_commune_plan_after_the_2025_reorganisation_through_the_whole_pipeline() -> None:
    from conftest import extracted

    doc = extracted("ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "Độc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nTân Hòa, ngày 10 tháng 9 năm 2025\n\n"
                    "KẾ HOẠCH\nTuyên truyền phổ biến pháp luật năm 2025\n\n"
                    "Thực hiện Kế hoạch số 100/KH-UBND ngày 01/8/2025 của UBND tỉnh Đồng Tháp; UBND xã ban hành "
                    "Kế hoạch như sau:\nI. NHIỆM VỤ\n1. Phòng Văn hóa - Xã hội\n"
                    "- Chủ trì, phối hợp với Công an xã, Trạm Y tế xã và các ấp, khu phố tổ chức tuyên truyền.\n"
                    "2. Phòng Kinh tế\nPhối hợp với Văn phòng HĐND và UBND xã tổ chức hội nghị.\n"
                    "3. Trung tâm Phục vụ hành chính công xã\nNiêm yết các thủ tục hành chính mới.\n"
                    "4. Trưởng các ấp, khu phố\nTổ chức họp dân phổ biến nội dung Kế hoạch.\n"
                    "II. TỔ CHỨC THỰC HIỆN\nCác cơ quan, đơn vị định kỳ hằng quý báo cáo kết quả về UBND xã "
                    "(qua Phòng Văn hóa - Xã hội) để tổng hợp, báo cáo UBND tỉnh.\n", "xa_tan_hoa.txt")
    got = {(a.agency.name, a.role) for a in doc.assignments}
    assert got == {
        ("Phòng Văn hóa - Xã hội xã Tân Hòa", "lead"),
        ("Công an xã Tân Hòa", "coordinate"), ("Trạm Y tế xã Tân Hòa", "coordinate"),
        ("Các ấp, khu phố", "coordinate"),
        ("Phòng Kinh tế xã Tân Hòa", "coordinate"),
        ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Tân Hòa", "coordinate"),
        ("Trung tâm Phục vụ hành chính công xã Tân Hòa", "lead"),
        ("Các ấp, khu phố", "implement"),
        ("Các cơ quan, đơn vị", "implement"),
        ("Ủy ban nhân dân xã Tân Hòa", "report_to"), ("Phòng Văn hóa - Xã hội xã Tân Hòa", "report_to"),
        ("Ủy ban nhân dân tỉnh Đồng Tháp", "report_to"),
    }
