"""Images of pages (PNG, JPEG, multi-page TIFF): every frame is a page read by OCR."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from pipeline.ingest import ocr
from pipeline.ingest.errors import IngestError
from pipeline.ingest.labels import repair_labels
from pipeline.ingest.layout import page_texts
from pipeline.ingest.pages import Pages

SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


def read_image(path: Path, data: bytes) -> Pages:
    try:
        with Image.open(io.BytesIO(data)) as image:
            results = ocr.recognize(_at_300_dpi(frame) for frame in ImageSequence.Iterator(image))
    except (UnidentifiedImageError, OSError) as exc:
        raise IngestError(f"not a readable image ({exc})") from exc
    return Pages(
        texts=tuple(repair_labels(page_texts([r.lines for r in results]))),
        format="image",
        paged=True,
        ocr_used=True,
        ocr_confidence=sum(r.confidence for r in results) / len(results),
    )


def _at_300_dpi(frame: Image.Image) -> Image.Image:
    """A grey copy of the frame, scaled to 300 dpi when the file says it was scanned at another resolution.

    Bilevel (fax) TIFFs become grey so that deskewing can interpolate; a frame without a resolution is
    taken as it is.
    """
    gray = frame.convert("L")
    dpi = frame.info.get("dpi")
    if dpi and dpi[0] and abs(float(dpi[0]) - ocr.DPI) > 10:
        scale = ocr.DPI / float(dpi[0])
        gray = gray.resize((round(gray.width * scale), round(gray.height * scale)), Image.Resampling.LANCZOS)
    return gray
