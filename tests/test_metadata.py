"""Document metadata from the header in each shape it arrives in (two columns, Markdown table, website block)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import segmented

from extractors import metadata
from models.records import DocumentMeta


def meta(text: str) -> DocumentMeta:
    return metadata.extract(segmented(text))


TWO_COLUMNS = """\tỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
-------
\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

\tSố: 1455/QĐ-UBND
\tQuảng Ngãi, ngày 04 tháng 10 năm 2011

QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG GIAI ĐOẠN 2011 - 2015 TRÊN ĐỊA BÀN TỈNH QUẢNG NGÃI

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Căn cứ Luật tổ chức HĐND và UBND ngày 26/11/2003;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.
"""

MARKDOWN_TABLE = """|
**ỦY BAN NHÂN
DÂN **
THÀNH PHỐ CẦN THƠ
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 153/KH-UBND
|
*Cần Thơ, ngày
17 tháng 11 năm 2025*
|


**KẾ HOẠCH**

TRIỂN KHAI, THỰC HIỆN CÁC DỰ ÁN THUỘC
CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA PHÒNG, CHỐNG MA TÚY ĐẾN NĂM 2030

Thực hiện Quyết định số 7619/QĐ-BCA ngày 08 tháng 9 năm 2025 của Bộ Công an, Ủy ban nhân dân thành phố ban hành:

**I. MỤC ĐÍCH**

1. Triển khai.

|
**Nơi nhận:**
- Như trên;
|
**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**




Trương Cảnh Tuyên
|
"""

WEBSITE = """Kế hoạch 19/KH-BCĐ138/CP thực hiện công tác năm 2024 do Ban Chỉ đạo 138/CP ban hành

Số hiệu 19/KH-BCĐ138/CP
Ngày ban hành 15/01/2024
Loại văn bản Kế hoạch
Cơ quan ban hành Ban Chỉ đạo 138/CP
Người ký Nguyễn Văn A

BAN CHỈ ĐẠO 138/CP
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 19/KH-BCĐ138/CP

Hà Nội, ngày 15/01/2024

KẾ HOẠCH

THỰC HIỆN CÔNG TÁC PHÒNG, CHỐNG MUA BÁN NGƯỜI NĂM 2024

Thực hiện Quyết định số 193/QĐ-TTg; Ban Chỉ đạo ban hành kế hoạch như sau:

I. MỤC TIÊU

1. Tiếp tục. [...]"""

STAMPED = """

Số: 142 /KH-BCĐ

Hà Nội, ngày 20 tháng 5 năm 2016

VĂN PHÒNG UBND T. LANG SƠN\t
Số: 1672\tNgày: 26/5/16
ĐẾN\t
Chuyên:\tTổ chức thực hiện Hiệp định

KẾ HOẠCH

Tổ chức thực hiện Hiệp định về hợp tác giai đoạn 2016 - 2020

Thực hiện Hiệp định song phương; Ban Chỉ đạo 138/CP ban hành Kế hoạch với những nội dung sau:

I. MỤC ĐÍCH, YÊU CẦU

- Tổ chức quán triệt.

Nơi nhận:
- Các đ/c thành viên;
- Lưu: VT.

KT. TRƯỞNG BAN
PHÓ TRƯỞNG BAN



THỦ TRƯỞNG BỘ CÔNG AN
Thượng tướng Lê Quý Vương
"""

BODY_ISSUER = """ KẾ HOẠCH

Thực hiện Đề án 2 thuộc Chương trình phòng, chống mua bán người giai đoạn 2016 - 2020

Căn cứ Quyết định số 1524/QĐ-BCA-C41, ngày 19/5/2017 của Bộ Công an; Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội \
và phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Phú Thọ xây dựng kế hoạch thực hiện như sau:

I. MỤC TIÊU

1. Mục tiêu: giảm tội phạm.
"""

DRAFT_COMMUNE = """ỦY BAN NHÂN DÂN
XÃ LƯƠNG MINH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Số: /KH-UBND

Lương Minh, ngày      tháng     năm 2025

KẾ HOẠCH
Phòng, chống mua bán người trên địa bàn xã năm 2025

Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh Quảng Ninh, UBND xã xây dựng kế hoạch:

I. MỤC TIÊU
1. Giảm tội phạm trên địa bàn tỉnh Quảng Ninh.
"""

PDF_LAYOUT = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐÌNH LẬP                           Độc lập - Tự do - Hạnh phúc
      -------                                   ---------------
Số: 45/KH-UBND                       Đình Lập, ngày 12 tháng 3 năm 2022

KẾ HOẠCH
Thực hiện công tác phòng, chống mua bán người trên địa bàn huyện năm 2022

Căn cứ Luật Phòng, chống mua bán người năm 2011;
Căn cứ Nghị định số 62/2012/NĐ-CP ngày 13/8/2012 của Chính phủ quy định căn cứ xác định nạn nhân;
Thực hiện Kế hoạch số 30/KH-UBND ngày 20/02/2022 của UBND tỉnh Lạng Sơn; UBND huyện xây dựng Kế hoạch:

I. MỤC ĐÍCH, YÊU CẦU
1. Triển khai thực hiện có hiệu quả Quyết định số 193/QĐ-TTg ngày 09/02/2021 của Thủ tướng Chính phủ.
2. Tổ chức tuyên truyền Bộ luật Hình sự năm 2015 (sửa đổi, bổ sung năm 2017), Luật Trẻ em và các văn bản hướng dẫn.

II. NHIỆM VỤ
1. Công an huyện chủ trì, phối hợp các cơ quan liên quan thực hiện theo Hướng dẫn số 12-HD/BTGTU ngày 10/3/2022.
2. Phòng Lao động - Thương binh và Xã hội thực hiện chế độ hỗ trợ nạn nhân theo Thông tư số 05/2022/TT-BLĐTBXH.

III. TỔ CHỨC THỰC HIỆN
Định kỳ 6 tháng, năm báo cáo kết quả về UBND huyện (qua Công an huyện)./.

Nơi nhận:                                          TM. ỦY BAN NHÂN DÂN
- UBND tỉnh (b/c);                                      KT. CHỦ TỊCH
- Công an tỉnh;                                         PHÓ CHỦ TỊCH
- Lưu: VT.

                                                        Hoàng Văn Nam
"""

LETTER = """BỘ TÀI CHÍNH
**CỤC THUẾ**
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
|
Số: 5348/CT-CS
*V/v hướng dẫn góp vốn điều lệ*
|
*Hà Nội, ngày 20
tháng 11 năm 2025*
|
**Kính gửi:** Thuế tỉnh Quảng Trị.
Cục Thuế nhận được công văn số 324/QTR-KTr2 ngày 22/7/2025 của Thuế tỉnh Quảng Trị.
"""


def test_two_column_header() -> None:
    m = meta(TWO_COLUMNS)
    assert (m.doc_number, m.doc_type, m.issuer, m.place, m.issued_date, m.province) == (
        "1455/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "Quảng Ngãi",
        date(2011, 10, 4),
        "Quảng Ngãi",
    )
    assert m.title.lower().startswith("ban hành kế hoạch thực hiện chương trình")
    assert (m.period_start, m.period_end, m.issuer_level, m.signer) == (2011, 2015, "provincial", None)


def test_markdown_table_header_and_signature() -> None:
    m = meta(MARKDOWN_TABLE)
    assert (m.doc_number, m.doc_type, m.issuer, m.place, m.issued_date, m.province) == (
        "153/KH-UBND",
        "Kế hoạch",
        "Ủy ban nhân dân thành phố Cần Thơ",
        "Cần Thơ",
        date(2025, 11, 17),
        "Cần Thơ",
    )
    assert m.title.upper().startswith("TRIỂN KHAI, THỰC HIỆN CÁC DỰ ÁN THUỘC CHƯƠNG TRÌNH")
    assert (m.signer, m.period_start, m.period_end) == ("Trương Cảnh Tuyên", 2025, 2030)


def test_website_block_is_used_only_where_the_body_agrees() -> None:
    m = meta(WEBSITE)
    assert (m.doc_number, m.issuer, m.place, m.issued_date, m.province) == (
        "19/KH-BCĐ138/CP",
        "Ban Chỉ đạo 138/CP",
        "Hà Nội",
        date(2024, 1, 15),
        None,
    )
    assert m.title.lower() == "thực hiện công tác phòng, chống mua bán người năm 2024"
    assert (m.signer, m.period_start, m.period_end, m.issuer_level) == (None, 2024, 2024, "central")


def test_received_stamp_is_not_the_documents_number_or_date() -> None:
    m = meta(STAMPED)
    assert (m.doc_number, m.issued_date, m.place, m.province) == ("142/KH-BCĐ", date(2016, 5, 20), "Hà Nội", None)
    assert (m.issuer, m.signer) == ("Ban Chỉ đạo 138/CP", "Lê Quý Vương")
    assert m.title == "Tổ chức thực hiện Hiệp định về hợp tác giai đoạn 2016 - 2020"


def test_issuer_named_only_in_the_preamble_goes_by_its_short_form() -> None:
    m = meta(BODY_ISSUER)
    assert (m.doc_number, m.place, m.issued_date) == (None, None, None)
    assert (m.issuer, m.province, m.period_start, m.period_end) == (
        "Ban Chỉ đạo 138 tỉnh Phú Thọ",
        "Phú Thọ",
        2016,
        2020,
    )


def test_draft_without_number_from_a_commune() -> None:
    m = meta(DRAFT_COMMUNE)
    assert (m.doc_number, m.issued_date, m.place) == (None, None, "Lương Minh")
    assert (m.issuer, m.issuer_level, m.locality) == ("Ủy ban nhân dân xã Lương Minh", "commune", "xã Lương Minh")
    assert (m.province, m.period_start) == ("Quảng Ninh", 2025)


def test_letter_takes_the_lowest_body_and_its_subject_line() -> None:
    m = meta(LETTER)
    assert (m.doc_number, m.doc_type, m.issuer, m.title) == (
        "5348/CT-CS",
        "Công văn",
        "Cục Thuế",
        "hướng dẫn góp vốn điều lệ",
    )
    assert (m.place, m.issued_date, m.province) == ("Hà Nội", date(2025, 11, 20), None)


LONG_COMMITTEE = """UBND TỈNH LẠNG SƠN
BAN CHỈ ĐẠO
PHÒNG, CHỐNG TỘI PHẠM, TỆ NẠN XÃ
HỘI VÀ XÂY DỰNG PHONG TRÀO TOÀN DÂN
BẢO VỆ AN NINH TỔ QUỐC
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 23/KH-BCĐ
Lạng Sơn, ngày 26 tháng 02 năm 2019

KẾ HOẠCH
Triển khai thực hiện Chương trình phòng, chống mua bán người năm 2019

Thực hiện Kế hoạch số 02/KH-BCĐ, ngày 03/01/2019 của Ban Chỉ đạo 138/CP.
"""


def test_title_stops_at_the_authority_line() -> None:
    m = meta(
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n-------\nSố: 87/2025/QĐ-UBND\nLai Châu, ngày 19 tháng 11 năm 2025\n"
        "QUYẾT ĐỊNH\nQUY ĐỊNH THỰC HIỆN NẾP SỐNG VĂN MINH\nTRÊN ĐỊA BÀN TỈNH LAI CHÂU\nỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
    )
    assert m.title == "Quy định thực hiện nếp sống văn minh trên địa bàn tỉnh Lai Châu"


def test_a_consolidated_texts_title_stops_before_its_sources() -> None:
    m = meta(
        "**BỘ QUỐC PHÒNG**\n-------\nSố: 92/VBHN-BQP\n*Hà Nội, ngày 24\ntháng 11 năm 2025 *\n**QUYẾT ĐỊNH**\nVỀ\n"
        "THỰC HIỆN CHẾ ĐỘ ĐỐI VỚI QUÂN NHÂN ĐÃ PHỤC VIÊN, XUẤT NGŨ VỀ ĐỊA PHƯƠNG\n"
        "Quyết định số 142/2008/QĐ-TTg ngày 27 tháng 10 năm\n2008 của Thủ tướng Chính phủ về thực hiện chế độ "
        "đối với quân nhân, được sửa đổi, bổ sung bởi:\n*Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;*\n"
    )
    assert m.title == "Về thực hiện chế độ đối với quân nhân đã phục viên, xuất ngũ về địa phương"


def test_an_upper_case_title_takes_the_capitals_the_body_gives() -> None:
    m = meta(
        "VĂN PHÒNG CHÍNH PHỦ\n-------\nSố: 648/TB-VPCP\nHà Nội, ngày 27 tháng 11 năm 2025\n\nTHÔNG BÁO\n"
        "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ LÊ THÀNH LONG TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH ĐIỆN BIÊN\n\n"
        "Ngày 15 tháng 11 năm 2025, Phó Thủ tướng Chính phủ Lê Thành Long đã làm việc với lãnh đạo tỉnh Điện Biên. "
        "Sau khi nghe báo cáo, ý kiến của lãnh đạo tỉnh, Phó Thủ tướng Chính phủ Lê Thành Long kết luận như sau:\n"
    )
    assert m.title == (
        "Kết luận của Phó Thủ tướng Chính phủ Lê Thành Long tại buổi làm việc với lãnh đạo tỉnh Điện Biên"
    )


def test_a_letters_subject_line_without_v_v() -> None:
    m = meta(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n**SỞ GIÁO DỤC VÀ ĐÀO TẠO**\n--------\n|\n**CỘNG HÒA XÃ\n"
        "HỘI CHỦ NGHĨA VIỆT NAM**\n|\nSố: 5155/SGDĐT-GDTXNNĐH\n*Về hướng dẫn đánh giá, xếp loại trung tâm\n"
        "học tập cộng đồng tại phường, xã và đặc khu từ năm 2025*\n|\n"
        "*Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025*\n|\n**Kính gửi: **Ủy ban nhân dân phường, xã và đặc khu\n"
    )
    assert (m.doc_type, m.title, m.issuer) == (
        "Công văn",
        "Về hướng dẫn đánh giá, xếp loại trung tâm học tập cộng đồng tại phường, xã và đặc khu từ năm 2025",
        "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh",
    )


def test_a_resolution_without_a_date_line_is_dated_by_its_adoption() -> None:
    m = meta(
        "Số: 1682/NQ-UBTVQH15 |\n|\n\n**NGHỊ QUYẾT**\n\n"
        "**Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Tây Ninh năm 2025**\n\n"
        "**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n*Căn cứ Hiến pháp;*\n\n**QUYẾT NGHỊ:**\n\nĐiều 1. Sắp xếp.\n\n"
        "*Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV thông qua "
        "ngày 16 tháng 6 năm 2025.*\n"
    )
    assert (m.issuer, m.issued_date) == ("Ủy ban Thường vụ Quốc hội", date(2025, 6, 16))


@pytest.mark.parametrize(
    ("text", "doc_type", "issuer", "title"),
    [
        (
            "--------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------- |\n"
            "Số: 1663/NQ-UBTVQH15 |\n"
            "|\n\n**NGHỊ QUYẾT**\n\n**Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đồng Tháp năm 2025**\n\n"
            "---------\n\n**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n*Căn cứ Hiến pháp;*\n",
            "Nghị quyết",
            "Ủy ban Thường vụ Quốc hội",
            "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đồng Tháp năm 2025",
        ),
        (
            "|\nSố: 09/2025/NĐ-CP |\nĐộc lập - Tự do - Hạnh phúc\n|\n\n"
            "**NGHỊ ĐỊNH**Quy định về chính sách hỗ trợ sản xuất nông nghiệp\n\n____________\n\n"
            "*Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;*\n\n"
            "*Theo đề nghị của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn;*\n\n"
            "*Chính phủ ban hành Nghị định quy định về chính sách hỗ trợ sản xuất nông nghiệp.*\n",
            "Nghị định",
            "Chính phủ",
            "Quy định về chính sách hỗ trợ sản xuất nông nghiệp",
        ),
        (
            "| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc |\nSố: 21/2025/TT-BGDĐT |\n|\n\n"
            "**Quy định chế độ trả tiền lương dạy thêm giờ đối với nhà giáo**\n\n"
            "*Căn cứ Luật Giáo dục số 43/2019/QH14;*\n\n"
            "*Theo đề nghị của Cục trưởng Cục Nhà giáo và Cán bộ quản lý giáo dục;*\n\n"
            "*Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Thông tư quy định chế độ trả tiền lương dạy thêm giờ.*\n",
            "Thông tư",
            "Bộ Giáo dục và Đào tạo",
            None,
        ),
    ],
)
def test_issuer_of_a_document_whose_header_block_is_lost(
    text: str, doc_type: str, issuer: str, title: str | None
) -> None:
    m = meta(text)
    assert (m.doc_type, m.issuer, m.issuer_level) == (doc_type, issuer, "central")
    if title:
        assert m.title == title


def test_a_centre_under_the_city_committee_is_the_issuer() -> None:
    m = meta(
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\nTRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG\n-------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 46/QĐ-TTPVHCC\nHà Nội, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
    )
    assert m.issuer == "Trung tâm Phục vụ hành chính công thành phố Hà Nội"


def test_the_header_below_a_long_website_summary() -> None:
    summary = "## Thông tin sáp nhập\n" + "Bộ Nội vụ đề nghị các cơ quan định hướng thông tin đúng. " * 40 + "\n|\n"
    m = meta(
        summary + "**BỘ NỘI VỤ**\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\n|\nSố:10988/BNV-CQĐP\n"
        "*V/v tuyên truyền chủ trương, chính sách của Đảng, Nhà nước*\n|\n*Hà Nội, ngày 21 tháng 11 năm 2025*\n"
    )
    assert (m.doc_number, m.issuer, m.province) == ("10988/BNV-CQĐP", "Bộ Nội vụ", None)


def test_a_signature_in_capitals() -> None:
    m = meta(TWO_COLUMNS + "\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\tKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nĐẶNG NGỌC SƠN\n")
    assert m.signer == "Đặng Ngọc Sơn"


def test_a_steering_committees_long_name_wrapped_over_lines() -> None:
    m = meta(LONG_COMMITTEE)
    assert (m.issuer, m.province, m.issuer_level) == ("Ban Chỉ đạo 138 tỉnh Lạng Sơn", "Lạng Sơn", "provincial")


def test_pdf_layout_with_both_columns_on_one_line() -> None:
    m = meta(PDF_LAYOUT)
    assert (m.doc_number, m.issuer, m.place, m.issued_date) == (
        "45/KH-UBND",
        "Ủy ban nhân dân huyện Đình Lập",
        "Đình Lập",
        date(2022, 3, 12),
    )
    assert (m.issuer_level, m.locality, m.province, m.signer) == (
        "district",
        "huyện Đình Lập",
        "Lạng Sơn",
        "Hoàng Văn Nam",
    )
    assert (m.period_start, m.period_end) == (2022, 2022)


@pytest.mark.parametrize(
    ("written", "province", "canonical"),
    [
        ("UBND TỈNH LẠNG SƠN", None, "Ủy ban nhân dân tỉnh Lạng Sơn"),
        ("UBND tỉnh", "Lạng Sơn", "Ủy ban nhân dân tỉnh Lạng Sơn"),
        ("Ban Chỉ đạo 138/CP Chính phủ", None, "Ban Chỉ đạo 138/CP"),
        ("BCĐ 138/CP", None, "Ban Chỉ đạo 138/CP"),
        ("Ban Chỉ đạo phòng, chống tội phạm của Chính phủ", None, "Ban Chỉ đạo 138/CP"),
        ("Ban Chỉ đạo 138 tỉnh", "Lạng Sơn", "Ban Chỉ đạo 138 tỉnh Lạng Sơn"),
        ("BỘ CÔNG AN", None, "Bộ Công an"),
        ("BAN CHỈ ĐẠO 138 HUYỆN ĐÌNH LẬP", "Lạng Sơn", "Ban Chỉ đạo 138 huyện Đình Lập"),
        ("Ban Chỉ đạo phòng, chống tội phạm thành phố Hà Nội", None, "Ban Chỉ đạo 138 thành phố Hà Nội"),
        ("Uỷ ban nhân dân tỉnh Quảng Ngãi", None, "Ủy ban nhân dân tỉnh Quảng Ngãi"),
        ("Bộ trưởng Bộ Tài chính", None, "Bộ Tài chính"),
        ("Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang", None, "Ủy ban nhân dân tỉnh Bắc Giang"),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", None, "Ủy ban nhân dân tỉnh Đồng Tháp"),
        ("Tổng cục trưởng Tổng cục Hải quan", None, "Tổng cục Hải quan"),
        ("Hội đồng nhân dân Thành phố", "Hà Nội", "Hội đồng nhân dân thành phố Hà Nội"),
        ("Văn phòng UBND thành phố", "Đà Nẵng", "Văn phòng Ủy ban nhân dân thành phố Đà Nẵng"),
        ("UBND thành phố", "Bắc Giang", "Ủy ban nhân dân thành phố"),
        ("ỦY BAN NHÂN DÂN TỈNH THANH HOÁ", None, "Ủy ban nhân dân tỉnh Thanh Hóa"),
        ("Thủ tướng Chính phủ", None, "Thủ tướng Chính phủ"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HỒ CHÍ MINH", None, "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh"),
        ("Ủy ban nhân dân tỉnh Bình Phước Cho phép", None, "Ủy ban nhân dân tỉnh Bình Phước"),
        ("Ủy ban nhân dân Thành phố đề nghị", "Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
        ("Thuế thành phố Hải Phòng thì trường hợp của Công ty", None, "Thuế thành phố Hải Phòng"),
    ],
)
def test_canonical_issuer(written: str, province: str | None, canonical: str) -> None:
    assert metadata.canonical_issuer(written, province) == canonical


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("Thực hiện Chương trình giai đoạn 2016 - 2020", (2016, 2020)),
        ("Thực hiện công tác phòng, chống mua bán người năm 2024", (2024, 2024)),
        ("Triển khai Quyết định số 06/QĐ-TTg ngày 02 tháng 01 năm 2025 của Thủ tướng Chính phủ", (None, None)),
        ("Phòng, chống ma túy giai đoạn 2021-2025 năm 2024", (2024, 2024)),
    ],
)
def test_period_from_title(title: str, period: tuple[int | None, int | None]) -> None:
    assert metadata._period(title, None) == period


def test_a_past_end_year_in_the_title_belongs_to_a_cited_document() -> None:
    title = "Bãi bỏ Nghị quyết số 30/2013/NQ-HĐND về xây dựng khu vực phòng thủ thành phố Hà Nội đến năm 2020"
    assert metadata._period(title, date(2025, 11, 27)) == (None, None)


def test_roman_numerals_keep_their_capitals_in_an_upper_case_title() -> None:
    m = meta(
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH VĨNH LONG\n-------\nSố: 30/2025/NQ-HĐND\nVĩnh Long, ngày 27 tháng 11 năm 2025\n\n"
        "NGHỊ QUYẾT\nVỀ VIỆC HỖ TRỢ KINH PHÍ PHỤC VỤ BẦU CỬ ĐẠI BIỂU QUỐC HỘI KHÓA XVI\n\n"
        "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân;\n"
    )
    assert m.title == "Về việc hỗ trợ kinh phí phục vụ bầu cử đại biểu Quốc hội khóa XVI"
