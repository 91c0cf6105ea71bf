"""Who is made responsible for what: `assignments` rows from a segmented plan.

Plans state responsibility in a handful of ways, all handled clause by clause:
- a cue right before a list of bodies (`Cơ quan phối hợp: A, B và C`, `phối hợp với Y`,
  `Giao X`, `Đề nghị X`, `chỉ đạo Y`, `gửi X (qua Y)` in a reporting clause);
- a list that is the subject of its clause (`Sở Tư pháp chủ trì, ...`, `Các sở ... căn cứ
  chức năng, nhiệm vụ chủ động phối hợp thực hiện`, `Lực lượng Công an triển khai ...`);
- a parenthesis closing a task (`(Bộ Công an chủ trì, phối hợp các bộ, ngành, địa phương thực hiện)`),
  read as a clause of its own, or one right after a body (`(Cơ quan Thường trực ...)`, `(qua Y)`);
- a heading that names a body (`1. Công an tỉnh:`), whose items are that body's tasks;
- task tables whose columns name the chủ trì and phối hợp bodies (`task_tables`).
The cue phrases are data (`data/assignment_cues.json`). A collective is never `lead`: where the
rules give it `lead`, it carries the work out (`implement`).
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass

import regex

from extractors import agencies, task_tables
from extractors.agency_text import DATA, Mention, Place, fold
from models.records import Assignment, DocumentMeta, SegmentedDocument

_CUES = json.loads((DATA / "assignment_cues.json").read_text(encoding="utf-8"))


def _alternation(phrases: list[str]) -> str:
    parts = sorted(phrases, key=len, reverse=True)
    return "|".join(r"[ \t]*,?[ \t]*".join(r"[ \t]+".join(map(regex.escape, p.split())) for p in ph.split(","))
                    for ph in parts)


_CUE_ROLE = {fold(p): role for role, phrases in _CUES["before"].items() for p in phrases}
_BEFORE = regex.compile(r"(?<!\w)(?:" + _alternation(list(_CUE_ROLE)) + r")(?!\w)")
#: short items the matcher does not know, between two lists of one enumeration (`, báo, đài và `)
_LIST_TAIL = regex.compile(r"[ \t]*,(?:[ \t]*(?:\w+[ \t]+){0,2}\w+[ \t]*,)*[ \t]*(?:\w+[ \t]+){0,2}\w+[ \t]+và[ \t]*")
_REPORT_VERB_BEFORE = regex.compile(r"(?:báo cáo|gửi)(?:[ \t,]+[\w/]+){0,6}[ \t,]*$")
_UNKNOWN_ITEM = regex.compile(r"[ \t]+[^,;.:()\n]{1,60}?,[ \t]*")
_FILLER = regex.compile(r"^(?:[ \t,]|các|lực lượng|với|chặt chẽ|cùng|toàn bộ|tất cả|thường xuyên|kịp thời|"
                        r"(?:phó )?(?:chủ tịch|giám đốc|thủ trưởng|lãnh đạo|chánh|trưởng|bộ trưởng))*$")
_AFTER = {role: regex.compile(p) for role, p in _CUES["after"].items()}
_TASK_START = {role: regex.compile(p) for role, p in _CUES["task_start"].items()}
_TASK_PREFIX = regex.compile(_CUES["task_prefix"])
_SKIP = regex.compile(_CUES["skip_sections"])
_SUBJECT_AFTER = regex.compile(_CUES["subject_after"])
_DUTY_ASIDE = regex.compile(_CUES["duty_aside"])
_HEAD_POST = regex.compile(_CUES["head_posts"])
_REPORT = regex.compile(_CUES["report"])
_GROUP_GAP = regex.compile(
    r"^[\s,;:]*(?:(?:và|cùng|hoặc)[\s,]*)?(?:(?:phó )?(?:chủ tịch|giám đốc|thủ trưởng|lãnh đạo)\s*)?$"
)
_CLAUSE_END = regex.compile(r";|(?<!\.)\.(?!\.)(?=\s|$)|\n")
_STEERING_138 = regex.compile(r"ban chỉ đạo (?:138|phòng,? chống tội phạm)|bcđ ?138")
_PAREN = regex.compile(r"\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")
_LABEL = regex.compile(r"^[\W\d]*(?:[ivxlc]+\.|[a-zđ]\)|phần [ivx\d]+\.?|\d+(?:\.\d+)*\.?)?[\s*#]*")
_HEADING_POST = regex.compile(r"(?:phó[ \t]+)?(?:thủ trưởng|giám đốc|lãnh đạo|người đứng đầu|trưởng)[ \t]+")
_REQUEST_HEAD = regex.compile(r"(?:đề nghị|giao|yêu cầu|khuyến khích)[ \t]+")
_SENTENCE_MARK = regex.compile(r"[.;]")
_INNER_PAREN = regex.compile(r"\([^()]*\)")
_EXPLICIT_LEAD = regex.compile(r"chủ trì|đầu mối")
_ARTICLE = regex.compile(r"^(?:điều \d+\.)\s*")
_CUE_COMMA = regex.compile(r"[ \t]*,[ \t]*")
_LEADS_REPORTING = regex.compile(r"[ \t]*chủ trì[ \t]+(?!,|thực hiện|tổ chức)")
#: `các cơ quan phối hợp có trách nhiệm ...`: bodies named by the role another part gives them
_ROLE_NOUN = regex.compile(r"[ \t]*(?:được giao[ \t]+)?(?:chủ trì|phối hợp)[ \t]+(?:có|chịu)[ \t]+trách nhiệm")
_ARTICLE_OR_FORCE = regex.compile(r"^(?:điều \d+\.)\s*|(?:^|\s)lực lượng$")
_NOT_TASK = regex.compile(r"(?:theo (?:quy định|chỉ đạo|hướng dẫn|đề nghị|kế hoạch)|của|như|và)\b")
_NAME_SEPARATORS = regex.compile(r"[\s,;:]|và|" + _HEAD_POST.pattern.rstrip("$"))
_PROGRAMME_ITEM = regex.compile(r"(?:tiểu )?(?:dự án|đề án|chương trình|hợp phần|nội dung) (?:số )?\d+\b")
# `1. Công an thành phố` alone on its line, maybe with an apposition (`(Cơ quan thường trực ...)`,
# `- Cơ quan thường trực Ban Chỉ đạo`)
_BARE_HEADING = regex.compile(r"[ \t*]*(?:\([^()\n]*\)|[-–][ \t]*(?:cơ quan[ \t]+)?thường trực[^\n.;:]*)?[ \t*]*")
_LIST_LABEL = regex.compile(r"\s*(?:[\-+•*]+|[a-zđ]\)|\d+(?:\.\d+)*\.?)?[ \t]*(?:\*\*)?[ \t]*"
                            r"(?:cơ quan|đơn vị)[ \t]+(chủ trì|phối hợp|thường trực)(?:[ \t]+thực hiện)?[ \t]*:")
_LABEL_ROLE = {"chủ trì": "lead", "phối hợp": "coordinate", "thường trực": "standing"}
_LIST_ITEM = regex.compile(r"[^,;\s][^,;]*?(?=\s*(?:,|;|\bvà\b|$))")
_NOT_BODY = regex.compile(r"(?:các|những|theo|trong|thời gian|kinh phí|nội dung)\b")
_PARTNER = regex.compile(r"\s*(?:cùng với|và với|với)\s*")
_THROUGH = regex.compile(r"\s*qua\b")
_TASK_HEADING = regex.compile(r"nhiệm vụ|giải pháp|tổ chức thực hiện|phân công|trách nhiệm")
_LIST_GOES_ON = regex.compile(r"^[ \t]*,[ \t]*(?:(?:nhất là|đặc biệt là|kể cả)[ \t]+)?")
_EXAMPLES = regex.compile(r"[ \t]*như:?[ \t]*")
_ITEM = regex.compile(r"[a-zđ]\)|\d+\.|[-+•]")
# a name may run onto the next line after a word that joins (`Trung tâm Chuyển đổi số và⏎Truyền thông`),
# and ends before its duty (`Trung tâm Đổi mới sáng tạo Hà Nội có trách nhiệm:`)
_ORG_HEADING = regex.compile(
    r"((?:Ban|Sở|Cục|Chi cục|Trung tâm|Văn phòng|Hội|Đài|Báo|Trường|Viện|Bảo hiểm|Kho bạc|Ngân hàng|Công ty|"
    r"Tổng công ty|Tập đoàn|Liên đoàn|Liên minh|Ủy ban|Hội đồng|Quỹ|Phòng|Thanh tra|Đoàn|Bệnh viện)[ \t]+\p{Lu}"
    r"(?:[^\n:;.()*]|(?<=(?:\s|^)(?:và|-|–|,))[ \t]*\n(?=[ \t]*\p{Lu}))*?)(?<!(?:\s|^)(?:và|-|–|,))"
    r"(?:(?<!trực)[ \t]+(?:(?:có|chịu)[ \t]+trách[ \t]+nhiệm|thuộc[ \t][^\n:]*))?[ \t*]*(?::|(?=\n)|$)"
)
_ORG_AFTER_LIST = regex.compile(r"[ \t]*(?:,|và)[ \t]*" + _ORG_HEADING.pattern)
_PARTNERS_LEAD_IN = regex.compile(r"phối hợp(?:[ \t]+(?:với|cùng))?[ \t*]*:?[ \t*]*$")
_TASK_PAREN = regex.compile(r"chủ trì|thực hiện|phối hợp|triển khai")
_JOINS_NEXT_LINE = regex.compile(r"(?:[,\-–]|(?<!\w)(?:với|và|của|các|cho|tại|giao|đề nghị|chủ trì|phối hợp|"
                                 r"hợp tác|gửi|về|qua|thuộc|là|theo))$")


@dataclass
class _Group:
    """Bodies listed together (`A, B và C`), which share one role."""

    mentions: list[Mention]
    start: int
    end: int


def extract(doc: SegmentedDocument, meta: DocumentMeta) -> list[Assignment]:
    text = doc.text
    folded = fold(text)
    where = Place(meta.province, meta.locality, bool(_STEERING_138.search(folded)))
    found = agencies.find(text, doc.body_start, len(text), where, folded)
    index = _Index([m for m in found if not doc.in_closing(m.start) and _counted(doc, folded, m.start)])
    out = _Collector(doc, where)
    cells, consumed = task_tables.find(folded)
    for cell in cells:
        for m in index.within(cell.start, cell.end):
            out.add(m, cell.role)
    mentions = _Index([m for m in index.items if not _in_sorted(m.start, consumed)])
    heads = _heading_bodies(doc, folded, mentions, out)
    mentions = _Index(mentions.items + _named_again(doc, heads, mentions, consumed))
    for a, b in _spans_outside(consumed, doc.body_start, len(text)):
        _clauses(doc, folded, mentions, heads, a, b, out)
    return out.rows


class _Index:
    """Mentions in text order, looked up by range: long plans name bodies thousands of times."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def within(self, a: int, b: int) -> list[Mention]:
        """Mentions that start in `[a, b)`."""
        return self.items[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]


def _in_sorted(offset: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


class _Collector:
    """One row per agency per role per section, in the order found."""

    def __init__(self, doc: SegmentedDocument, where: Place) -> None:
        self.doc, self.where, self.rows, self.seen = doc, where, [], set()
        #: line breaks that end a numbered heading's first line (`1. Tuyên truyền⏎Sở Tư pháp ...`)
        self.heading_ends = {doc.text.find("\n", s.char_start) for s in doc.sections} - {-1}

    def add(self, m: Mention, role: str, at: int | None = None) -> None:
        if m.collective and role == "lead":
            role = "implement"
        section = self.doc.section_at(m.start if at is None else at)
        k = (m.agency.name, role, self._scored(section))
        if k not in self.seen:
            self.seen.add(k)
            self.rows.append(Assignment(m.agency, role, m.text, m.start, m.end, section))

    def _scored(self, i: int | None) -> int | None:
        """List items (`-`, `+`) count toward the numbered section above them."""
        while i is not None and self.doc.sections[i].kind in ("dash", "plus"):
            i = self.doc.sections[i].parent
        return i


def _counted(doc: SegmentedDocument, folded: str, offset: int) -> bool:
    """Aims, targets and the preamble name bodies without giving them tasks."""
    i = doc.section_at(offset)
    if i is None:  # a preamble (the plan's, or an attached plan's after the decision's articles)
        return not doc.sections
    while i is not None:
        s = doc.sections[i]
        heading = _LABEL.sub("", fold(s.heading)).strip()
        if _SKIP.match(heading) and not _TASK_HEADING.search(heading):
            return False
        i = s.parent
    return True


def _spans_outside(consumed: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    out, pos = [], lo
    for a, b in sorted(consumed):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < hi:
        out.append((pos, hi))
    return out


# --- heading bodies ------------------------------------------------------------------------------

@dataclass
class _Head:
    group: list[Mention]
    scope: tuple[int, int]
    explicit: bool


def _heading_bodies(doc: SegmentedDocument, folded: str, mentions: _Index, out: _Collector) -> list[_Head]:
    """`1. Công an tỉnh:` / `- Bộ Lao động - Thương binh và Xã hội:`: the items below are its tasks."""
    heads = []
    for s in doc.sections:
        line_end = folded.find("\n", s.char_start, s.char_end)
        line_end = s.char_end if line_end < 0 else line_end
        prefix = _TASK_PREFIX.match(folded[s.char_start:line_end])
        pos = s.char_start + (prefix.end() if prefix else 0)
        req = _REQUEST_HEAD.match(folded[pos:line_end])
        pos += req.end() if req else 0
        post = _HEADING_POST.match(folded, pos, line_end)
        if post and not mentions.within(pos, post.end()) and mentions.within(post.end(), post.end() + 1):
            pos = post.end()  # `2. Thủ trưởng các sở, ban, ngành`: the post stands for the bodies
        group, named_end = [], -1
        for m in mentions.within(pos, line_end):
            if m.start == pos or (group and m.start >= group[-1].end and m.end <= line_end
                                  and _GROUP_GAP.match(folded[group[-1].end:m.start])):
                group.append(m)
        if not group and not mentions.within(pos, line_end):
            org = _ORG_HEADING.match(doc.text, pos, s.char_end)
            if org and len(org.group(1).split()) <= 12:
                # `2. Ban Quản lý Khu kinh tế Đông Nam`: a body the gazetteer does not know
                agency = agencies.unlisted(" ".join(org.group(1).split()), out.where)
                group = [Mention(org.start(1), org.end(1), org.group(1), agency)]
                named_end = org.end() - 1
        if not group:
            continue
        more = _ORG_AFTER_LIST.match(doc.text, group[-1].end, line_end) if named_end < 0 else None
        if more and not mentions.within(more.start(1), more.end(1)) and len(more.group(1).split()) <= 12:
            # `5. Các sở ngành liên quan, Viện Nghiên cứu phát triển Thành phố`: a body nobody listed
            agency = agencies.unlisted(" ".join(more.group(1).split()), out.where)
            group.append(Mention(more.start(1), more.end(1), more.group(1), agency))
        paren = _PAREN.match(folded, _skip_blank(folded, group[-1].end), line_end)
        if paren and "thường trực" not in paren.group() and not paren.group().startswith("(qua"):
            group += mentions.within(paren.start(), paren.end())
        colon = named_end if named_end >= 0 else folded.find(":", group[-1].end, line_end)
        if colon < 0 and _BARE_HEADING.fullmatch(folded, group[-1].end, line_end):
            colon = line_end - 1  # `1. Công an thành phố` alone on its line, items below
        if colon < 0 or colon - group[-1].end > 120:
            continue
        residual = folded[group[-1].end:colon]
        if _SENTENCE_MARK.search(_INNER_PAREN.sub("", residual)):
            continue
        explicit = False
        if "thường trực" in residual:
            # `1. Sở Nội vụ (Cơ quan thường trực Ban ...):` still takes the roles of the tasks listed under it
            for m in group:
                out.add(m, "standing")
        if _EXPLICIT_LEAD.search(_INNER_PAREN.sub("", residual)):
            explicit = True
            for m in group:
                out.add(m, "lead")
        heads.append(_Head(group, (colon + 1, s.char_end), explicit))
    return heads


def _named_again(doc: SegmentedDocument, heads: list[_Head], mentions: _Index,
                 consumed: list[tuple[int, int]]) -> list[Mention]:
    """A body the gazetteer does not know, learnt from its heading (`2. Ban Quản lý Khu kinh tế Đông Nam`),
    is found wherever else the plan writes it the same way (`phối hợp với Ban Quản lý Khu kinh tế Đông Nam`)."""
    learnt = {h.group[0].text: h.group[0] for h in heads if len(h.group) == 1 and h.group[0].agency.category == "other"
              and h.group[0] not in mentions.items and "\n" not in h.group[0].text}
    taken = [(m.start, m.end) for m in mentions.items] + [(h.group[0].start, h.group[0].end) for h in heads]
    out = []
    for written, m in learnt.items():
        for hit in regex.finditer(rf"(?<!\w){regex.escape(written)}(?!\w)", doc.text, pos=doc.body_start):
            a, b = hit.span()
            if not any(x < b and a < y for x, y in taken) and not _in_sorted(a, consumed) and not doc.in_closing(a):
                out.append(Mention(a, b, written, m.agency))
    return out


def _skip_blank(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


def _head_at(heads: list[_Head], offset: int) -> _Head | None:
    inner = None
    for h in heads:
        if h.scope[0] <= offset < h.scope[1] and (inner is None or h.scope[0] >= inner.scope[0]):
            inner = h
    return inner


# --- clauses -------------------------------------------------------------------------------------

def _clauses(doc: SegmentedDocument, folded: str, mentions: _Index, heads: list[_Head],
             lo: int, hi: int, out: _Collector) -> None:
    masked = list(folded[lo:hi])
    parens = []
    for p in _PAREN.finditer(folded, lo, hi):
        parens.append((p.start(), p.end()))
        masked[p.start() - lo:p.end() - lo] = " " * (p.end() - p.start())
    view = "".join(masked)
    for a, b in _split(view, lo, mentions, doc.text, out.heading_ends):
        ms = [m for m in mentions.within(a, b) if not _in_sorted(m.start, parens)]
        _clause(doc, folded, view, lo, a, b, ms, parens, mentions, heads, out)
    for pa, pb in parens:
        glued = _apposition_of(pa, mentions) is not None
        if not glued and _THROUGH.match(folded, pa + 1, pb):
            # `báo cáo UBND tỉnh về kết quả (qua Sở Nội vụ)`: the channel of a report
            sentence = _CLAUSE_END.split(view[max(0, pa - lo - 300):pa - lo])[-1]
            if _REPORT.search(sentence):
                for m in mentions.within(pa + 1, pb):
                    out.add(m, "report_to")
        elif _TASK_PAREN.search(folded, pa, pb) and mentions.within(pa + 1, pb):
            _clauses(doc, folded, mentions, [], pa + 1, pb - 1, out)


def _apposition_of(paren_start: int, mentions: _Index) -> Mention | None:
    """The body a parenthesis is glued to (`Bộ Công an (Cơ quan Thường trực ...)`), if any."""
    for m in mentions.within(paren_start - 300, paren_start):
        if m.end <= paren_start and paren_start - m.end <= 2:
            return m
    return None


def _split(view: str, lo: int, mentions: _Index, text: str, heading_ends: set[int]) -> list[tuple[int, int]]:
    """Clause spans; a clause that only lists names (`Chánh Văn phòng ...; Giám đốc ...; ... thi hành`)
    joins its neighbour, and a line break inside a sentence or a body's name does not end one. A heading
    with no closing mark ends where its line does when a capital opens the next (`1. Tuyên truyền⏎Sở ...`):
    `view` is lower case, so the capital is read from `text`."""
    cuts, pos = [], 0
    for c in _CLAUSE_END.finditer(view):
        at = lo + c.start()
        if c.group() == "\n":
            before = view[max(0, c.start() - 20):c.start()].rstrip()
            after = view[c.end():c.end() + 20].lstrip()
            inside = any(m.end > at for m in mentions.within(at - 300, at))
            heading = (at in heading_ends and text[at + 1:at + 21].lstrip()[:1].isupper()
                       and not _JOINS_NEXT_LINE.search(before))
            if inside or (not heading and before and before[-1] not in ".;:!?*" and after[:1].islower()
                          and not _ITEM.match(after)):
                continue
        cuts.append((lo + pos, at))
        pos = c.end()
    cuts.append((lo + pos, lo + len(view)))
    merged: list[tuple[int, int]] = []
    for a, b in cuts:
        joins_next = merged and view[merged[-1][1] - lo] == ";" and _names_only(view, lo, merged[-1], mentions)
        joins_previous = merged and view[a - lo - 1:a - lo] == ";" and _names_only(view, lo, (a, b), mentions)
        if joins_next or joins_previous:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _names_only(view: str, lo: int, span: tuple[int, int], mentions: _Index) -> bool:
    a, b = span
    chars = list(view[a - lo:b - lo])
    hit = False
    for m in mentions.within(a, b):
        if m.end <= b:
            hit = True
            chars[m.start - a:m.end - a] = " " * (m.end - m.start)
    rest = _ARTICLE.sub("", "".join(chars).strip())
    rest = _TASK_PREFIX.sub("", rest.strip())
    return hit and not _NAME_SEPARATORS.sub("", rest)


def _groups(view: str, lo: int, ms: list[Mention]) -> list[_Group]:
    groups: list[_Group] = []
    for m in ms:
        if groups and _GROUP_GAP.match(view[groups[-1].end - lo:m.start - lo]):
            groups[-1].mentions.append(m)
            groups[-1].end = m.end
        else:
            groups.append(_Group([m], m.start, m.end))
    return groups


def _pre_cue(context: str, report: bool) -> str | None:
    """Role given by the cue nearest before a list, or None; 'block' when the bodies get no role."""
    last = None
    for c in _BEFORE.finditer(context):
        last = c
    if last is None:
        return None
    role = _CUE_ROLE[" ".join(_CUE_COMMA.sub(", ", last.group()).split())]
    if not _FILLER.match(context[last.end():]):
        # `phối hợp với Ban Quản lý Khu kinh tế Đông Nam, Sở Y tế`: the list goes on past a body
        # the matcher does not know
        unknown_item = role in ("lead", "coordinate", "request", "implement") and _UNKNOWN_ITEM.fullmatch(
            context, last.end())
        return role if unknown_item else None
    if report and last.group() == "qua":
        return "report_to"  # `báo cáo về A qua B`: the channel of the report
    if role == "report_to" and not report:
        return "block" if last.group() in ("cho", "về") else None
    if role == "report_to" and last.group() in ("cho", "về", "lên") and not _REPORT_VERB_BEFORE.search(
            context, 0, last.start()):
        return "block"  # `bố trí dự toán cho các đơn vị` in a clause that reports elsewhere
    return role


def _clause(doc: SegmentedDocument, folded: str, view: str, lo: int, a: int, b: int, ms: list[Mention],
            parens: list[tuple[int, int]], all_mentions: _Index, heads: list[_Head], out: _Collector) -> None:
    clause = view[a - lo:b - lo]
    if _labelled_list(doc, view, lo, a, b, ms, out):
        return
    report = bool(_REPORT.search(clause))
    in_heading = {id(m) for h in heads if a <= h.group[0].start < b for m in h.group}
    groups = _groups(view, lo, [m for m in ms if id(m) not in in_heading])
    prev_end, prev_roles = a, set()
    has_subject = False
    for k, g in enumerate(groups):
        pre = view[prev_end - lo:g.start - lo]
        post = view[g.end - lo:(b - lo)]
        if k + 1 < len(groups) and _EXAMPLES.fullmatch(view, g.end - lo, groups[k + 1].start - lo):
            # `A và các tổ chức thành viên như B, C... đẩy mạnh`: the verb comes after the examples
            post = view[groups[k + 1].end - lo:b - lo].lstrip(" .…")
        roles = _roles(pre, post, prev_end == a, prev_roles, report)
        if "subject" in roles:
            has_subject = True
            roles.discard("subject")
            if roles & {"lead", "implement"} and _under_partners_lead_in(doc, folded, a):
                roles = {"coordinate"}  # `b) Chủ trì, phối hợp:` then `- Sở Tài chính và ... tham mưu ...`
        for m in g.mentions:
            for r in roles:
                if not _anaphoric(m, post, r):
                    out.add(m, r)
        _appositions(folded, g, parens, all_mentions, roles, report, out)
        prev_end = g.end
        # examples of a collective (`các tổ chức thành viên như B, C`) share its part, not the lead
        prev_roles = {"implement" if r == "lead" and g.mentions[-1].collective else r for r in roles}
    opening = next((h for h in heads if a < h.scope[0] < b), None)  # `2. Sở Nội vụ: Chủ trì ...`
    head = opening or _head_at(heads, a)
    names_a_head = any(a <= h.group[0].start < b for h in heads if h is not opening)
    if head and not head.explicit and (opening or not (has_subject or names_a_head)):
        start = max(a, head.scope[0])
        role = _lead_in_role(doc, folded, start, head) or _task_role(view[start - lo:b - lo])
        if role:
            for m in head.group:
                out.add(m, role, at=start)


def _labelled_list(doc: SegmentedDocument, view: str, lo: int, a: int, b: int, ms: list[Mention],
                   out: _Collector) -> bool:
    """`Cơ quan phối hợp: A, B, C và D`: every body listed takes the label's role, including
    bodies the gazetteer does not know (`Bảo hiểm xã hội tỉnh`), named from the list item."""
    label = _LIST_LABEL.match(view, a - lo, b - lo)
    if not label:
        return False
    role = _LABEL_ROLE[label.group(1)]
    for m in ms:
        out.add(m, role)
    items = [i for i in _LIST_ITEM.finditer(view, label.end(), b - lo)
             if not any(m.start < lo + i.end() and lo + i.start() < m.end for m in ms)]
    for item in items:
        start, end = lo + item.start(), lo + item.end()
        written = " ".join(doc.text[start:end].split())
        if written[:1].isupper() and 2 <= len(written.split()) <= 12 and not _NOT_BODY.match(fold(written)):
            out.add(Mention(start, end, doc.text[start:end], agencies.unlisted(written, out.where)), role)
    return True


def _anaphoric(m: Mention, post: str, role: str) -> bool:
    """`các đơn vị chủ trì báo cáo`, `các cơ quan phối hợp có trách nhiệm` refer back to the bodies other
    parts of the plan name; they assign nothing."""
    if not m.collective:
        return False
    return bool(_ROLE_NOUN.match(post)) or (role == "lead" and bool(_LEADS_REPORTING.match(post)))


def _roles(pre: str, post: str, at_start: bool, prev_roles: set[str], report: bool) -> set[str]:
    """Roles of a list from the words before it (`pre`, back to the previous list or the clause
    start) and after it (`post`); `subject` marks a list that is the subject of its clause."""
    cue = _pre_cue(pre, report)
    if cue == "inherit":  # examples right after a list (`các tổ chức như B, C`) share its role
        return set(prev_roles) - {"subject"} if _EXAMPLES.fullmatch(pre) else set()
    if cue == "block":
        return set()
    if _AFTER["lead"].match(post) and cue in (None, "implement", "request", "lead"):
        return {"lead", "subject"}
    if cue == "request":
        return {"lead"}
    if cue:
        roles = {cue}
        if cue == "lead" and _AFTER["standing"].match(post):
            roles.add("standing")
        return roles
    if _AFTER["coordinate"].match(post):
        return {"coordinate", "subject"}
    if _PARTNER.fullmatch(pre) and "coordinate" in prev_roles:
        return {"coordinate"}  # `phối hợp giữa A với B`
    if prev_roles and _LIST_TAIL.fullmatch(pre):
        return set(prev_roles)  # `phối hợp với các sở, ngành, báo, đài và các đơn vị có liên quan`
    position = _subject_position(pre, at_start)
    if not position or _AFTER["none"].match(post):
        return set()  # `Ủy ban nhân dân tỉnh yêu cầu ...`: the body that assigns is not assigned
    for role in ("standing", "implement"):
        if _AFTER[role].match(post):
            return {role, "subject"}
    if position == "start":
        # at the very head of the clause a list may go on with what the matcher does not know
        # (`..., Giám đốc Trung tâm Phục vụ hành chính công, các tổ chức, cá nhân ... thi hành`)
        post = _LIST_GOES_ON.sub("", post, count=1)
    if _SUBJECT_AFTER.match(_DUTY_ASIDE.sub("", post, count=1)):
        return {"lead", "subject"}
    return set()


def _subject_position(pre: str, at_start: bool) -> str | None:
    """`start` at the head of its clause (after at most a label or a post such as `Giám đốc`),
    `after_intro` after an opening phrase closed by a comma (`Hằng năm,`, `Trên cơ sở ...,`)."""
    rest = _TASK_PREFIX.sub("", pre.strip()) if at_start else pre.strip()
    rest = _HEAD_POST.sub("", rest).strip()
    rest = _ARTICLE_OR_FORCE.sub("", rest).strip()
    if at_start and not rest:
        return "start"
    return "after_intro" if rest.endswith(",") else None


def _appositions(folded: str, g: _Group, parens: list[tuple[int, int]], mentions: _Index, roles: set[str],
                 report: bool, out: _Collector) -> None:
    for pa, pb in parens:
        if not (0 <= pa - g.end <= 2):
            continue
        inner = mentions.within(pa + 1, pb)
        content = folded[pa + 1:pb - 1].strip()
        if _TASK_PAREN.search(content) and "thường trực" not in content and not content.startswith("qua"):
            continue
        if content.startswith("qua"):
            for m in inner:
                if report:
                    out.add(m, "report_to")
        elif "thường trực" in content:
            for m in g.mentions:
                out.add(m, "standing")
        else:
            for m in inner:
                for r in roles:
                    out.add(m, r)


def _lead_in_role(doc: SegmentedDocument, folded: str, at: int, head: _Head) -> str | None:
    """`b) Phối hợp với các sở, ngành:` over a list of tasks: the items below it are done in that role."""
    i = doc.section_at(at)
    while i is not None and doc.sections[i].char_start >= head.scope[0]:
        s = doc.sections[i]
        line_end = folded.find("\n", s.char_start, s.char_end)
        line = folded[s.char_start:s.char_end if line_end < 0 else line_end].rstrip(" *")
        if s.char_start < at and line and line[-1] not in ".;":
            role = _task_role(line)
            if role in ("coordinate", "implement"):
                return role
        i = s.parent
    return None


def _under_partners_lead_in(doc: SegmentedDocument, folded: str, at: int) -> bool:
    """A list item under a line that ends `chủ trì, phối hợp (với):` names the partners."""
    i = doc.section_at(at)
    if i is None or doc.sections[i].kind not in ("dash", "plus") or doc.sections[i].parent is None:
        return False
    parent = doc.sections[doc.sections[i].parent]
    line_end = folded.find("\n", parent.char_start, parent.char_end)
    line = folded[parent.char_start:parent.char_end if line_end < 0 else line_end]
    return bool(_PARTNERS_LEAD_IN.search(line))


def _task_role(clause: str) -> str | None:
    """Role of the heading body for one of its items."""
    body = _TASK_PREFIX.sub("", clause.strip(), count=1).strip()
    if len(body.split()) < 2:
        return None
    for role in ("standing", "lead", "coordinate", "implement"):
        if _TASK_START[role].match(body):
            return role
    if _NOT_TASK.match(body) or _PROGRAMME_ITEM.match(body):
        return None
    return "lead"
