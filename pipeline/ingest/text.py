"""Plain text and Markdown: find the encoding, decode."""

from __future__ import annotations

import codecs
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.ingest.legacy import decode_legacy, fix_mojibake
from pipeline.ingest.pages import Pages

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str:
    """Decode bytes of unknown encoding: BOM, UTF-8, BOM-less UTF-16, else the legacy Vietnamese encodings."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:4000]:
        return _decode_utf16(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_legacy(data)


def _decode_utf16(data: bytes) -> str:
    # ASCII-heavy UTF-16 text has its NUL bytes on the odd (LE) or even (BE) positions.
    sample = data[:4000]
    encoding = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError("binary file (NUL bytes, not UTF-16 text)") from exc


def read_text(path: Path, data: bytes) -> Pages:
    fmt = "md" if path.suffix.lower() == ".md" else "txt"
    return Pages(texts=(fix_mojibake(decode(data)),), format=fmt)
