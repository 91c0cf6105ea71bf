"""Plain-text ingest: encodings and the Unicode clean-up every format shares."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import seed_text

from pipeline.ingest import IngestError, ingest
from pipeline.ingest.text import decode
from pipeline.ingest.unicode import clean_unicode

LINE = "Lạng Sơn, ngày 26 tháng 02 năm 2019 — Ủy ban nhân dân tỉnh; Sở Lao động - Thương binh và Xã hội"


@pytest.mark.parametrize(
    "data",
    [
        LINE.encode("utf-8"),
        b"\xef\xbb\xbf" + LINE.encode("utf-8"),
        LINE.encode("utf-16"),  # with BOM
        LINE.encode("utf-16-le"),
        LINE.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be"],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert clean_unicode(decode(data)) == LINE


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: ă â ê ô ơ ư đ precomposed, tone marks as separate combining bytes."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            if marks and unicodedata.normalize("NFC", base + marks[0]) != base + marks[0]:
                try:
                    out += unicodedata.normalize("NFC", base + marks[0]).encode("cp1258")
                    marks = marks[1:]
                except UnicodeEncodeError:
                    out += base.encode("cp1258")
            else:
                out += base.encode("cp1258")
            out += "".join(marks).encode("cp1258")
    return out


def test_windows_1258_with_combining_tones_becomes_nfc() -> None:
    text = "Quyết định số 1427/QĐ-TTg của Thủ tướng Chính phủ về phòng, chống mua bán người"
    assert clean_unicode(decode(cp1258(text))) == text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (unicodedata.normalize("NFD", "Hội Liên hiệp Phụ nữ"), "Hội Liên hiệp Phụ nữ"),
        ("Số: 23/KH-BCÐ", "Số: 23/KH-BCĐ"),  # U+00D0 eth typed for Đ
        ("ngày\u00a026\u202ftháng", "ngày 26 tháng"),
        ("Kế\u200b hoạch\ufeff", "Kế hoạch"),
        ("dòng một\r\ndòng hai\rdòng ba", "dòng một\ndòng hai\ndòng ba"),
        ("\tI. MỤC TIÊU", "\tI. MỤC TIÊU"),  # tabs are the normalizer's business
    ],
)
def test_clean_unicode(raw: str, clean: str) -> None:
    assert clean_unicode(raw) == clean


def test_seed_ingests_as_nfc_with_identity(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(seed_text("002").replace("\n", "\r\n").encode("utf-8-sig"))
    src = ingest(path)
    assert src.format == "txt" and len(src.sha256) == 64 and src.page_starts == ()
    assert src.text == unicodedata.normalize("NFC", seed_text("002"))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b" \n\n\t", "empty file"),
        ("binary.txt", bytes(range(1, 32)) * 40, "not Vietnamese text"),
        ("nul.txt", b"\x00\x01\x02\xff\xfe\x00garbage" * 10, "binary|not Vietnamese text"),
        ("plan.xyz", b"text", "unsupported file type .xyz"),
    ],
)
def test_unreadable_input_raises_a_one_line_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=reason) as err:
        ingest(path)
    assert "\n" not in str(err.value)
