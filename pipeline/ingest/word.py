"""Word files: .docx with python-docx (numbering rendered by `numbering`), legacy .doc through LibreOffice.

The body is read in order, paragraphs and tables alike. A table of three or more columns is a
body table (an appendix of tasks) and is written as Markdown rows, which the normalizer keeps and
the extractors read cell by cell; narrower tables are the layout grids Vietnamese documents put
their header and signature blocks in, so their cells become plain lines in reading order. Text
typed in .VnTime (TCVN3) or VNI fonts is converted by the run's font, and by letter statistics
where the font is not named.
"""

from __future__ import annotations

import atexit
import functools
import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from pipeline.ingest.errors import IngestError
from pipeline.ingest.legacy import fix_mojibake, from_tcvn3, from_vni
from pipeline.ingest.numbering import Numbering
from pipeline.ingest.pages import Pages

_SOFFICE_TIMEOUT = 120  # seconds; a conversion that takes longer has hung on a dialog or a broken file
_MISSING_SOFFICE = ".doc input needs LibreOffice: apt-get install libreoffice-writer-nogui"
_BODY_TABLE_COLUMNS = 3


def read_docx(path: Path, data: bytes) -> Pages:
    return Pages(texts=(_docx_text(data),), format="docx")


def read_doc(path: Path, data: bytes) -> Pages:
    """Word 97-2003: LibreOffice converts it to .docx, which is then read like any other."""
    return Pages(texts=(_docx_text(_doc_to_docx(data)),), format="doc")


def _docx_text(data: bytes) -> str:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"not a readable Word file ({type(exc).__name__})") from exc
    reader = _Reader(document)
    lines = reader.block(document.element.body)
    return fix_mojibake("\n\n".join(lines)) + "\n"


class _Reader:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.numbering = Numbering.of(document)
        self.fonts = _StyleFonts(document)

    def block(self, parent) -> list[str]:
        """Lines of a body or a table cell, in order."""
        lines: list[str] = []
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                paragraph = Paragraph(child, self.document)
                text = self.paragraph(paragraph)
                if text.strip():
                    lines.append(text)
            elif child.tag == qn("w:tbl"):
                lines.extend(self.table(Table(child, self.document)))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    lines.extend(self.block(content))
        return lines

    def paragraph(self, paragraph: Paragraph) -> str:
        label = self.numbering.label(paragraph)
        style_font = self.fonts.of_paragraph(paragraph)
        parts = []
        for run in paragraph.iter_inner_content():
            runs = run.runs if hasattr(run, "runs") else [run]
            for r in runs:
                parts.append(_convert(r.text, r.font.name or style_font))
        text = "".join(parts).strip()
        return f"{label} {text}" if label and text else text

    def table(self, table: Table) -> list[str]:
        rows = [[self._cell(tc) for tc in tr.findall(qn("w:tc"))] for tr in table._tbl.findall(qn("w:tr"))]
        if max((len(r) for r in rows), default=0) < _BODY_TABLE_COLUMNS:
            return [line for row in rows for cell in row for line in cell]
        width = max(len(r) for r in rows)
        cells = [[" ".join(cell).replace("|", "/") for cell in row] + [""] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(row) + " |" for row in cells]
        lines.insert(1, "|" + "---|" * width)
        return ["\n".join(lines)]

    def _cell(self, tc) -> list[str]:
        v_merge = tc.find(qn("w:tcPr") + "/" + qn("w:vMerge"))
        if v_merge is not None and v_merge.get(qn("w:val"), "continue") == "continue":
            return []  # the rest of a vertically merged cell: its text is in the first row
        return self.block(tc)


class _StyleFonts:
    """The font a paragraph's style (or the document default) sets, for runs that name none."""

    def __init__(self, document: Document) -> None:
        self.document = document
        defaults = document.styles.element.find(qn("w:docDefaults"))
        fonts = defaults.find(".//" + qn("w:rFonts")) if defaults is not None else None
        self.default = fonts.get(qn("w:ascii")) if fonts is not None else None

    def of_paragraph(self, paragraph: Paragraph) -> str | None:
        style = paragraph.style
        while style is not None:
            if style.font.name:
                return style.font.name
            style = style.base_style
        return self.default


def _convert(text: str, font: str | None) -> str:
    """Text typed in a legacy Vietnamese font → Unicode; `.VnTimeH`-style fonts draw every letter as a capital."""
    if not font or text.isascii():
        return text
    name = font.lower()
    if name.startswith(".vn"):
        converted = from_tcvn3(text)
        return converted.upper() if name.endswith("h") else converted
    if name.startswith("vni"):
        return from_vni(text)
    return text


@functools.cache
def _profile() -> Path:
    """A LibreOffice profile for this process: parallel workers' instances must not share one (they lock
    each other out), and reusing it spares the profile's creation, half of a cold conversion's time."""
    path = Path(tempfile.mkdtemp(prefix="vnplans-soffice-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def _doc_to_docx(data: bytes) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise IngestError(_MISSING_SOFFICE)
    with tempfile.TemporaryDirectory(prefix="vnplans-doc-") as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        profile = _profile()
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(src)]  # fmt: skip
        try:
            subprocess.run(cmd, capture_output=True, timeout=_SOFFICE_TIMEOUT, env={**os.environ, "HOME": str(profile)})
        except subprocess.TimeoutExpired as exc:
            _profile.cache_clear()  # a hung instance may still hold the profile's lock: the next file gets a new one
            raise IngestError(f"LibreOffice took over {_SOFFICE_TIMEOUT} s to convert the .doc") from exc
        out = Path(tmp) / "in.docx"
        if not out.exists():
            raise IngestError("LibreOffice could not convert the .doc (damaged or not a Word file)")
        return out.read_bytes()
