"""Deadlines: phrase → typed rows, from real plan phrasing and variants (tests/data/deadlines.tsv)."""

from __future__ import annotations

import argparse
import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from extractors import deadlines
from models import tables as t
from models.records import Deadline, DocumentMeta, NormalizedDocument, SegmentedDocument, SourceDocument
from pipeline.commands import deadlines as command
from pipeline.load import open_engine

_DATA = Path(__file__).parent / "data" / "deadlines.tsv"
_META = DocumentMeta(issued_date=date(2024, 3, 1))


def _doc(text: str, body_start: int = 0) -> SegmentedDocument:
    source = SourceDocument(source_path="test.txt", sha256="0" * 64, format="txt", text=text)
    normalized = NormalizedDocument(source=source, text=text)
    return SegmentedDocument(normalized=normalized, sections=(), body_start=body_start)


def _cases() -> list[tuple[str, str]]:
    with _DATA.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r and not r[0].startswith("#")]
    return [(r[0], r[1] if len(r) > 1 else "") for r in rows]


def _key(d: Deadline) -> str:
    if d.kind == "date":
        return f"date:{d.date}"
    if d.kind in ("recurring", "duration"):
        return f"{d.kind}:{d.recurrence}"
    if d.kind == "period":
        return f"period:{d.start_date or ''}..{d.end_date or ''}"
    if d.kind == "by_year":
        return f"by_year:{d.year}"
    return d.kind


@pytest.mark.parametrize(("phrase", "expected"), _cases())
def test_phrase(phrase: str, expected: str) -> None:
    found = [_key(d) for d in deadlines.extract(_doc(phrase.replace("\\n", "\n")), DocumentMeta())]
    assert found == [e.strip() for e in expected.split(" ; ") if e.strip()]


def test_nam_nay_is_the_year_of_issue() -> None:
    (found,) = deadlines.extract(_doc("Tổ chức hội nghị trong ngày 30/7 năm nay."), _META)
    assert found.date == "2024-07-30"


def test_there_are_enough_cases() -> None:
    assert len(_cases()) >= 50


def test_hang_nam_inside_a_target_is_only_its_frequency() -> None:
    text = "2. Chỉ tiêu\n- Chỉ tiêu 1: Hằng năm, 100% các tuyến được áp dụng biện pháp nghiệp vụ.\n" \
           "3. Kinh phí\nHằng năm, Sở Tài chính bố trí kinh phí."
    found = deadlines.extract(_doc(text), _META)
    assert [(d.kind, d.raw_text, d.char_start) for d in found] == [("recurring", "Hằng năm", text.rindex("Hằng năm"))]


def test_title_and_front_matter_are_metadata() -> None:
    text = "KẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH GIAI ĐOẠN 2011 - 2015\nHà Nội, ngày 04 tháng 10 năm 2011\n" \
           "Phần I\nCông tác giai đoạn 2011 - 2015 là nhiệm vụ trọng tâm."
    found = deadlines.extract(_doc(text, body_start=text.index("Phần I")), DocumentMeta())
    assert [(d.kind, d.char_start) for d in found] == [("period", text.rindex("giai đoạn"))]


_ALPHABET = st.sampled_from(list("0123456789/.,;:()-–“”\" \n\t|abcdđehklmnoqstuvxyàáạảãăâêôơưĐÂIV")
                            + ["ngày ", "tháng ", "năm ", "Quý ", "hằng ", "định kỳ ", "giai đoạn ", "Từ ", "đến ",
                               "trong thời gian ", "sau khi ", "kể từ ", "ba ", "mười ", "2025", "30/7", "Luật "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_random_text_never_raises_and_offsets_point_at_raw_text(text: str) -> None:
    for row in deadlines.extract(_doc(text), _META):
        assert 0 <= row.char_start < row.char_end <= len(text)
        assert text[row.char_start:row.char_end] == row.raw_text
        assert row.kind in ("date", "recurring", "period", "by_year", "duration", "event")


def test_dates_and_spans_over_before_the_plan_was_issued_are_history() -> None:
    text = "Ngày 15/01/2024, Ủy ban đã họp; kết quả giai đoạn 2016 - 2020; hoàn thành trước ngày 30/6/2024."
    found = deadlines.extract(_doc(text), _META)
    assert [(d.kind, d.date) for d in found] == [("date", "2024-06-30")]


def test_a_labelled_time_field_before_the_issue_date_is_still_the_plans() -> None:
    text = "- Lập kế hoạch kiểm kê.\n\nThời gian hoàn thành: Trước ngày 15/01/2024.\n\nNgày 15/01/2024, Ủy ban đã họp."
    found = deadlines.extract(_doc(text), _META)
    assert [(d.kind, d.date, d.char_start) for d in found] == [("date", "2024-01-15", text.index("ngày 15/01"))]


def test_deadlines_command_filters_rows_due_before_a_date(tmp_path, capsys) -> None:
    engine = open_engine(str(tmp_path / "plans.sqlite"))
    with Session(engine) as s:
        doc = t.Document(source_path="p.txt", sha256="0" * 64, format="txt", text="x", doc_number="1/KH",
                         province="Lạng Sơn", pipeline_version="test", extracted_at=datetime(2024, 1, 1))
        s.add(doc)
        s.flush()
        for kind, extra in (("date", {"date": "2024-06-30"}), ("by_year", {"year": 2030}),
                            ("recurring", {"recurrence": "P1Y"}), ("date", {"date": "--07-30"})):
            s.add(t.Deadline(document_id=doc.id, kind=kind, raw_text=kind, char_start=0, char_end=1, **extra))
        s.commit()
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    assert command.run(parser.parse_args(["--due-before", "2025-01-01", "--csv"]), engine) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and "2024-06-30" in lines[1]
