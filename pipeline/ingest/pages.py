"""What a format reader returns: text per page, before the shared Unicode clean-up."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pages:
    """`texts` holds one string per page; sources without pages give one string and `paged=False`.

    Each page's text should end with a newline so that pages joined end to end keep their lines apart.
    """

    texts: tuple[str, ...]
    format: str
    paged: bool = False
    ocr_used: bool = False
    ocr_confidence: float | None = None
