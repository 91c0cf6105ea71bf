"""Cross-references: the citation table (real phrasing), the type table's examples, exclusions, relations, links."""

from __future__ import annotations

import csv
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import extracted, segmented

from extractors import references
from models.records import CrossReference, DocumentMeta, SourceDocument
from pipeline.cli import main
from pipeline.extract import extract
from pipeline.load import load_document, open_engine
from pipeline.normalize import normalize
from pipeline.segment import segment

TABLE = Path(__file__).parent / "data" / "citations.tsv"


def _rows() -> list[list[str]]:
    with TABLE.open(encoding="utf-8") as f:
        return [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]


def refs(text: str, meta: DocumentMeta | None = None) -> list[CrossReference]:
    return sorted(references.extract(segmented(text), meta or DocumentMeta()), key=lambda r: r.char_start)


def check(expected: str, actual: str | None) -> None:
    """An empty cell is not checked; `-` means the field must be empty."""
    if expected == "-":
        assert actual is None
    elif expected:
        assert actual == expected


def test_table_is_large_enough() -> None:
    assert len(_rows()) >= 60


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row[0][:50])
def test_citation_table(row: list[str]) -> None:
    text, ref_type, code, issued, relation, title, issuer = (row + [""] * 7)[:7]
    found = refs(text)
    assert found, "no citation found"
    first = found[0]
    check(ref_type, first.ref_type)
    check(code, first.code)
    check(issued, first.issued_date)
    check(relation, first.relation)
    check(issuer, first.issuer)
    if title.startswith("="):
        assert first.title == title[1:]
    elif title:
        assert first.title and first.title.startswith(title)


@pytest.mark.parametrize("example", references.type_examples(), ids=lambda e: e["text"][:50])
def test_every_type_example(example: dict) -> None:
    first = refs(example["text"])[0]
    assert first.code == example["code"]
    assert first.ref_type == example["ref_type"]
    for field in ("issued_date", "issuer", "relation"):
        if field in example:
            assert getattr(first, field) == example[field]


@pytest.mark.parametrize(
    "text",
    [
        "Ban Chỉ đạo 138/CP chỉ đạo các bộ, ngành triển khai.",
        "bố trí kinh phí cho việc triển khai thực hiện Chương trình 130/CP từ công tác tuyên truyền",
        "Các sở, ngành tổ chức thực hiện có hiệu quả Kế hoạch này.",
        "Quyết định này có hiệu lực thi hành kể từ ngày ký.",
        "mời Luật sư tham gia bào chữa; Hội Luật gia tỉnh phối hợp",
        "VĂN PHÒNG UBND T. LANG SƠN\nSố: 1672\tNgày: 26/5/16\nĐẾN",
        "được hai bên thông qua ngày 26/4/2016 tại tỉnh Hà Nam",
        "Phiếu yêu cầu đăng ký theo Mẫu số 01/KH tại Phụ lục.",
        "Giao Công an tỉnh xây dựng Quy chế hoạt động của Ban Chủ nhiệm thực hiện Đề án.",
        "đàm phán, thống nhất Luật mẫu về hợp tác",
        "Tỷ lệ đạt 15/20 xã, phường.",
        "đàm phán, thống nhất Thỏa thuận về Tiêu chí xác định nạn nhân",
        "Tôi đồng ý với Thỏa thuận Bảo vệ Dữ liệu cá nhân bên dưới",
        "tuyên truyền, phổ biến pháp Luật Việt Nam cho người dân",
    ],
)
def test_not_a_citation(text: str) -> None:
    assert refs(text) == []


def test_numbered_citation_inside_a_title_is_its_own_row_and_a_mention() -> None:
    found = refs(
        "Thực hiện Kế hoạch số 21-KH/ĐU ngày 05/3/2022 của Đảng ủy Công an tỉnh về thực hiện Chỉ thị số 46-CT/TW "
        "ngày 22/6/2015 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng; Công an tỉnh xây dựng kế hoạch như sau:"
    )
    assert [(r.code, r.relation) for r in found] == [("21-KH/ĐU", "implements"), ("46-CT/TW", "mentions")]
    assert found[0].title.startswith("về thực hiện Chỉ thị số 46-CT/TW")


def test_a_list_after_one_cue_shares_it() -> None:
    found = refs(
        "Căn cứ Nghị định số 23/2016/NĐ-CP ngày 05/4/2016 của Chính phủ về xây dựng, sử dụng nghĩa trang; "
        "Nghị định số 98/2019/NĐ-CP ngày 27/12/2019 của Chính phủ về sửa đổi các nghị định;"
    )
    assert [(r.code, r.relation) for r in found] == [("23/2016/NĐ-CP", "basis"), ("98/2019/NĐ-CP", "basis")]
    assert found[0].title == "về xây dựng, sử dụng nghĩa trang"


def test_numbers_listed_after_a_typed_one_share_its_type() -> None:
    found = refs("theo Công văn số 695/TCHQ-GSQL ngày 05/02/2021, 4032/TCHQ-GSQL ngày 16/8/2021 và số 1238/GSQL-GQ2.")
    assert [(r.ref_type, r.code) for r in found] == [
        ("Công văn", "695/TCHQ-GSQL"),
        ("Công văn", "4032/TCHQ-GSQL"),
        ("Công văn", "1238/GSQL-GQ2"),
    ]


def test_every_occurrence_is_a_row() -> None:
    text = "Thực hiện Quyết định 193/QĐ-TTg. Bộ Công an theo dõi Quyết định 193/QĐ-TTg và Quyết định 193/QĐ-TTg."
    assert [r.code for r in refs(text)] == ["193/QĐ-TTg"] * 3


def test_coordinated_types_share_the_name() -> None:
    found = refs("Thực hiện các Công ước, Nghị định thư về chống tội phạm có tổ chức xuyên quốc gia.")
    assert [(r.ref_type, r.title, r.relation) for r in found] == [
        ("Công ước", "về chống tội phạm có tổ chức xuyên quốc gia", "implements"),
        ("Nghị định thư", "về chống tội phạm có tổ chức xuyên quốc gia", "implements"),
    ]


def test_a_law_inside_another_laws_name_is_part_of_it() -> None:
    found = refs("quán triệt Bộ luật Hình sự năm 2015; Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự năm 2015.")
    assert [(r.ref_type, r.title) for r in found] == [
        ("Bộ luật", "Hình sự"),
        ("Luật", "sửa đổi, bổ sung một số điều của Bộ luật Hình sự"),
    ]
    assert found[0].issued_date == "2015"


def test_a_defined_short_name_is_not_cited_again() -> None:
    found = refs(
        "Thực hiện Hiệp định song phương giữa hai Chính phủ về tăng cường hợp tác (sau đây gọi tắt là Hiệp định); "
        "các bộ phối hợp thực hiện Hiệp định giai đoạn 2016 - 2020, Hiệp định và Kế hoạch này, theo dõi Hiệp định "
        "giữa Việt Nam và Lào về dẫn độ."
    )
    assert [(r.ref_type, r.title) for r in found] == [
        ("Hiệp định", "song phương giữa hai Chính phủ về tăng cường hợp tác"),
        ("Hiệp định", "giữa Việt Nam và Lào về dẫn độ"),
    ]


def test_a_number_in_a_definition_is_not_a_citation() -> None:
    found = refs("Căn cứ Nghị định số 68/2024/NĐ-CP ngày 25/6/2024 (sau đây gọi là Nghị định số 68/2024/NĐ-CP);")
    assert [r.code for r in found] == ["68/2024/NĐ-CP"]


def test_the_documents_own_number_is_not_a_citation() -> None:
    text = "Điều 1. Ban hành kèm theo Quyết định số: 1455/QĐ-UBND ngày 04/10/2011 Kế hoạch thực hiện theo 12/QĐ-TTg."
    assert [r.code for r in refs(text, DocumentMeta(doc_number="1455/QĐ-UBND"))] == ["12/QĐ-TTg"]


def test_front_matter_and_closing_are_skipped() -> None:
    doc = extracted(
        "Số: 19/KH-UBND\n\nHà Nội, ngày 15 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nThực hiện Quyết định số 193/QĐ-TTg\n\n"
        "Thực hiện Quyết định số 193/QĐ-TTg ngày 09/02/2021 của Thủ tướng Chính phủ; UBND xây dựng kế hoạch:\n\n"
        "I. MỤC TIÊU\n\n1. Thực hiện tốt.\n\nNơi nhận:\n- Như Điều 3;\n- Theo Quyết định số 5/QĐ-TTg;\n"
    )
    assert [(r.code, r.issued_date) for r in doc.references] == [("193/QĐ-TTg", "2021-02-09")]


def test_validation_flags_but_keeps() -> None:
    (law,) = refs("Căn cứ Luật số 12/2018/QH13 ngày 20/6/2018;")
    assert law.code == "12/2018/QH13" and "QH13" in law.warning
    (late,) = refs(
        "theo Quyết định số 135/QĐ-TTg ngày 04 tháng 11 năm 2011", DocumentMeta(issued_date=date(2011, 10, 4))
    )
    assert "after" in late.warning
    (mismatch,) = refs("Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01/4/2024;")
    assert "2025" in mismatch.warning


def test_section_and_offsets_point_into_the_text() -> None:
    text = "KẾ HOẠCH\n\nPhòng chống\n\nI. MỤC TIÊU\n\n1. Thực hiện Quyết định số 193/QĐ-TTg của Thủ tướng Chính phủ.\n"
    doc = segmented(text)
    (ref,) = references.extract(doc, DocumentMeta())
    assert doc.text[ref.char_start : ref.char_end].startswith("Quyết định số 193/QĐ-TTg")
    assert doc.sections[ref.section].path == "I.1"


def _doc(name: str, text: str):
    src = SourceDocument(source_path=name, sha256=name.ljust(64, "0")[:64], format="txt", text=text)
    return extract(segment(normalize(src)))


CITED = (
    "Số: 193/QĐ-TTg\n\nHà Nội, ngày 09 tháng 02 năm 2021\n\n"
    "QUYẾT ĐỊNH\n\nPhê duyệt Chương trình\n\nĐiều 1. Phê duyệt.\n"
)
CITING = (
    "Số: 19/KH-BCĐ\n\nHà Nội, ngày 15 tháng 01 năm 2024\n\nKẾ HOẠCH\n\nThực hiện công tác năm 2024\n\n"
    "Thực hiện Quyết định số 193 / QD-TTG ngày 09/02/2021 của Thủ tướng Chính phủ, Ban Chỉ đạo ban hành kế hoạch:\n\n"
    "I. MỤC TIÊU\n\n1. Triển khai.\n"
)


@pytest.mark.parametrize("order", [("cited", "citing"), ("citing", "cited")])
def test_link_found_whichever_document_is_loaded_first(tmp_path: Path, order: tuple[str, str]) -> None:
    db = tmp_path / "link.sqlite"
    engine = open_engine(str(db))
    docs = {"cited": _doc("a.txt", CITED), "citing": _doc("b.txt", CITING)}
    ids = {name: load_document(engine, docs[name]) for name in order}
    rows = sqlite3.connect(db).execute("SELECT code, target_document_id FROM cross_references").fetchall()
    assert rows == [("193/QĐ-TTg", ids["cited"])]


def test_refs_keep_relation_values_of_the_contract() -> None:
    found = refs("Căn cứ Luật Đất đai ngày 18/01/2024; thực hiện Quyết định 1/QĐ-TTg; theo Chỉ thị 2/CT-TTg.")
    assert {r.relation for r in found} == {"basis", "implements", "mentions"}
    assert all(replace(r, warning=None).relation in ("basis", "implements", "mentions") for r in found)


def test_refs_command_lists_citers_and_top(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.sqlite"
    engine = open_engine(str(db))
    load_document(engine, _doc("b.txt", CITING))
    load_document(engine, _doc("a.txt", CITED))
    assert main(["refs", "193 / QD-TTG", "--db", str(db)]) == 0
    listing = capsys.readouterr().out
    assert "19/KH-BCĐ" in listing and "implements" in listing
    assert main(["refs", "--top", "5", "--db", str(db), "--csv"]) == 0
    assert "193/QĐ-TTg,Quyết định,1,1,0,1,1" in capsys.readouterr().out
    assert main(["refs", "--uncited", "--db", str(db)]) == 0
    assert "19/KH-BCĐ" in capsys.readouterr().out
