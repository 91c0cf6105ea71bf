"""Targets: phrase → typed rows, from real plan phrasing and variants (tests/data/targets.tsv)."""

from __future__ import annotations

import argparse
import csv
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from extractors import targets
from models import tables as t
from models.records import DocumentMeta, NormalizedDocument, SegmentedDocument, SourceDocument
from pipeline.commands import targets as command
from pipeline.load import open_engine

_DATA = Path(__file__).parent / "data" / "targets.tsv"
_HEADINGS = {
    "chỉ tiêu": "I. MỤC TIÊU, CHỈ TIÊU\n2. Chỉ tiêu\n",
    "body": "II. NHIỆM VỤ, GIẢI PHÁP\n1. Công tác chỉ đạo\n",
    "past": "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2023\n1. Công tác điều tra\n",
    # a task item whose first sentence is its heading: `tình hình` later in it does not make a results section
    "long": "III. NHIỆM VỤ\n1.1 Tiếp tục tăng cường phòng, chống ma túy. Xử lý nghiêm nếu để tình hình phức tạp.\n",
}


def _doc(text: str) -> SegmentedDocument:
    """A document with no heading tree: the extractor falls back on the numbered lines it can see."""
    source = SourceDocument(source_path="test.txt", sha256="0" * 64, format="txt", text=text)
    return SegmentedDocument(normalized=NormalizedDocument(source=source, text=text), sections=())


def _cases() -> list[tuple[str, str, str, str]]:
    with _DATA.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r and not r[0].startswith("#")]
    return [(r[0], r[1], r[2] if len(r) > 2 else "", r[3] if len(r) > 3 else "") for r in rows]


def _split(expected: str) -> list[str]:
    return [e.strip() for e in expected.split(" ; ") if e.strip()]


def _key(value: float | None, *rest: object) -> str:
    number = "" if value is None else f"{value:g}"
    return "|".join([number, *("" if v is None else str(v) for v in rest)])


@pytest.mark.parametrize(("context", "phrase", "expected", "indicators"), _cases())
def test_phrase(context: str, phrase: str, expected: str, indicators: str) -> None:
    doc = _doc(_HEADINGS[context] + phrase)
    rows = targets.extract(doc, DocumentMeta())
    found = [_key(row.value, row.unit, row.comparator, row.change, row.target_year, row.frequency) for row in rows]
    assert found == _split(expected)
    if indicators:
        assert [row.indicator for row in rows] == _split(indicators)


def test_there_are_enough_cases() -> None:
    assert len(_cases()) >= 50


def test_labelled_target_without_number_keeps_its_label_and_indicator() -> None:
    doc = _doc(_HEADINGS["chỉ tiêu"] + "c) Chỉ tiêu 3: Kiềm chế, không để xảy ra tình trạng mua bán người.")
    (row,) = targets.extract(doc, DocumentMeta())
    assert (row.label, row.value) == ("Chỉ tiêu 3", None)
    assert row.indicator == "Kiềm chế, không để xảy ra tình trạng mua bán người"


def test_indicator_is_the_measured_noun_phrase() -> None:
    phrase = "Hằng năm, đạt 95% số vụ án mua bán người được truy tố trên tổng số vụ do Viện Kiểm sát thụ lý."
    doc = _doc(_HEADINGS["chỉ tiêu"] + phrase)
    (row,) = targets.extract(doc, DocumentMeta())
    assert row.indicator == "số vụ án mua bán người được truy tố trên tổng số vụ do Viện Kiểm sát thụ lý"


def test_indicator_before_the_value() -> None:
    doc = _doc(_HEADINGS["chỉ tiêu"] + "100% tố giác được tiếp nhận, xử lý, tỷ lệ giải quyết đạt trên 90%.")
    rows = targets.extract(doc, DocumentMeta())
    assert rows[1].indicator == "tỷ lệ giải quyết"


def test_front_matter_and_closing_hold_no_targets() -> None:
    text = "Kế hoạch đạt 100% mục tiêu\n2. Chỉ tiêu\n100% xã được phổ biến.\nNơi nhận:\n- 100% đơn vị;"
    closing = text.index("Nơi nhận")
    source = SourceDocument(source_path="t.txt", sha256="0" * 64, format="txt", text=text)
    doc = SegmentedDocument(normalized=NormalizedDocument(source=source, text=text), sections=(),
                            body_start=text.index("2."), closing_spans=((closing, len(text)),))
    assert [row.raw_text for row in targets.extract(doc, DocumentMeta())] == ["100% xã được phổ biến"]


_ALPHABET = st.sampled_from(list("0123456789%/.,;:()-–“” \n\tabcdđehklmnoqstuvxyàáạảãăâêôơưĐÂ")
                            + ["Chỉ tiêu 1: ", "ít nhất ", "đạt ", "trên ", "hằng năm", "năm 2025", "Đến năm ",
                               "tăng ", "giảm ", "phần trăm", " báo cáo viên", "m²", "Quyết định số 12/QĐ-TTg "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_random_text_never_raises_and_offsets_point_at_raw_text(text: str) -> None:
    doc = _doc(text)
    for row in targets.extract(doc, DocumentMeta()):
        assert 0 <= row.char_start <= row.char_end <= len(text)
        assert text[row.char_start:row.char_end] == row.raw_text


def test_targets_command_filters_by_unit_and_province(tmp_path, capsys) -> None:
    engine = open_engine(str(tmp_path / "plans.sqlite"))
    with Session(engine) as s:
        for province in ("Lạng Sơn", "Phú Thọ"):
            doc = t.Document(source_path=f"{province}.txt", sha256=province.ljust(64, "0")[:64], format="txt",
                             text="x", province=province, pipeline_version="test", extracted_at=datetime(2024, 1, 1))
            s.add(doc)
            s.flush()
            s.add(t.Target(document_id=doc.id, value=95, unit="%", comparator=">=", raw_text="đạt 95%",
                           char_start=0, char_end=1))
            s.add(t.Target(document_id=doc.id, value=10, unit="báo cáo viên", comparator=">=",
                           raw_text="ít nhất 10 báo cáo viên", char_start=0, char_end=1))
        s.commit()
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    assert command.run(parser.parse_args(["--province", "Lạng Sơn", "--unit", "%", "--csv"]), engine) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and "Lạng Sơn" in lines[1] and "95" in lines[1]
