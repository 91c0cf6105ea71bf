"""Canonical document numbers: every spelling of one number gives one code, for doc_number and citations alike."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import codes


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("1427/QĐ-TTg", "1427/QĐ-TTg"),
        ("1427 / QĐ-TTg", "1427/QĐ-TTg"),
        ("1427/QĐ- TTg", "1427/QĐ-TTg"),
        ("1427/QD-TTg", "1427/QĐ-TTg"),
        ("1427/QÐ-TTg", "1427/QĐ-TTg"),
        ("1427/QĐ-TTG", "1427/QĐ-TTg"),
        ("Số: 142 /KH-BCĐ", "142/KH-BCĐ"),
        ("19/KH-BCĐ138/CP", "19/KH-BCĐ138/CP"),
        ("19/KH-BCD138/CP", "19/KH-BCĐ138/CP"),
        ("2324/TTr-CAT- PV11(CS)", "2324/TTr-CAT-PV11(CS)"),
        ("2324/TTR-CAT-PV11(CS)", "2324/TTr-CAT-PV11(CS)"),
        ("24-CT/TW", "24-CT/TW"),
        ("21 - NQ/TW", "21-NQ/TW"),
        ("85/2015/QH13", "85/2015/QH13"),
        ("19/2025/QĐ-TTg", "19/2025/QĐ-TTg"),
        ("78/2025/ND-CP", "78/2025/NĐ-CP"),
        ("52/2024/QĐ- UBND", "52/2024/QĐ-UBND"),
        ("05/2025/NQ-HDND", "05/2025/NQ-HĐND"),
        ("12103/VPCP", "12103/VPCP"),
        ("23/KH–BCĐ", "23/KH-BCĐ"),
        ("46–CT/TW", "46-CT/TW"),
        ("1524/QĐ-BCA-C41", "1524/QĐ-BCA-C41"),
    ],
)
def test_spellings(written: str, code: str) -> None:
    assert codes.canonical(written) == code


@pytest.mark.parametrize("text", ["Số: /KH-STTTT", "ngày 26/4/2016", "Số: 1672", "tỷ lệ 15/20", None, ""])
def test_no_number(text: str | None) -> None:
    assert codes.canonical(text) is None


def test_ocr_reads_letters_touching_digits_as_digits() -> None:
    assert codes.canonical("2324/TTr-CAT-PVI1(CS)", ocr=True) == "2324/TTr-CAT-PV11(CS)"
    assert codes.canonical("1524/QĐ-BCA-C4l", ocr=True) == "1524/QĐ-BCA-C41"
    assert codes.canonical("85/2015/QHl3", ocr=True) == "85/2015/QH13"
    assert codes.canonical("2324/TTr-CAT-PVI1(CS)") == "2324/TTr-CAT-PVI1(CS)"


def test_parts() -> None:
    code = codes.parse("Quyết định số 19/2025/QĐ-TTg ngày 30/6/2025")
    assert (code.number, code.year, code.symbol, code.type_abbr, code.issuer_abbr) == (
        "19",
        "2025",
        "QĐ-TTg",
        "QĐ",
        "TTg",
    )
    party = codes.parse("Chỉ thị số 24-CT/TW")
    assert (party.number, party.symbol, party.type_abbr, party.issuer_abbr, party.code) == (
        "24",
        "CT/TW",
        "CT",
        "TW",
        "24-CT/TW",
    )


@given(
    number=st.integers(1, 99999),
    spaces=st.tuples(*[st.sampled_from(["", " ", "  "])] * 2),
    d=st.sampled_from(["Đ", "D", "Ð"]),
    issuer=st.sampled_from(["TTg", "TTG", "Ttg"]),
)
def test_every_spelling_gives_one_code(number: int, spaces: tuple[str, str], d: str, issuer: str) -> None:
    written = f"{number}{spaces[0]}/{spaces[1]}Q{d}-{issuer}"
    assert codes.canonical(written) == f"{number}/QĐ-TTg"
