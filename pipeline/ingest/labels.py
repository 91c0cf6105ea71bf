"""Repair list labels OCR misreads in a way only the sequence shows: `9.` for `5.`, `8)` for `a)`.

A blurred `5` closes into a `9`, a bold `a` into an `8`; each is a valid label on its own, so no
glyph-level check tells them apart, but the list around them does: `4.`, `9.`, `6.` is `5.`, and an
`8)` whose next item is `b)` is `a)`. Only these confusions are repaired, only in OCR text, and
always by a label of the same length, so page offsets stay put.
"""

from __future__ import annotations

import regex

# digit pairs a blurred scan confuses: (read, meant)
_CONFUSED = frozenset({("5", "9"), ("9", "5"), ("6", "8"), ("8", "6"), ("3", "8"), ("8", "3")})
_ARABIC = regex.compile(r"(\d{1,2})\.\s")
# headings above an arabic list: their items count from 1 again
_HIGHER = regex.compile(r"(?:[IVXL]+\.\s|Phần\b|PHẦN\b|Chương\b|CHƯƠNG\b|Điều\b)")
_PAREN = regex.compile(r"([a-zđ0-9]{1,2})\)\s")


def repair_labels(pages: list[str]) -> list[str]:
    """The pages' text with misread one-digit arabic labels and a list-opening `8)` put back in sequence."""
    lines = [line for page in pages for line in page.split("\n")]
    previous = 0
    for i, line in enumerate(lines):
        if _HIGHER.match(line):
            previous = 0
        elif arabic := _ARABIC.match(line):
            number = arabic.group(1)
            expected = str(previous + 1)
            if (number, expected) in _CONFUSED:
                lines[i] = expected + line[1:]
                number = expected
            previous = int(number)
        elif line.startswith("8) ") and _next_paren_label(lines, i + 1) == "b":
            lines[i] = "a" + line[1:]
    out, start = [], 0
    for page in pages:
        count = page.count("\n") + 1
        out.append("\n".join(lines[start : start + count]))
        start += count
    return out


def _next_paren_label(lines: list[str], start: int) -> str | None:
    for line in lines[start:]:
        found = _PAREN.match(line)
        if found:
            return found.group(1)
    return None
