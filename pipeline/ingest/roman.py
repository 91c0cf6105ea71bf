"""Re-read the bold roman numerals that label sections, by counting their strokes in the page image.

Tesseract's Vietnamese model reads bold serif `III.` as `HI.` or `II.`, and `III` after `Phần` as
`IH`: the one misread that silently reorders a section tree. A roman label made of I's is fully
told by how many vertical stems cross the middle of its box (serifs join the letters at the top and
bottom, and the full stop sits on the baseline, so both stay out of the count).
"""

from __future__ import annotations

import numpy as np
import regex
from PIL import Image

# what Tesseract makes of I, II, III: I H l | in any mix (digits are arabic labels, never touched)
_CANDIDATE = regex.compile(r"^([IHl|]{1,4})([.):]?)$")
_PART_WORDS = frozenset({"Phần", "PHẦN", "Mục", "MỤC", "Chương", "CHƯƠNG"})


def label_positions(words: list[str]) -> list[int]:
    """Indices of the words of one line that stand where a roman label would: first, or after `Phần`/`Chương`."""
    found = [0] if words and _CANDIDATE.match(words[0]) else []
    found += [i + 1 for i, w in enumerate(words[:-1]) if w in _PART_WORDS and _CANDIDATE.match(words[i + 1])]
    return found


def reread(word: str, box: tuple[int, int, int, int], image: Image.Image) -> str:
    """`word` with its I-letters replaced by as many I's as the image shows stems; unchanged if unsure."""
    match = _CANDIDATE.match(word)
    left, top, width, height = box
    if match is None or height < 8:
        return word
    ink = np.asarray(image.crop((left, top, left + width, top + height)).convert("L")) < 128
    middle = ink[int(height * 0.35) : int(height * 0.65)]
    stems = middle.mean(axis=0) > 0.6
    count = int(np.count_nonzero(np.diff(stems.astype(np.int8), prepend=0, append=0) == 1))
    return "I" * count + match.group(2) if 1 <= count <= 3 else word
