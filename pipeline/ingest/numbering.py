"""Word automatic numbering: the `I.`, `1.`, `1.1.`, `a)` labels Word draws but never stores in the text.

Provincial .docx files often number their headings through numbering.xml; python-docx reads only the
paragraphs' own text, and without the labels the segmenter loses every section number. LibreOffice
renders them too, but costs a process start per file; the rules here are few and cover what plans use
(formats, `%1.%2.` templates, restarts of lower levels, start overrides, legal numbering).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for value, digits in _ROMAN:
        while n >= value:
            out, n = out + digits, n - value
    return out


def _letter(n: int) -> str:
    # Word repeats the letter past z: aa, bb, ...
    return _LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": lambda n: _roman(n).upper(),
    "lowerRoman": _roman,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerLetter": _letter,
}


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int
    legal: bool


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(qn(tag)) if el is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


@dataclass
class Numbering:
    """Counts list items through a document, in order, and renders each numbered paragraph's label."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → ilvl → level
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    starts: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → startOverride
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId → ilvl → count
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    started: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, document: Document) -> Numbering:
        self = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return self
        for abstract in root.findall(qn("w:abstractNum")):
            self.levels[abstract.get(qn("w:abstractNumId"))] = {
                int(lvl.get(qn("w:ilvl"))): _Level(
                    fmt=_val(lvl, "w:numFmt", "decimal"),
                    text=_val(lvl, "w:lvlText", ""),
                    start=int(_val(lvl, "w:start", "1")),
                    legal=lvl.find(qn("w:isLgl")) is not None,
                )
                for lvl in abstract.findall(qn("w:lvl"))
            }
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            self.nums[num_id] = _val(num, "w:abstractNumId")
            self.starts[num_id] = {
                int(o.get(qn("w:ilvl"))): int(_val(o, "w:startOverride"))
                for o in num.findall(qn("w:lvlOverride"))
                if _val(o, "w:startOverride") is not None
            }
        for style in document.styles.element.findall(qn("w:style")):
            num_pr = style.find(qn("w:pPr") + "/" + qn("w:numPr"))
            if num_pr is not None and _val(num_pr, "w:numId"):
                self.style_num[style.get(qn("w:styleId"))] = (_val(num_pr, "w:numId"), int(_val(num_pr, "w:ilvl", "0")))
        return self

    def label(self, paragraph: Paragraph) -> str:
        """The label Word shows before this paragraph (`II.`, `1.2.`, `a)`, `-`), or "" if it has none."""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        abstract = self.nums.get(num_id)
        levels = self.levels.get(abstract or "", {})
        if ilvl not in levels:
            return ""
        counts = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in self.starts.get(num_id, {}).items():
                counts[lvl] = start - 1
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "+" if level.text == "+" else "-"
        if level.fmt == "none":
            return ""
        text = level.text
        for k in range(9):
            if f"%{k + 1}" in text:
                shown = levels.get(k, level)
                count = counts.get(k, shown.start)
                fmt = "decimal" if level.legal and k < ilvl else shown.fmt
                text = text.replace(f"%{k + 1}", _FORMATS.get(fmt, str)(count))
        return text

    def _num_pr(self, paragraph: Paragraph) -> tuple[str, int] | None:
        p_pr = paragraph._p.pPr
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        if num_pr is not None:
            num_id = _val(num_pr, "w:numId")
            if num_id is None or num_id == "0":
                return None  # numId 0 switches numbering off, even when the style has it
            return num_id, int(_val(num_pr, "w:ilvl", "0"))
        style_id = (
            p_pr.find(qn("w:pStyle")).get(qn("w:val"))
            if p_pr is not None and p_pr.find(qn("w:pStyle")) is not None
            else None
        )
        return self.style_num.get(style_id) if style_id else None
