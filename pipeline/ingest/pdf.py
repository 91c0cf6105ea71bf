"""PDF: the text layer page by page, or OCR for pages that have none (or only garbage).

pypdfium2 reads a page's characters with their boxes about 40× faster than pdfplumber (1.5 ms
against 80 ms a page here), and boxes are all the paragraph rules in `layout` need, so it does
the reading; pdfplumber's table finder runs only where it earns its cost, on pages drawn with
ruling lines (`tables`). A text layer typed in TCVN3/VNI fonts reads as Latin-1 mojibake and is converted.
"""

from __future__ import annotations

import ctypes
from dataclasses import replace
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import regex

from pipeline.ingest import ocr
from pipeline.ingest.errors import IngestError
from pipeline.ingest.labels import repair_labels
from pipeline.ingest.layout import Line, PageLines, page_texts
from pipeline.ingest.legacy import fix_mojibake, from_vni, tcvn3_text_layer, vietnamese_score
from pipeline.ingest.pages import Pages
from pipeline.ingest.tables import has_rules, with_tables

_MIN_CHARS = 30  # fewer printable characters than this on a page: a scan with a stray stamp or nothing
_GARBAGE = regex.compile(r"[\p{Co}\p{Cc}\ufffd]")
_WORD = regex.compile(r"\p{L}{2,}")
# `.VnTime`, `ABCDEF+.VnTimeH,Bold`, `VnArialH-Bold`; `VNI-Times`
_LEGACY_FONT = regex.compile(
    r"^(?:[A-Z]{6}\+)?(?:(?P<vni>VNI[-_ ])|\.?Vn[A-Za-z]*?(?P<caps>H)?(?:[,-].*)?$)", regex.IGNORECASE
)


def read_pdf(path: Path, data: bytes) -> Pages:
    try:
        doc = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise IngestError(f"not a readable PDF ({exc})") from exc
    try:
        layers = [_page_lines(doc[i]) for i in range(len(doc))]
        scanned = [i for i, lines in enumerate(layers) if not _usable(lines)]
        ruled = [i for i in range(len(doc)) if i not in scanned and has_rules(doc[i])]
        layers = with_tables(data, layers, ruled)
        texts = page_texts(layers)
        texts = [fix_mojibake(t, text_layer=True) for t in texts]
        confidence = None
        if scanned:
            results = ocr.recognize(ocr.render(doc[i]) for i in scanned)
            scanned_texts = repair_labels(page_texts([r.lines for r in results]))
            for i, text in zip(scanned, scanned_texts, strict=True):
                texts[i] = text
            confidence = sum(r.confidence for r in results) / len(results)
    finally:
        doc.close()
    return Pages(
        texts=tuple(texts),
        format="pdf_scanned" if scanned else "pdf",
        paged=True,
        ocr_used=bool(scanned),
        ocr_confidence=confidence,
    )


def _page_lines(page: pypdfium2.PdfPage) -> PageLines:
    """The text layer's visual lines, as pdfium orders them, with their boxes (top-down coordinates)."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    n = textpage.count_chars()
    raw = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    lines: list[Line] = []
    chars: list[tuple[str, float, float, float, float]] = []

    first_ink = -1  # index of the current line's first inked character, whose font names the line's

    def close() -> None:
        if first_ink >= 0:
            line = _line(chars, height)
            lines.append(replace(line, text=_by_font(line.text, _font(raw, first_ink))))
        chars.clear()

    for i in range(n):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        ch = chr(code) if code else ""
        if ch in ("\r", "\n"):
            close()
            first_ink = -1
            continue
        if not ch:
            continue
        if first_ink < 0 and ch.strip():
            first_ink = i
        pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top)
        chars.append((ch, left.value, right.value, bottom.value, top.value))
    close()
    textpage.close()
    return PageLines(tuple(lines), width, height)


def _font(raw, index: int) -> str:
    size = pdfium_c.FPDFText_GetFontInfo(raw, index, None, 0, None)
    name = ctypes.create_string_buffer(size)
    pdfium_c.FPDFText_GetFontInfo(raw, index, name, size, None)
    return name.value.decode("latin-1")


def _by_font(text: str, font: str) -> str:
    """A line set in a TCVN3 (`.VnTime`, capitals-only `.VnTimeH`) or VNI font, converted to Unicode.

    The font's name settles the encoding where letter statistics can only guess, and is the only
    sign of the capitals-only fonts, whose lower-case codes print as capitals.
    """
    legacy = _LEGACY_FONT.match(font)
    if legacy is None:
        return text
    if legacy.group("vni"):
        return from_vni(text)
    converted = tcvn3_text_layer(text)
    return converted.upper() if legacy.group("caps") else converted


def _line(chars: list[tuple[str, float, float, float, float]], page_height: float) -> Line:
    text = "".join(c[0] for c in chars).strip()
    ink = [c for c in chars if c[0].strip()]
    first_word_end = ink[-1][2]
    started = False
    for c in chars:
        if c[0].strip():
            started, first_word_end = True, c[2]
        elif started:
            break
    return Line(
        text=text,
        x0=min(c[1] for c in ink),
        x1=max(c[2] for c in ink),
        top=page_height - max(c[4] for c in ink),
        bottom=page_height - min(c[3] for c in ink),
        first_word=first_word_end - ink[0][1],
    )


def _usable(page: PageLines) -> bool:
    """Whether a page's text layer carries the page's text, or the page must be read by OCR."""
    text = "".join(ln.text for ln in page.lines)
    printable = len(regex.sub(r"\s", "", text))
    if printable < _MIN_CHARS:
        return False
    if len(_GARBAGE.findall(text)) > 0.05 * printable:
        return False
    words = _WORD.findall(text)
    return len(words) < 40 or vietnamese_score(fix_mojibake(text)) > 0
