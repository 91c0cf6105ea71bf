"""The plain records that flow between pipeline stages.

One document travels ingest → normalize → segment → extract → load as a chain of
frozen records, each stage returning a new record that wraps the previous one.
Stages never touch the database; only the loader turns an `ExtractedDocument`
into rows.  Every fact carries `char_start`/`char_end` into the normalized text
(`NormalizedDocument.text`, stored as `documents.text`) and the index of the
innermost section holding it, so provenance survives to the database.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

#: The section kinds of EXTRACTION.md, in no particular order.
SECTION_KINDS = ("part", "chapter", "article", "roman", "arabic", "decimal", "letter", "dash", "plus", "named")
ROLES = ("lead", "coordinate", "implement", "standing", "report_to")
LEVELS = ("central", "provincial", "district", "commune", "foreign", "collective")
CATEGORIES = (
    "police", "border_guard", "military", "procuracy", "court", "ministry", "department",
    "people_committee", "steering_committee", "mass_organization", "media", "other",
)
DEADLINE_KINDS = ("date", "recurring", "period", "by_year", "duration", "event")
RELATIONS = ("basis", "implements", "mentions")


@dataclass(frozen=True)
class SourceDocument:
    """What ingest read from one file: Unicode NFC text, before any cleaning.

    `page_starts` holds the offset in `text` where each page begins (page 1 at 0);
    it is empty for sources without pages (plain text, Word).
    """

    source_path: str
    sha256: str
    format: str
    text: str
    page_starts: tuple[int, ...] = ()
    ocr_used: bool = False
    ocr_confidence: float | None = None

    @property
    def page_count(self) -> int | None:
        return len(self.page_starts) or None


@dataclass(frozen=True)
class NormalizedDocument:
    """Cleaned text that every later offset points into (`documents.text`).

    `page_starts` are the source's page starts carried through the offset map.
    """

    source: SourceDocument
    text: str
    page_starts: tuple[int, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """1-based page holding `offset`, or None for sources without pages."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))


@dataclass(frozen=True)
class Section:
    """One heading or list item of the tree.

    `char_start..char_end` spans the whole section, children included;
    `char_start..own_end` is its own text (heading line and the text before its first child).
    `parent` is the index of the enclosing section in `SegmentedDocument.sections`.
    """

    index: int
    parent: int | None
    level: int
    kind: str
    label: str
    path: str
    heading: str
    char_start: int
    char_end: int
    own_end: int

    @property
    def ordinal(self) -> int:
        return self.index + 1


@dataclass(frozen=True)
class SegmentedDocument:
    """The normalized text with its heading tree and the regions outside the tree.

    `body_start` is where the body begins (after the header block, number, place/date and title):
    text between it and the first section is the preamble (section NULL).
    `closing_spans` are the `Nơi nhận` lists and signature blocks, which hold no facts.
    """

    normalized: NormalizedDocument
    sections: tuple[Section, ...]
    body_start: int = 0
    closing_spans: tuple[tuple[int, int], ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.char_start for s in self.sections))

    @property
    def text(self) -> str:
        return self.normalized.text

    def section_at(self, offset: int) -> int | None:
        """Index of the innermost section whose span holds `offset` (None in the preamble)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            s = self.sections[i]
            if s.char_start <= offset < s.char_end:
                return i
            i = s.parent if s.parent is not None else -1
        return None

    def in_closing(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.closing_spans)

    def in_front_matter(self, offset: int) -> bool:
        return offset < self.body_start


@dataclass(frozen=True)
class DocumentMeta:
    doc_number: str | None = None
    doc_type: str | None = None
    title: str | None = None
    issuer: str | None = None
    place: str | None = None
    issued_date: date | None = None
    province: str | None = None
    signer: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    #: the level of the issuing body and, below the province, the district or commune it
    #: governs (`huyện X`, `xã Y`), used to qualify bodies named without their place
    issuer_level: str | None = None
    locality: str | None = None


@dataclass(frozen=True)
class AgencyRef:
    """A public body, canonical: equal names are one `agencies` row across the database."""

    name: str
    level: str
    category: str
    short_name: str | None = None
    province: str | None = None


@dataclass(frozen=True)
class Assignment:
    agency: AgencyRef
    role: str
    mention: str
    char_start: int
    char_end: int
    section: int | None


@dataclass(frozen=True)
class Target:
    value: float | None
    unit: str | None
    comparator: str | None
    raw_text: str
    char_start: int
    char_end: int
    section: int | None
    label: str | None = None
    indicator: str | None = None
    change: str | None = None
    target_year: int | None = None
    frequency: str | None = None


@dataclass(frozen=True)
class Deadline:
    """`date`, `start_date`, `end_date` are ISO strings (`2024-06-30`) or `--MM-DD` without a year."""

    kind: str
    raw_text: str
    char_start: int
    char_end: int
    section: int | None
    date: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    year: int | None = None
    recurrence: str | None = None


@dataclass(frozen=True)
class CrossReference:
    """`issued_date` is ISO (`2011-08-18`) or a bare year (`2015`) for laws cited by name and year."""

    ref_type: str | None
    relation: str
    raw_text: str
    char_start: int
    char_end: int
    section: int | None
    number: str | None = None
    symbol: str | None = None
    code: str | None = None
    issued_date: str | None = None
    issuer: str | None = None
    title: str | None = None
    warning: str | None = None


@dataclass(frozen=True)
class ExtractedDocument:
    segmented: SegmentedDocument
    meta: DocumentMeta
    assignments: tuple[Assignment, ...] = ()
    targets: tuple[Target, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    references: tuple[CrossReference, ...] = ()
