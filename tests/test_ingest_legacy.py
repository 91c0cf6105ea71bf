"""Legacy Vietnamese encodings: TCVN3, VNI, Windows-1258 and NFD, in files and as Unicode mojibake."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pipeline.ingest import ingest
from pipeline.ingest.legacy import _table, decode_legacy, detect_bytes, fix_mojibake, from_tcvn3, from_vni
from pipeline.ingest.text import decode
from pipeline.ingest.unicode import clean_unicode

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))


def seed_text(prefix: str) -> str:
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


LEGACY = SHARED / "corpus" / "legacy"


def tcvn3(text: str) -> bytes:
    """Encode as the ABC keyboard drivers did: toned capitals take the lower-case code."""
    codes = {letter: int(code, 16) for code, letter in _table("tcvn3.tsv")}
    out = bytearray()
    for ch in text:
        code = codes.get(ch, codes.get(ch.lower()) if not ch.isascii() else None)
        out += bytes([code]) if code is not None else ch.encode("cp1252")
    return bytes(out)


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258: ă â ê ô ơ ư đ precomposed, every tone as a combining byte (as in the shared corpus)."""
    out = bytearray()
    for ch in text:
        base, *marks = unicodedata.normalize("NFD", ch)
        shape = "".join(m for m in marks if m in "\u0302\u0306\u031b")
        tones = "".join(m for m in marks if m not in shape)
        out += (unicodedata.normalize("NFC", base + shape) + tones).encode("cp1258")
    return bytes(out)


def vni(text: str) -> bytes:
    sequences = {letter: seq for seq, letter in _table("vni.tsv")}
    return "".join(sequences.get(ch, ch) for ch in text).encode("cp1252")


def test_tables_cover_every_vietnamese_letter_once() -> None:
    letters = {ch for ch in "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"}
    assert {letter for _, letter in _table("vni.tsv")} == letters | {ch.upper() for ch in letters}
    tcvn3_letters = [letter for _, letter in _table("tcvn3.tsv")]
    assert set(tcvn3_letters) == letters | set("ĂÂÊÔƠƯĐ")
    assert len(tcvn3_letters) == len(set(tcvn3_letters))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
@pytest.mark.parametrize("encode", [tcvn3, vni, cp1258], ids=["tcvn3", "vni", "cp1258"])
def test_seed_round_trips_through_each_encoding(seed: Path, encode) -> None:
    text = clean_unicode(seed.read_text(encoding="utf-8"))
    assert clean_unicode(decode(encode(text))) == text


def test_tcvn3_soft_hyphen_byte_is_the_letter_u_horn() -> None:
    data = tcvn3("người dân tham gia Chương trình")
    assert b"\xad" in data
    assert clean_unicode(decode_legacy(data)) == "người dân tham gia Chương trình"


def test_tcvn3_restores_capitals_it_has_no_codes_for() -> None:
    assert from_tcvn3("K\u00d5 HO\u00b9CH") == "KẾ HOẠCH"
    assert from_tcvn3("- L\u00adu: VT, NC2") == "- Lưu: VT, NC2"  # title case before an acronym stays
    assert from_tcvn3("\u00ae\u00e8i t\u00ad\u00eeng, tuy\u00d5n") == "đối tượng, tuyến"


def test_vni_marks_including_those_viparse_misses() -> None:
    assert from_vni("ñaày ñuû, saün coù, nhaãn, YÙ, kyõ, ôû") == "đầy đủ, sẵn có, nhẫn, Ý, kỹ, ở"
    line = "Kế hoạch  của các xã:\tthẳng tiến, ỵ, Ẳ  được  giữ"  # whitespace kept as it is
    assert clean_unicode(decode(vni(line))) == line


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_detection_does_not_misfire_on_utf8_or_cp1258(seed: Path) -> None:
    text = clean_unicode(seed.read_text(encoding="utf-8"))
    assert fix_mojibake(text) == text
    assert detect_bytes(cp1258(text)) == "cp1258"


def test_mojibake_from_a_text_layer_is_converted() -> None:
    typed = "Cộng hòa xã hội chủ nghĩa Việt Nam. Kế hoạch phòng, chống tội phạm mua bán người của tỉnh"
    assert fix_mojibake(tcvn3(typed).decode("cp1252")) == typed
    assert fix_mojibake(vni(typed).decode("cp1252")) == typed


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("000_b2c2d786f16b67c6.tcvn3.txt", "tcvn3"),
        ("002_514ec1c5c5de291a.vni.txt", "vni"),
        ("004_51e89256e583ae70.cp1258.txt", "cp1258"),
        ("001_903fa3680333e554.nfd.txt", None),
    ],
)
def test_shared_legacy_corpus_reads_as_the_seed(name: str, encoding: str | None) -> None:
    path = LEGACY / name
    if encoding:
        assert detect_bytes(path.read_bytes()) == encoding
    doc = ingest(path)
    assert doc.format == "txt"
    assert doc.text == clean_unicode(seed_text(name[:3]))
    assert unicodedata.is_normalized("NFC", doc.text)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_tcvn3_pdf_text_layer_with_u_horn_read_as_hyphen(seed: Path) -> None:
    """PDF readers give TCVN3's byte 0xAD (ư) as `-` through WinAnsi; codes and dashes keep theirs."""
    text = clean_unicode(seed.read_text(encoding="utf-8"))
    layer = tcvn3(text).decode("cp1252").replace("\u00ad", "-")
    assert fix_mojibake(layer, text_layer=True) == text
