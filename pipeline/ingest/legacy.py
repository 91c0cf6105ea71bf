"""Legacy Vietnamese 8-bit encodings (initial version: Windows-1258 only)."""

from __future__ import annotations


def decode_legacy(data: bytes) -> str:
    """Decode text that is not UTF-8. Windows-1258 writes tone marks as combining bytes; NFC follows in ingest."""
    return data.decode("cp1258", errors="replace")
