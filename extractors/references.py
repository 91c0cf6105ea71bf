"""Cross-references: each citation of another document, numbered or by name (EXTRACTION.md `cross_references`).

Numbered citations are found from their number (`CODE_RE`), then the words around it are read: the type
before (`Quyết định số`, `QĐ`, `Luật Dữ liệu số`), the date, issuer and title after. A number with no type
word counts only when its symbol names a document type (`1427/QĐ-TTg`), so `Ban Chỉ đạo 138/CP` and the
nickname `Chương trình 130/CP` stay out. Documents cited by name (`Luật Phòng, chống mua bán người`) are
read from the type word on. The relation comes from the nearest cue (`Căn cứ`, `Thực hiện`, `theo` …) in
the same sentence, ignoring words inside earlier citations, so a list after one cue shares it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

import regex

from extractors import codes, cues
from extractors.metadata import canonical_issuer, central_body_at, header_end
from models.records import CrossReference, DocumentMeta, SegmentedDocument

_DATA = Path(__file__).parent / "data"
_TYPES = cues.load("doc_types")
_WORDS = cues.load("refs")
# longest first, any whitespace (a line break too) between words
_alt = cues.alternation


_TYPE_NAMES = [t["name"] for t in _TYPES["types"]]
_TYPE_BY_KEY = {codes.fold(n): n for n in _TYPE_NAMES} | {codes.fold(k): v for k, v in _TYPES["type_aliases"].items()}
_ABBR_TYPE: dict[str, str] = {}
for _t in _TYPES["types"]:
    for _a in _t.get("abbr", []):
        _ABBR_TYPE.setdefault(codes.fold(_a), _t["name"])
_NAMED = {t["name"]: t["named"] for t in _TYPES["types"] if t.get("named")}
_NICKNAMES = set(_WORDS["nickname_types"])  # numbered only with `số` or their own abbreviation
_INTERNATIONAL = set(_WORDS["international_types"])
_AGREEMENTS = set(_WORDS["agreement_types"])
_AGREEMENT_NAME_RE = regex.compile(rf"(?:{_alt(_WORDS['agreement_name_starts'])})(?!\w)")

_DATE = (
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d\d)"
    r"|(?P<d>\d{1,2})\s+(?i:tháng)\s*(?P<m>\d{1,2})\s+(?i:năm)\s*(?P<y>(?:19|20)\d\d))"
)
# The type word just before a number: `Quyết định số 1427`, `QĐ 1427`, `Công văn số:`, `văn bản số`.
_PREFIX_RE = regex.compile(
    rf"(?i)(?<!\w)(?:(?P<type>{_alt(_TYPE_NAMES + list(_TYPES['type_aliases']))})|(?P<so>số))"
    rf"(?:\s*:?\s*(?P<so2>số))?\s*:?\s*\Z"
)
# A law named before its number: `Luật Tổ chức chính quyền địa phương số 72/2025/QH15`.
_CAP_TYPES = _alt([*_TYPE_NAMES, "Bộ Luật"])
_NAMED_NUMBER_RE = regex.compile(
    rf"(?<!\w)(?P<type>{_CAP_TYPES})\s+(?P<name>(?:(?!(?:{_CAP_TYPES})(?!\w))[^\n;:()/\d]){{1,120}}?)\s+[Ss]ố\s*:?\s*\Z"
)
_NEVER_BEFORE_RE = regex.compile(rf"(?<!\w)(?:{_alt(_WORDS['never_before'])})\s*(?:số\s*)?:?\s*\Z")
_NICKNAME_BEFORE_RE = regex.compile(rf"(?<!\w)(?:{_alt(_WORDS['nickname_heads'])})\s*\Z")
# a short parenthesis may come between (`Luật Phòng, chống … (HIV/AIDS) ngày 29/6/2006`)
_DATE_AFTER_RE = regex.compile(
    rf"(?:[ \t]*\([^()\n]{{1,20}}\))?[ \t]*\)?[ \t]*,?\s*(?:(?i:ban\s+hành|ký)\s+)?(?i:ngày)\s*:?\s*{_DATE}"
)
_ISSUER_AFTER_RE = regex.compile(
    rf"\s*,?\s*(?:của|do|Của|CỦA)\s+(?P<issuer>(?:[^\n;,.():“”\"*|]|\n(?![ \t]*\n)){{2,100}}?)"
    rf"(?=\s*(?:[;,.():“”\"*|]|\n[ \t]*\n)|\s+(?i:{_alt(_WORDS['issuer_stops'])})(?!\w)|\s*\Z)"
)
_PASSED_BY_RE = regex.compile(
    rf"\s*,?\s*(?:được|do)\s+(?P<issuer>[^\n;,.()]{{1,60}}?)\s+(?:thông qua|ban hành|ký kết|ký)"
    rf"(?:\s+(?:ngày\s*{_DATE}))?"
)
_VERB_AFTER_BODY_RE = regex.compile(r"[ \t]+(?!(?i:nước)\s)\p{L}")
_TITLE_START_RE = regex.compile(rf"\s*,?\s*(?P<verb>{_alt(_WORDS['title_verbs'])})(?!\w)")
# A title ends with its clause: punctuation, a table cell's edge, or the citing text's own clause going on
# after a comma (`…về phê duyệt Đề án, phấn đấu đạt 100%`). Titles keep their inner commas (`phòng, chống`).
_CLAUSE_END_RE = regex.compile(
    rf";|\.(?=\s|\Z|\*|\[)|\n[ \t]*\n|\s\(|\*\(|:\s|\s*\||\^"
    r"|\n(?=[ \t]*(?:[-+•]\s|[a-zđ]\)\s|\d+(?:\.\d+)*\.?\s|[IVXL]+\.\s|\*\*|\|))"
    rf"|\s*,\s*(?:{_alt(_WORDS['clause_starts'])})(?!\w)|\s+(?:{_alt(_WORDS['bare_clause_starts'])})(?!\w)"
)
_SENTENCE_START_RE = regex.compile(
    r"(?r)\n[ \t]*\n|[.!?](?=\s)|;[ \t]*\n|\n(?=[ \t]*(?:[-+•*#|]|[a-zđ]\)\s|\d+(?:\.\d+)*\.?\s|[IVXL]+\.\s))"
)
_CUE_RE = regex.compile(
    rf"(?i)(?<!\w)(?:(?P<basis>{_alt(_WORDS['cues']['basis'])})|(?P<mentions>{_alt(_WORDS['cues']['mentions'])})"
    rf"|(?P<implements>{_alt(_WORDS['cues']['implements'])}))(?!\w)"
)
_CREATION_RE = regex.compile(rf"(?i)(?<!\w)(?:{_alt(_WORDS['creation_verbs'])})(?:[ \t]+(?:các|mới|và|một))*\s*\Z")
_NAMED_SPELLINGS = [*_NAMED, "Bộ Luật", *(a for a, t in _TYPES["type_aliases"].items() if t in _NAMED)]
_NAMED_TYPE_RE = regex.compile(rf"(?<![\w/])(?P<type>{_alt(_NAMED_SPELLINGS)})(?!\w)")
_DEFINITION_RE = regex.compile(
    r"\((?:\s*sau\s+đây)?\s*(?:gọi|viết)\s+(?:tắt|chung)?\s*(?:là\s+)?[“\"']?(?P<short>[^()“”\"']{1,80})[”\"']?\s*\)"
)
_TOKEN_RE = regex.compile(r"[ \t]*(?:\n(?![ \t]*\n)[ \t]*)?(?P<tok>[\w][\w/&'-]*\w|\w|\S)")
_YEAR_AFTER_RE = regex.compile(r"\s*\(?\s*(?:năm\s+)?(?P<y>(?:19|20)\d\d)(?!\d)\s*\)?")
_NUMBER_YEAR_RE = regex.compile(r"[ \t]+(?i:năm)[ \t]+(?P<y>(?:19|20)\d\d)(?!\d)")
_NUMBERED_AFTER_RE = regex.compile(rf"\s*(?:số\s*:?\s*)?{codes.CODE_PATTERN}")

# a decision or plan cited by name names something specific early on: a proper noun or a number
_SPECIFIC_NAME_RE = regex.compile(r"(?:\S+\s+){0,4}(?:\p{Lu}|\d)")
_OWN_NAME_RE = regex.compile(r"(?:giữa|về|song phương|\p{Lu})")
_YEAR_TOKEN_RE = regex.compile(r"(?:19|20)\d\d")
_NAME_BAD_STARTS = set(_WORDS["name_bad_starts"])
_NAME_STOPS = set(_WORDS["name_stops"])
_COMMA_CONT = set(_WORDS["comma_continuations"])
_AFTER_AND_STOPS = set(_WORDS["and_stops"])
_PUNCT_IN_NAMES = {",", "-"}
_KNOWN_LAWS = {
    " ".join(w.casefold() for w in line.replace(",", " ").replace(" - ", " ").split())
    for line in (_DATA / "refs_laws.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
_LIST_GAP_RE = regex.compile(r"[\s,;]*(?:(?:và|hoặc)\s+)?(?:các\s+)?(?:số\s*:?\s*)?")
_NOT_A_LAW_BEFORE_RE = regex.compile(rf"(?i)(?<!\w)(?:{_alt(_WORDS['not_a_law_after'])})\s*\Z")
_LEGISLATURE_RE = regex.compile(r"(?:UBTV)?(QH\d+)")
_FOLLOWING_TYPE_RE = regex.compile(rf"\s*(?:,|và)\s*(?P<type>{_alt(_NAMED_SPELLINGS)})(?!\w)")
_LAW_WORD_RE = regex.compile(r"(?<!\w)(?:Bộ\s+)?[Ll]uật(?!\w)")
_TRAILING_AND_RE = regex.compile(r"(?:\s*(?:,|;|và|và các))+\s*\Z")
_LISTED_AFTER_RE = regex.compile(r"(?:[,;]|\svà)\s*(?:các\s+)?\Z")
_PUNCT_STOPS = set(";:.()[]*“”\"'?!|…")
_LAW_WORDS = set(_WORDS["law_types"])
_SPACES_RE = regex.compile(r"\s*")


@dataclass
class _Cite:
    """A citation being built: `start..end` is what it covers (its title too), `head` where its name or number ends."""

    ref: CrossReference
    start: int
    end: int
    head: int
    numbered: bool
    title_start: int | None = None
    cue_types: bool = False


def _type_name(word: str) -> str | None:
    return _TYPE_BY_KEY.get(codes.fold(" ".join(word.split())))


def _iso(m: regex.Match) -> str | None:
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return None


def _clean(text: str) -> str:
    return " ".join(text.replace("*", " ").split()).strip(" ,-")


def _clause_end(text: str, pos: int, limit: int = 600) -> int:
    m = _CLAUSE_END_RE.search(text, pos, min(len(text), pos + limit))
    return m.start() if m else min(len(text), pos + limit)


def _tail(text: str, pos: int, meta: DocumentMeta) -> tuple[int, str | None, str | None, int | None]:
    """Date and issuer after a citation's number or name: (end, issued_date, issuer, title_start)."""
    issued = issuer = None
    if m := _DATE_AFTER_RE.match(text, pos):
        issued, pos = _iso(m), m.end()
    if m := _ISSUER_AFTER_RE.match(text, pos):
        issuer, pos = canonical_issuer(_clean(m.group("issuer")), meta.province), m.end("issuer")
        if (body := central_body_at(text, m.start("issuer"))) and (
            body[1] >= pos or _VERB_AFTER_BODY_RE.match(text, body[1])
        ):  # stop words cut `Bộ Khoa học và Công nghệ`; the title's first word runs on after `Chính phủ`
            issuer, pos = body

        if issued is None and (d := _DATE_AFTER_RE.match(text, pos)):
            issued, pos = _iso(d), d.end()
    title_start = None
    if m := _TITLE_START_RE.match(text, pos):
        title_start = m.start("verb")
    return pos, issued, issuer, title_start


def _warning(ref: CrossReference, code: codes.Code | None, meta: DocumentMeta) -> str | None:
    """What a reader should double-check; the row is kept whatever this says."""
    notes = []
    year = int(ref.issued_date[:4]) if ref.issued_date else None
    if code and code.year and year and int(code.year) != year:
        notes.append(f"number says {code.year}, date says {year}")
    legislature = _LEGISLATURE_RE.fullmatch(code.issuer_abbr) if code else None
    if legislature and (span := _TYPES["legislatures"].get(legislature.group(1))):
        for y in filter(None, (year, int(code.year) if code.year else None)):
            if not span[0] <= y <= span[1]:
                notes.append(f"{legislature.group(1)} sat {span[0]}-{span[1]}, not in {y}")
                break
    if (
        ref.issued_date
        and meta.issued_date
        and len(ref.issued_date) == 10
        and ref.issued_date > meta.issued_date.isoformat()
    ):
        notes.append("cited document is dated after the citing one")
    return "; ".join(notes) or None


def _numbered(doc: SegmentedDocument, meta: DocumentMeta, skip: list[tuple[int, int]]) -> Iterator[_Cite]:
    text = doc.text
    own = codes.canonical(meta.doc_number)
    ocr = doc.normalized.source.ocr_used
    previous: _Cite | None = None
    for m in codes.CODE_RE.finditer(text):
        start = m.start()
        if _skipped(doc, start, skip):
            continue
        code = codes.from_match(m, ocr)
        if code.code == own:
            continue
        lo = max(0, start - 160)
        prefix = _PREFIX_RE.search(text, max(0, start - 60), start)
        named = _NAMED_NUMBER_RE.search(text, lo, start)
        ref_type = title = None
        cite_start = start
        if named and (not prefix or not prefix.group("type") or prefix.start() > named.start()):
            ref_type, title, cite_start = _type_name(named.group("type")), _clean(named.group("name")), named.start()
        elif prefix and prefix.group("type"):
            ref_type, cite_start = _type_name(prefix.group("type")), prefix.start()
            has_so = bool(prefix.group("so2") or prefix.group("so"))
            if ref_type in _NICKNAMES and not has_so and _ABBR_TYPE.get(codes.fold(code.type_abbr)) != ref_type:
                continue
        elif previous and previous.end <= start and _LIST_GAP_RE.fullmatch(text, previous.end, start):
            ref_type = previous.ref.ref_type  # `Công văn số 695/TCHQ-GSQL ngày 05/02/2021, 4032/TCHQ-GSQL …`
        else:
            if _NEVER_BEFORE_RE.search(text, lo, start) or _NICKNAME_BEFORE_RE.search(text, lo, start):
                continue
            ref_type = _ABBR_TYPE.get(codes.fold(code.type_abbr))
            if ref_type is None and not _LEGISLATURE_RE.fullmatch(code.issuer_abbr):
                continue
            if prefix:
                cite_start = prefix.start()
        if ref_type == "Văn bản":  # a generic word: the symbol says which document (`văn bản số 12/TTr-STP`)
            ref_type = _ABBR_TYPE.get(codes.fold(code.type_abbr), "Công văn")
        year = _NUMBER_YEAR_RE.match(text, m.end())  # `Quyết định 2530/QĐ-TTg năm 2025`: the year is its date
        end, issued, issuer, title_start = _tail(text, year.end() if year else m.end(), meta)
        if year and issued is None:
            issued = year.group("y")
        ref = CrossReference(
            ref_type=ref_type,
            relation="mentions",
            raw_text="",
            char_start=cite_start,
            char_end=end,
            section=None,
            number=code.number,
            symbol=code.symbol,
            code=code.code,
            issued_date=issued,
            issuer=issuer,
            title=title,
        )
        previous = _Cite(replace(ref, warning=_warning(ref, code, meta)), cite_start, end, m.end(), True, title_start)
        yield previous


def _name(text: str, pos: int, ref_type: str, limit: int) -> tuple[str, int]:
    """The name after a type word: (name, end). It ends at punctuation, a stop word or the next document."""
    toks: list[tuple[str, int]] = []
    at = pos
    while len(toks) < 45 and (m := _TOKEN_RE.match(text, at, limit)):
        toks.append((m.group("tok"), m.end()))
        at = m.end()
    words = [t for t, _ in toks] + ["", ""]
    about, name, ends = False, [], []
    for i, (tok, tok_end) in enumerate(toks):
        nxt, after = words[i + 1], words[i + 2]
        if tok == "về" and (not name or ref_type in _INTERNATIONAL):
            about = True  # `Công ước … về quyền trẻ em`: what the document is about runs to the clause end
        elif (not name and _bad_start(tok, nxt, ref_type)) or _ends_name(tok, nxt, after, name, about):
            break
        elif name and ref_type in _LAW_WORDS and _YEAR_TOKEN_RE.fullmatch(tok):
            break  # `Luật Đường bộ 2024`: the year is the law's date, not part of its name
        name.append(tok)
        ends.append(tok_end)
        if len(name) >= (40 if about else 30):
            break
    if ref_type in _LAW_WORDS and (known := _known_law_length([t for t, _ in toks])):
        name, ends = [t for t, _ in toks[:known]], [e for _, e in toks[:known]]
    end = ends[-1] if name else pos  # the citation still covers `ban hành kèm theo`, so its cue stays inside
    name = name[: _issued_with_start(name)]
    return " ".join(name).replace(" ,", ","), end


def _issued_with_start(name: list[str]) -> int:
    """Where a trailing `(được) ban hành kèm theo` starts: it leads to the issuing document, not the name's end."""
    if name[-2:] != ["kèm", "theo"]:
        return len(name)
    cut = len(name) - 2
    if name[cut - 2 : cut] == ["ban", "hành"]:
        cut -= 2
    return cut - 1 if name[cut - 1 : cut] == ["được"] else cut


def _known_law_length(words: list[str]) -> int:
    """How many of the words make the longest known law name they start with (0: none)."""
    key, best = [], 0
    for i, word in enumerate(words, 1):
        if word not in _PUNCT_IN_NAMES:
            key.append(word.casefold())
            if " ".join(key) in _KNOWN_LAWS:
                best = i
    return best


def _bad_start(tok: str, nxt: str, ref_type: str) -> bool:
    if tok in ("giữa", "song", "của") and ref_type in _INTERNATIONAL:
        return False  # `Hiệp định song phương giữa …`, `Công ước của Liên hợp quốc …`
    return tok in _NAME_BAD_STARTS or f"{tok} {nxt}" in _NAME_BAD_STARTS


def _ends_name(tok: str, nxt: str, after: str, name: list[str], about: bool) -> bool:
    if tok in _PUNCT_STOPS:
        return True
    if nxt in ("Luật", "Bộ") and "của" in name and tok in (",", "và"):
        return False  # an amending law lists the laws it amends: `Luật sửa đổi … của Luật A, Luật B và Luật C`
    if tok == ",":  # `Luật Phòng, chống …`, `Luật Khoa học, công nghệ và …` go on; `, các văn bản` does not
        lower_word = nxt[:1].islower() and nxt not in _NAME_BAD_STARTS and not _stops(nxt, "")
        return not (name and (nxt in _COMMA_CONT or lower_word))
    if tok == "và":  # `giữa Bộ Công an Việt Nam và Bộ Công an Lào` names both parties
        return (
            not about
            and "giữa" not in name
            and (
                nxt in _AFTER_AND_STOPS
                or bool(_type_name(nxt))
                or _stops(nxt, f"{nxt} {after}")
                or nxt in _NAME_BAD_STARTS
            )
        )
    if tok == "số" and nxt[:1].isdigit():
        return True
    return bool(name) and not about and _stops(tok, f"{tok} {nxt}")


def _stops(word: str, bigram: str) -> bool:
    return word in _NAME_STOPS or bigram in _NAME_STOPS


def _named(
    doc: SegmentedDocument, meta: DocumentMeta, skip: list[tuple[int, int]], taken: list[_Cite]
) -> Iterator[_Cite]:
    text = doc.text
    shorts = [(m.start(), m.group("short").strip()) for m in _DEFINITION_RE.finditer(text)]
    own_title = codes.fold(meta.title or "")[:40]
    pending: list[tuple[int, str]] = []  # type words waiting for a shared name: `các Công ước, Nghị định thư về …`
    consumed = 0  # a law named inside another's name (`Luật sửa đổi … của Bộ luật Hình sự`) is part of it
    for m in _NAMED_TYPE_RE.finditer(text):
        start = m.start()
        if start < consumed or _skipped(doc, start, skip) or any(c.start <= start < c.end for c in taken):
            continue
        ref_type = _type_name(m.group("type")) or "Bộ luật"
        if ref_type in _LAW_WORDS and _NOT_A_LAW_BEFORE_RE.search(text, max(0, start - 20), start):
            continue  # `pháp Luật` (the law in general), `dự thảo Luật` (not yet a law)
        if _NUMBERED_AFTER_RE.match(text, m.end()) or _CREATION_RE.search(text, max(0, start - 40), start):
            pending.clear()
            continue
        limit = min(len(text), m.end() + 400)
        nxt_numbered = next((c.start for c in taken if m.end() <= c.start < limit), limit)
        name, head = _name(text, m.end(), ref_type, nxt_numbered)
        name = _with_amended_law(name, text, head, taken)
        if any(pos < start and short == ref_type for pos, short in shorts) and not _OWN_NAME_RE.match(name):
            pending.clear()
            continue  # the short name the text defined (`Hiệp định`), unless a name of its own follows
        following = _FOLLOWING_TYPE_RE.match(text, m.end(), limit)
        if not name and following:
            pending.append((start, ref_type))
            continue
        if not name and ref_type != "Hiến pháp":
            pending.clear()
            continue
        if ref_type in _AGREEMENTS and not _AGREEMENT_NAME_RE.match(name):
            continue  # `Thỏa thuận` is also a common noun; a cited one says between whom or about what
        if _NAMED[ref_type] == "cue" and not _SPECIFIC_NAME_RE.match(name):
            continue  # `Quyết định công nhận …` is any such decision; `Kế hoạch … thực hiện Hiệp định …` is one
        if _NAMED[ref_type] == "cue" and own_title and codes.fold(name)[:40] == own_title:
            continue
        end, issued, issuer, _ = _tail(text, head, meta)
        nested_law = _LAW_WORD_RE.search(name)  # then the year after the name is the nested law's
        if issued is None and (y := _YEAR_AFTER_RE.match(text, head)) and ref_type in _LAW_WORDS and not nested_law:
            issued, end = y.group("y"), max(end, y.end())
        if p := _PASSED_BY_RE.match(text, end):  # `được Quốc hội thông qua ngày …`, `được hai bên ký kết …`
            if p.group("issuer")[:1].isupper():
                issuer = issuer or canonical_issuer(p.group("issuer"), meta.province)
            if issued is None and p.group("y"):
                issued = _iso(p)
            end = p.end()
        if _NAMED[ref_type] == "always":
            consumed = head
        for pstart, ptype in [*pending, (start, ref_type)]:
            ref = CrossReference(
                ref_type=ptype,
                relation="mentions",
                raw_text="",
                char_start=pstart,
                char_end=end,
                section=None,
                issued_date=issued,
                issuer=issuer,
                title=name or None,
            )
            yield _Cite(
                replace(ref, warning=_warning(ref, None, meta)),
                pstart,
                end,
                head,
                False,
                cue_types=_NAMED[ptype] == "cue",
            )
        pending.clear()


def _with_amended_law(name: str, text: str, head: int, taken: list[_Cite]) -> str:
    """`Luật sửa đổi, bổ sung một số điều của` + `Luật Đất đai số 31/2024/QH15`: the amending law's name ends with
    the law it amends, which is cited with its number (its own row) right after."""
    if not name.endswith(" của"):
        return name
    at = _SPACES_RE.match(text, head).end()
    law = next((c.ref for c in taken if c.start == at and c.ref.ref_type in _LAW_WORDS and c.ref.title), None)
    return f"{name} {law.ref_type} {law.title}" if law else name


def _body_start(doc: SegmentedDocument) -> int:
    """Where citations may begin: the earlier of the segmenter's body start and the end of the header's title.

    A title joined onto the authority line and the first `Căn cứ` (hard-wrapped sources) can push the
    segmenter's body start past that first citation; the header reader stops the title at the `Căn cứ`.
    """
    end = header_end(doc.text)
    return min(end, doc.body_start) if end and doc.body_start else end or doc.body_start


def _skipped(doc: SegmentedDocument, pos: int, skip: list[tuple[int, int]]) -> bool:
    """The header (skip[0]), definitions of short names and the closing lists hold no citations."""
    return doc.in_closing(pos) or any(a <= pos < b for a, b in skip)


def _relation(text: str, cite: _Cite, earlier: list[_Cite], floor: int) -> str:
    """The nearest cue before the citation in its sentence, skipping words inside earlier citations."""
    lo = max(floor, cite.start - 400)
    if b := _SENTENCE_START_RE.search(text, lo, cite.start):
        lo = b.end()
    relation = None
    for m in _CUE_RE.finditer(text, lo, cite.start):
        if not any(c.start <= m.start() < c.end for c in earlier if c.end > lo):
            relation = m.lastgroup
    return relation or "mentions"


def _finish(doc: SegmentedDocument, cites: list[_Cite], floor: int) -> list[CrossReference]:
    """Titles run to the end of their clause, or to the next document listed after them; relations and sections."""
    text = doc.text
    cites.sort(key=lambda c: c.start)
    for i, c in enumerate(cites):
        if c.title_start is not None:
            end = _clause_end(text, c.title_start)
            for later in cites[i + 1 :]:
                if c.title_start <= later.start < end and _LISTED_AFTER_RE.search(text, c.head, later.start):
                    end = later.start
                    break
            end = max(c.title_start, end)
            c.end = end
            title = _TRAILING_AND_RE.sub("", text[c.title_start : end])
            c.ref = replace(c.ref, title=_clean(title) or None, char_end=end)
    out, earlier = [], []
    for c in cites:
        nested = any(e.numbered and e.title_start is not None and e.title_start <= c.start < e.end for e in earlier)
        relation = "mentions" if nested else _relation(text, c, earlier, floor)
        earlier.append(c)
        if c.cue_types and relation == "mentions":
            continue
        raw = _clean(text[c.start : c.ref.char_end])
        out.append(replace(c.ref, relation=relation, raw_text=raw, section=doc.section_at(c.start)))
    return out


def extract(doc: SegmentedDocument, meta: DocumentMeta) -> tuple[CrossReference, ...]:
    text = doc.text
    floor = _body_start(doc)
    skip = [(0, floor)] + [(m.start(), m.end()) for m in _DEFINITION_RE.finditer(text)]
    numbered = list(_numbered(doc, meta, skip))
    named = list(_named(doc, meta, skip, numbered))
    return tuple(_finish(doc, numbered + named, floor))


@cache
def type_examples() -> list[dict]:
    """Every example phrase of the document-type table, with its type, for the table-driven tests."""
    return [dict(ex, ref_type=t["name"]) for t in _TYPES["types"] for ex in t.get("examples", [])]
