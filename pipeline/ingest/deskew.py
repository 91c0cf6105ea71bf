"""Straighten a scanned page before OCR.

Scans come rotated by a fraction of a degree; Tesseract copes with small angles but its line
finding, and so the layout's line boxes, are cleaner on level text. The angle is the one that
makes the rows of a small binarized copy most uneven (text lines against the gaps between them),
the classic projection-profile method: cheap (~0.1 s a page) and needs nothing beyond numpy.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

_SEARCH = 2.0  # degrees either way; a page turned further is a rotated page, not a skewed one
_MIN_ANGLE = 0.1  # below this, rotating costs sharpness for nothing


def skew_angle(image: Image.Image) -> float:
    """The angle (degrees, counter-clockwise) that levels the text lines of a grey page."""
    small = image.convert("L")
    small.thumbnail((800, 800 * image.height // max(image.width, 1)))
    ink = Image.fromarray(((np.asarray(small) < 160) * 255).astype(np.uint8))

    def score(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST)).sum(axis=1, dtype=np.float64)
        return float(np.square(np.diff(rows)).sum())

    best = max(np.arange(-_SEARCH, _SEARCH + 1e-9, 0.25), key=score)
    return float(max(np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05), key=score))


def deskew(image: Image.Image) -> Image.Image:
    angle = skew_angle(image)
    if abs(angle) < _MIN_ANGLE:
        return image
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
