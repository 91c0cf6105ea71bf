"""The gazetteer and matcher: every alias, canonical names, qualification with the plan's place."""

from __future__ import annotations

import json

import pytest

from extractors import agencies
from extractors.agencies import Place, find, fold

DATA = json.loads((agencies.DATA / "agencies.json").read_text(encoding="utf-8"))
LANG_SON = Place(province="Lạng Sơn")
CENTRAL = Place()
UNIT_FOR = {"provincial": "tỉnh", "district": "huyện Đoan Hùng", "commune": "xã Lương Minh"}


def names(text: str, where: Place = LANG_SON) -> list[str]:
    return [m.agency.name for m in find(text, 0, len(text), where)]


@pytest.mark.parametrize("entry", DATA["central"], ids=lambda e: e["name"])
def test_every_central_alias_gives_its_canonical_name(entry: dict) -> None:
    for alias in entry["aliases"]:
        text = f"Giao {alias} chủ trì thực hiện."
        found = find(text, 0, len(text), CENTRAL)
        assert [m.agency.name for m in found] == [entry["name"]], alias
        assert found[0].agency.level == entry["level"] and found[0].agency.category == entry["category"]


@pytest.mark.parametrize("entry", [e for e in DATA["local"] if e["aliases"]], ids=lambda e: e["stem"])
def test_every_local_alias_is_qualified_with_its_place(entry: dict) -> None:
    level = entry["levels"][0]
    unit = UNIT_FOR[level]
    where = Place(province="Lạng Sơn", locality=unit if level != "provincial" else None)
    for alias in entry["aliases"]:
        text = f"Giao {alias} {unit} chủ trì thực hiện."
        found = find(text, 0, len(text), where)
        place = "tỉnh Lạng Sơn" if level == "provincial" else unit
        if entry.get("bare_place"):
            place = "Lạng Sơn"  # `Báo và Phát thanh, Truyền hình Lạng Sơn`
        assert [m.agency.name for m in found] == [f"{entry['stem']} {place}"], alias
        assert found[0].agency.level == level and found[0].agency.category == entry["category"]


def test_province_lists_before_and_after_2025() -> None:
    assert len(DATA["provinces"]["before_2025"]) == 63
    assert len(DATA["provinces"]["after_2025"]) == 34
    assert set(DATA["provinces"]["cities"]) <= set(DATA["provinces"]["after_2025"])


def test_entries_carry_level_and_category() -> None:
    from models.records import CATEGORIES, LEVELS

    for e in DATA["central"]:
        assert e["level"] in LEVELS and e["category"] in CATEGORIES, e["name"]
    for e in DATA["local"]:
        assert e["category"] in CATEGORIES and set(e["levels"]) <= set(LEVELS), e["stem"]


def test_ministries_before_and_after_the_2025_reorganisation_carry_years() -> None:
    years = {e["name"]: e.get("valid") for e in DATA["central"]}
    assert years["Bộ Lao động - Thương binh và Xã hội"][1] == 2025
    assert years["Bộ Thông tin và Truyền thông"][1] == 2025
    assert years["Bộ Nông nghiệp và Môi trường"][0] == 2025
    assert "Bộ Nội vụ" in years and "Bộ Khoa học và Công nghệ" in years


def test_fold_keeps_length_and_unifies_tone_placement() -> None:
    for a, b in (("Uỷ ban", "Ủy ban"), ("hoà nhập", "hòa nhập"), ("Văn hoá", "Văn hóa"), ("QUẢNG NGÃI", "quảng ngãi")):
        assert fold(a) == fold(b)
        assert len(fold(a)) == len(a)


def test_one_body_written_three_ways_is_one_name() -> None:
    text = ("Sở LĐ-TB&XH chủ trì; Sở Lao động, Thương binh và Xã hội phối hợp; "
            "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn báo cáo.")
    assert set(names(text)) == {"Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn"}


def test_old_tone_placement_and_capitals() -> None:
    assert names("UỶ BAN NHÂN DÂN TỈNH; Sở Văn hoá, Thể thao và Du lịch") == [
        "Ủy ban nhân dân tỉnh Lạng Sơn", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn"]


def test_a_body_split_over_a_line_break() -> None:
    split = "Sở Lao động -\nThương binh và Xã hội chủ trì"
    assert names(split) == ["Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn"]


def test_abbreviations_need_their_capitals() -> None:
    assert names("BCA, BQP và BNG") == ["Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao"]
    assert names("một ca trực, bca") == []


def test_province_named_in_the_text_wins_and_cities_are_thanh_pho() -> None:
    assert names("Công an tỉnh Quảng Ngãi") == ["Công an tỉnh Quảng Ngãi"]
    assert names("Sở Tư pháp", Place(province="Hà Nội")) == ["Sở Tư pháp thành phố Hà Nội"]
    assert names("UBND thành phố Hồ Chí Minh", CENTRAL) == ["Ủy ban nhân dân thành phố Hồ Chí Minh"]


def test_commune_plan_qualifies_commune_bodies() -> None:
    where = Place(province="Quảng Ninh", locality="xã Lương Minh")
    assert names("UBND xã; Công an xã; UBND huyện Ba Chẽ", where) == [
        "Ủy ban nhân dân xã Lương Minh", "Công an xã Lương Minh", "Ủy ban nhân dân huyện Ba Chẽ"]


def test_posts_that_head_a_body_stand_for_it() -> None:
    assert names("Chủ tịch UBND tỉnh; Giám đốc Công an tỉnh; Chánh Văn phòng UBND tỉnh") == [
        "Ủy ban nhân dân tỉnh Lạng Sơn", "Công an tỉnh Lạng Sơn", "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn"]
    where = Place(province="Quảng Ninh", locality="xã Lương Minh")
    assert names("Phó Chủ tịch Thường trực UBMTTQ VN xã", where) == [
        "Phó Chủ tịch Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh"]


def test_national_bodies_with_provincial_branches() -> None:
    provincial = ["Bộ đội Biên phòng tỉnh Lạng Sơn", "Hội Nông dân tỉnh Lạng Sơn"]
    assert names("Bộ đội Biên phòng; Hội Nông dân") == provincial
    assert names("Bộ đội Biên phòng; Hội Nông dân", CENTRAL) == ["Bộ đội Biên phòng", "Hội Nông dân Việt Nam"]


def test_steering_committees_go_by_the_138_short_form() -> None:
    text = ("Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân "
            "bảo vệ an ninh Tổ quốc tỉnh")
    assert names(text) == ["Ban Chỉ đạo 138 tỉnh Lạng Sơn"]
    in_138_plan = Place(province="Lạng Sơn", steering_138=True)
    assert names("gửi Ban Chỉ đạo tỉnh", in_138_plan) == ["Ban Chỉ đạo 138 tỉnh Lạng Sơn"]
    assert names("BCĐ 138/CP và Ban Chỉ đạo 138 Chính phủ", CENTRAL) == ["Ban Chỉ đạo 138/CP", "Ban Chỉ đạo 138/CP"]


def test_units_keep_their_parent() -> None:
    assert names("(qua Phòng Cảnh sát hình sự - Công an tỉnh)") == ["Phòng Cảnh sát hình sự - Công an tỉnh Lạng Sơn"]
    assert names("(Cục Tham mưu Cảnh sát, Bộ Công an)", CENTRAL) == ["Cục Tham mưu Cảnh sát"]


@pytest.mark.parametrize(("text", "expected"), [
    ("các sở, ban, ngành, đoàn thể tỉnh chủ trì", "Các sở, ban, ngành, đoàn thể tỉnh"),
    ("Các bộ, ngành, địa phương thực hiện", "Các bộ, ngành, địa phương"),
    ("phối hợp với Bộ, ngành, địa phương có liên quan", "Các bộ, ngành, địa phương có liên quan"),
    ("các sở, ban, ngành, tổ chức đoàn thể, UBND huyện, thành phố căn cứ",
     "Các sở, ban, ngành, tổ chức đoàn thể, Ủy ban nhân dân huyện, thành phố"),
    ("Chủ tịch UBND các huyện, thị xã, thành phố xây dựng", "Ủy ban nhân dân các huyện, thị xã, thành phố"),
    ("các đơn vị liên quan tổ chức các hoạt động", "Các đơn vị liên quan"),
])
def test_collective_mentions_are_one_agency_each(text: str, expected: str) -> None:
    found = find(text, 0, len(text), LANG_SON)
    assert [(m.agency.name, m.agency.level) for m in found] == [(expected, "collective")]


def test_lists_joined_by_va_split_where_a_new_list_starts() -> None:
    assert names("các cơ quan báo chí và các sở, ban, ngành có liên quan") == [
        "Các cơ quan báo chí", "Các sở, ban, ngành có liên quan"]
    assert names("các sở, ngành có liên quan và Ủy ban nhân dân các huyện, thành phố") == [
        "Các sở, ngành có liên quan", "Ủy ban nhân dân các huyện, thành phố"]


def test_bare_names_in_a_commune_plan_are_the_communes_bodies() -> None:
    where = Place(province="Quảng Ninh", locality="xã Lương Minh")
    assert names("Hội Phụ nữ, Đoàn Thanh niên và Sở Tư pháp", where) == [
        "Hội Liên hiệp Phụ nữ xã Lương Minh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Lương Minh",
        "Sở Tư pháp tỉnh Quảng Ninh"]


def test_a_level_of_bodies_is_a_collective() -> None:
    text = "Chủ tịch UBND cấp xã; Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"
    found = find(text, 0, len(text), LANG_SON)
    assert [(m.agency.name, m.agency.level) for m in found] == [
        ("Ủy ban nhân dân cấp xã", "collective"),
        ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "collective")]


def test_other_steering_committees_keep_their_topic() -> None:
    assert names("Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh; Ban Chỉ đạo 389 tỉnh") == [
        "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Lạng Sơn", "Ban Chỉ đạo 389 tỉnh Lạng Sơn"]


def test_departments_outside_the_gazetteer() -> None:
    text = "Vụ Pháp chế chủ trì, phối hợp với Cục Trẻ em; Chi cục Kiểm lâm tỉnh; Bảo hiểm xã hội tỉnh"
    assert names(text) == [
        "Vụ Pháp chế", "Cục Trẻ em", "Chi cục Kiểm lâm tỉnh Lạng Sơn", "Bảo hiểm xã hội tỉnh Lạng Sơn"]


def test_places_after_two_bodies_belong_to_both() -> None:
    assert names("phối hợp Công an và Bộ đội biên phòng các tỉnh, thành phố") == [
        "Công an các tỉnh, thành phố", "Bộ đội biên phòng các tỉnh, thành phố"]


def test_agencies_command_counts_roles_per_body(seeds_db) -> None:
    from sqlalchemy import text

    from pipeline.commands.agencies import table
    from pipeline.load import open_engine

    engine = open_engine(str(seeds_db))
    everything = table(engine)
    assert everything["name"].is_unique
    police = everything.set_index("name").loc["Bộ Công an"]
    assert police["lead"] > 0 and police["total"] == police[["lead", "coordinate", "implement", "standing",
                                                               "report_to"]].sum()
    leads = table(engine, role="lead", province="Lạng Sơn")
    assert list(leads.columns[3:]) == ["lead", "total", "documents"]
    assert "Công an tỉnh Lạng Sơn" in set(leads["name"]) and "Bộ Công an" not in set(leads["name"])
    with engine.connect() as conn:
        duplicates = conn.execute(text("SELECT name FROM agencies GROUP BY name HAVING COUNT(*) > 1")).all()
    assert duplicates == []


def test_document_numbers_are_not_bodies() -> None:
    assert names("Quyết định số 1524/QĐ-BCA-C41 của Bộ Công an; Công văn số 12103/VPCP; Chương trình 130/CP",
                 CENTRAL) == ["Bộ Công an"]


def test_a_branch_of_a_national_body() -> None:
    assert names("Ngân hàng Nhà nước Việt nam Chi nhánh Khu vực II chủ trì") == [
        "Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II"]


# real phrasing from provincial and ministry plans of 2025 (shortened), and variants
CAN_THO = Place(province="Cần Thơ")
NGHE_AN = Place(province="Nghệ An")
COMMUNE = Place(province="Quảng Ninh", locality="xã Lương Minh")


@pytest.mark.parametrize(("text", "where", "expected"), [
    # a province's name split over a line break
    ("UBND thành phố Hà Nội, UBND Thành phố Hồ Chí\nMinh và các tỉnh", CENTRAL,
     ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hồ Chí Minh", "Các tỉnh"]),
    # places after `và` belong to the body before only where it has branches there
    ("Sở Tài chính và Ủy ban nhân dân các xã, phường bố trí", NGHE_AN,
     ["Sở Tài chính tỉnh Nghệ An", "Ủy ban nhân dân các xã, phường"]),
    ("phối hợp với Sở Xây dựng và UBND cấp xã lập đề án", NGHE_AN,
     ["Sở Xây dựng tỉnh Nghệ An", "Ủy ban nhân dân cấp xã"]),
    ("Cơ quan phối hợp: các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân các tỉnh, thành phố "
     "trực thuộc trung ương.", CENTRAL,
     ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân các tỉnh, "
      "thành phố trực thuộc trung ương"]),
    ("cơ quan thuộc Chính phủ và Ủy ban nhân dân các tỉnh, thành phố", CENTRAL,
     ["Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố"]),
    ("Bộ Xây dựng, Bộ Quốc phòng các tỉnh Ninh Bình, Hưng Yên đôn đốc", CENTRAL,
     ["Bộ Xây dựng", "Bộ Quốc phòng", "Các tỉnh"]),
    # collectives neither cut nor run on
    ("Chỉ đạo các đơn vị trực thuộc phối hợp", NGHE_AN, ["Các đơn vị trực thuộc"]),
    ("Chủ tịch Ủy ban nhân dân cấp tỉnh, Bộ trưởng, người đứng đầu ngành", CENTRAL, ["Ủy ban nhân dân cấp tỉnh"]),
    ("2. UBND cấp xã cấp giấy phép xây dựng", NGHE_AN, ["Ủy ban nhân dân cấp xã"]),
    ("Ủy ban nhân dân các cấp", NGHE_AN, ["Ủy ban nhân dân các cấp"]),
    ("| Các sở, ngành, UBND xã, phường, đặc khu Sở Tài chính |", NGHE_AN,
     ["Các sở, ngành, Ủy ban nhân dân xã, phường, đặc khu", "Sở Tài chính tỉnh Nghệ An"]),
    ("báo cáo Ủy ban nhân dân tỉnh, Tỉnh ủy theo quy định", NGHE_AN, ["Ủy ban nhân dân tỉnh Nghệ An"]),
    ("các sở, ban, ngành tỉnh, đoàn thể", NGHE_AN, ["Các sở, ban, ngành tỉnh, đoàn thể"]),
    ("2.12. Các Sở, ban, ngành khác; Các Bộ, cơ quan ngang Bộ", NGHE_AN,
     ["Các sở, ban, ngành khác", "Các bộ, cơ quan ngang bộ"]),
    ("c) Các Sở, Ngành chịu trách nhiệm; các tổ chức ở trung ương, ủy ban nhân dân cấp tỉnh chủ động", NGHE_AN,
     ["Các sở, ngành", "Các tổ chức ở trung ương", "Ủy ban nhân dân cấp tỉnh"]),
    ("UBND thành phố Hà Nội và các tỉnh/ thành phố khác", CENTRAL,
     ["Ủy ban nhân dân thành phố Hà Nội", "Các tỉnh/thành phố khác"]),
    ("hướng dẫn các cơ sở giáo dục trên địa bàn", NGHE_AN, ["Các cơ sở giáo dục trên địa bàn"]),
    ("hướng dẫn các tổ chức tín dụng; các cơ sở sản xuất kinh doanh; các đơn vị điện lực", CENTRAL,
     ["Các tổ chức tín dụng", "Các cơ sở sản xuất kinh doanh", "Các đơn vị điện lực"]),
    ("cơ quan thông tấn báo chí và Ủy ban nhân dân xã, phường, đặc khu chủ động", NGHE_AN,
     ["Các cơ quan thông tấn báo chí và Ủy ban nhân dân xã, phường, đặc khu"]),
    ("tổng hợp, báo cáo những vụ việc buôn lậu; Phía Bắc giáp tỉnh Long An", NGHE_AN, []),
    # departments outside the gazetteer: names that hold `bộ`, `có công`, a capital after a dash; no verbs
    ("Vụ Tổ chức cán bộ chủ trì; Cục Đường bộ Việt Nam; Cục Người có công; Cục Hải quan xác định kết quả; "
     "Cục Thuế trả lời như sau", CENTRAL,
     ["Vụ Tổ chức cán bộ", "Cục Đường bộ Việt Nam", "Cục Người có công", "Cục Hải quan", "Cục Thuế"]),
    ("phối hợp với Sở Y tế (Chi Cục Dân số - Xã hội) triển khai", NGHE_AN,
     ["Sở Y tế tỉnh Nghệ An", "Chi cục Dân số - Xã hội"]),
    ("các cơ quan thuộc Chính phủ và Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", CENTRAL,
     ["Các cơ quan thuộc Chính phủ", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"]),
    ("Cục Thuế có công văn số 12; Cục Thuế ghi nhận vướng mắc", CENTRAL, ["Cục Thuế", "Cục Thuế"]),
    ("Đề nghị Liên minh Hợp tác xã tỉnh, Đoàn TNCS Hồ Chí Minh tỉnh, Hội nông dân tỉnh", NGHE_AN,
     ["Liên minh Hợp tác xã tỉnh Nghệ An", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Nghệ An",
      "Hội Nông dân tỉnh Nghệ An"]),
    ("báo cáo Ban Chỉ đạo các Chương trình mục tiêu quốc gia thành phố", CAN_THO,
     ["Ban Chỉ đạo các Chương trình mục tiêu quốc gia thành phố Cần Thơ"]),
    # abbreviations of departments, the comma inside one, and a lower-case look-alike that is no body
    ("Sở VH,TT&DL, Sở DT&TG, Sở NV, Sở TC và BCH Quân sự tỉnh; sở tc", NGHE_AN,
     ["Sở Văn hóa, Thể thao và Du lịch tỉnh Nghệ An", "Sở Dân tộc và Tôn giáo tỉnh Nghệ An", "Sở Nội vụ tỉnh Nghệ An",
      "Sở Tài chính tỉnh Nghệ An", "Bộ Chỉ huy Quân sự tỉnh Nghệ An"]),
    ("Ban Quản lý các Khu chế xuất và công nghiệp Thành phố chủ trì; Ban Quản lý Khu kinh tế tỉnh", CAN_THO,
     ["Ban Quản lý các Khu chế xuất và công nghiệp thành phố Cần Thơ", "Ban Quản lý Khu kinh tế thành phố Cần Thơ"]),
    ("Đề nghị Ban Tuyên giáo và Dân vận Thành ủy chỉ đạo", CAN_THO, ["Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ"]),
    # bodies of the 2025 reorganisation
    ("Báo và Phát thanh, Truyền hình Cần Thơ; Ban Chỉ huy Bộ đội Biên phòng thành phố", CAN_THO,
     ["Báo và Phát thanh, Truyền hình Cần Thơ", "Bộ Chỉ huy Bộ đội Biên phòng thành phố Cần Thơ"]),
    ("Hội Chữ thập đỏ, Liên minh Hợp tác xã tỉnh và Ban Chỉ huy Phòng thủ dân sự tỉnh", NGHE_AN,
     ["Hội Chữ thập đỏ tỉnh Nghệ An", "Liên minh Hợp tác xã tỉnh Nghệ An",
      "Ban Chỉ huy Phòng thủ dân sự tỉnh Nghệ An"]),
    ("Phòng Văn hóa - Xã hội, Văn phòng HĐND và UBND xã, Trung tâm Phục vụ hành chính công xã", COMMUNE,
     ["Phòng Văn hóa - Xã hội xã Lương Minh", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Lương Minh",
      "Trung tâm Phục vụ hành chính công xã Lương Minh"]),
])
def test_names_on_real_plans(text: str, where: Place, expected: list[str]) -> None:
    assert names(text, where) == expected
