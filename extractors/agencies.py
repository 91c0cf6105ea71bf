"""Find the public bodies a plan names, and give each its one canonical name.

The gazetteer (`data/agencies.json`) is data: central bodies with their aliases and
abbreviations, and the stems of bodies every province, district and commune has
(`Công an`, `Sở Tư pháp`, `Ủy ban nhân dân` ...), which a mention qualifies with a unit
and place (`Công an tỉnh` in the Lạng Sơn plan → `Công an tỉnh Lạng Sơn`).

Matching runs compiled alternations (one per first word of the aliases) over a *folded* copy
of the text: lower case, and the old tone placement (`hoà`, `Uỷ`) moved where the new one puts
it (`hòa`, `ủy`). The fold changes no string length, so a match's offsets are offsets into the
original text. We do not use spaCy's PhraseMatcher (on `spacy.blank("xx")`): it matches token
sequences, so a body split over a line break (`Sở Lao động -\nThương binh và Xã hội`: the
newline is a token) or written with the old tone placement is missed, importing spaCy costs
about 1.5 s per worker, and tokenizing and matching a 600 KB decree took longer than this
whole module does (collectives included). underthesea's NER finds almost no bodies in plans.
Abbreviations (`BCA`, `UBND`) must keep their capitals, and never count inside a document
number (`1524/QĐ-BCA-C41`).

Collective mentions (`các sở, ban, ngành, đoàn thể`) are open phrases, read by `collectives`;
`find` returns both kinds, without overlaps.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from functools import cache

import regex

from extractors.agency_text import DATA, Mention, Place, fold, key
from extractors.collectives import Collectives, collectives, words
from models.records import AgencyRef

_WORD = regex.compile(r"(?<!\w)\w+")
_FIRST_WORD = regex.compile(r"\w+")
_LEVELS = ("provincial", "district", "commune")
_IN_CODE_BEFORE = regex.compile(r"[\w.][-/]$")
_IN_CODE_AFTER = regex.compile(r"[-/]\w")
_NAMED_AFTER_HEAD = regex.compile(r"(?:Bộ|Sở|bộ|sở)\s+\p{Lu}")
_CAPS_TOKEN = regex.compile(r"\b[\p{Lu}&]{2,}\b")
_CAPS_WORD = regex.compile(r"\b\p{Lu}{2,}\b")
_NATIONAL = regex.compile(r"việt nam|\bvn\b|trung ương|\btw\b|\btư\b|tối cao|tư lệnh")
_UBND = regex.compile(r"\bUBND\b")
_TRAILING_DASH = regex.compile(r"[ \t]*[-–][ \t]*$")
@dataclass(frozen=True)
class _Entry:
    name: str
    level: str
    category: str
    short: str | None = None
    local_stem: str | None = None
    stem: bool = False
    levels: tuple[str, ...] = ()
    needs_unit: bool = False
    topic: bool = False
    bare_place: bool = False


class Gazetteer:
    """Aliases → entries, and the compiled alternation that finds them."""

    def __init__(self, data: dict) -> None:
        self.by_key: dict[str, list[_Entry]] = {}
        self.abbrev_upper: dict[str, int] = {}
        #: `Bộ Xây dựng`, `Sở Nội vụ`: the capital tells the body from `bộ xây dựng kế hoạch`
        self.named: set[str] = set()
        #: keys of aliases written with a comma
        self.with_comma: set[str] = set()
        for e in data["central"]:
            entry = _Entry(e["name"], e["level"], e["category"], e.get("short"), e.get("local_stem"))
            for alias in e["aliases"]:
                self._add(alias, entry)
        self.stems: dict[str, _Entry] = {}
        for e in data["local"]:
            entry = _Entry(e["stem"], "provincial", e["category"], e.get("short"), stem=True,
                           levels=tuple(e["levels"]), needs_unit=e.get("needs_unit", False),
                           topic=e.get("topic", False), bare_place=e.get("bare_place", False))
            self.stems[e["stem"]] = entry
            for alias in e["aliases"]:
                self._add(alias, entry)
        provinces = data["provinces"]
        self.provinces = {key(p): p for p in provinces["before_2025"] + provinces["after_2025"]}
        self.cities = {key(c) for c in provinces["cities"]}
        aliases = sorted(self.by_key, key=len, reverse=True)
        # one alternation per first word: scanning words and trying only the aliases that start with
        # the word is much faster on long plans than one alternation of every alias
        by_first: dict[str, list[str]] = {}
        for a in aliases:
            by_first.setdefault(_FIRST_WORD.match(a).group(), []).append(a)
        self.by_first = {w: regex.compile(r"(?:" + "|".join(map(_alias_pattern, group)) + r")(?!\w)")
                         for w, group in by_first.items()}
        names = sorted(self.provinces, key=len, reverse=True)
        self.province_pattern = regex.compile(r"(?:" + "|".join(_alias_pattern(n) for n in names) + r")(?!\w)")

    def _add(self, alias: str, entry: _Entry) -> None:
        k = key(alias)
        self.by_key.setdefault(k, [])
        if entry not in self.by_key[k]:
            self.by_key[k].append(entry)
        caps = sum(sum(c.isupper() for c in t) for t in _CAPS_TOKEN.findall(alias))
        if caps:
            self.abbrev_upper[k] = max(self.abbrev_upper.get(k, 0), caps)
        if _NAMED_AFTER_HEAD.match(alias):
            self.named.add(k)
        if "," in alias:
            self.with_comma.add(k)


def _alias_pattern(k: str) -> str:
    return r"[\s\-–,.]*\s*".join(r"\s*&\s*".join(map(regex.escape, t.split("&"))) for t in k.split(" "))


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer(json.loads((DATA / "agencies.json").read_text(encoding="utf-8")))


def _word_set(name: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words()[name])


# the unit words after a stem; longest first so `thành phố` wins over `thành`
_UNIT = regex.compile(r"\s+(thành phố|thị xã|thị trấn|tp\.?|tỉnh|huyện|quận|xã|phường|đặc khu)(?!\w)")
_PLACE_WORDS = regex.compile(r"[ \t]+((?:\p{Lu}[\p{L}\-]*|\d+)(?:[ \t]+(?:\p{Lu}[\p{L}\-]*|\d+)){0,3})")
_TOPIC = regex.compile(
    r"(?:[ \t]+(?!(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|chỉ đạo|chủ trì|phối hợp|các(?! chương trình)|và|là|"
    r"có|giao|đề nghị|để|của|theo|tại)(?!\w))[\w\-/]+,?){1,10}?"
    r"(?=[ \t]+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)(?!\w))"
)
_STOP = (r"chủ trì|phối hợp|thực hiện|tổ chức|có trách nhiệm|có(?![ \t]+công(?![ \t]+(?:văn|bố|khai|tác)))|"
         r"là|chịu|tham mưu|hướng dẫn|"
         r"xây dựng|triển khai|báo cáo|theo|trong|để|với|tại|về|các|được|và|thuộc|của|cho|đôn đốc|kiểm tra|"
         r"nghiên cứu|rà soát|chỉ đạo|"
         r"giao|đề nghị|năm|từ|đến|trước|sau|khi|nhằm|bảo đảm|đảm bảo|hỗ trợ|tiếp tục|tăng cường|"
         r"đẩy mạnh|trình|phê duyệt|ban hành|bố trí|lập|tổng hợp|cung cấp|đề xuất|tuyên truyền|phổ biến|"
         r"chuẩn bị|thẩm định|giám sát|theo dõi|tiếp nhận|xử lý|thống kê|hoàn thiện|sửa đổi|bổ sung|định kỳ|"
         r"hằng năm|hàng năm|thường xuyên|chủ động|khẩn trương|kịp thời|phải|cần|sẽ|đã|đang|tham gia|tiến hành|"
         r"xác định|xác minh|xác nhận|kiểm soát|trả lời|như|download|lưu trữ|thông báo|công bố|gửi|nhận|ký|cập nhật|"
         r"quyết định|quy định|giải quyết|yêu cầu|thu|nộp|cấp|đăng ký|vận hành|quản trị|ghi|nêu|đề cập")
# unit words stop a name only in lower case (`Chi cục Kiểm lâm tỉnh`, but `Chi cục Dân số - Xã hội`), and
# `Bộ`, `Sở` only in capitals (`Vụ Tổ chức cán bộ`, `Cục Đường bộ Việt Nam`, but `Cục Cảnh sát hình sự Bộ Công an`)
_OPEN_STOP = rf"(?i:{_STOP})|tỉnh|huyện|thành phố|quận|thị xã|xã|phường|đặc khu|Bộ|Sở"
_OPEN_UNIT = regex.compile(
    rf"(?<!\w)(?:Tổng cục|Chi [Cc]ục|Cục|Vụ|Ban Quản lý)[ \t]+\p{{Lu}}[\p{{L}}\-]*"
    rf"(?:[ \t]+(?!(?:{_OPEN_STOP})(?!\w))[\p{{L}}\-]+){{0,6}}"
)
_POLICE_WORDS = regex.compile(r"cảnh sát|an ninh|công an")
_BRANCH = regex.compile(
    r"[ \t]*[-–]?[ \t]*[Cc]hi nhánh((?:[ \t]+(?:(?i:khu vực|tỉnh|thành phố)|\p{Lu}[\p{L}\-]*|\d+)){1,5})"
)
_UNIT_LIST = regex.compile(r"\s*,\s*(?:thành phố|thị xã|thị trấn|thị|thành|tỉnh|huyện|quận|xã|phường|đặc khu)(?!\w)"
                           r"(?!\s*(?:ủy|đoàn)(?!\w))")  # `UBND tỉnh, Tỉnh ủy`: the party committee, not a place
_POST = regex.compile(
    r"(?:(phó\s+)?(chủ tịch|giám đốc|chánh án|viện trưởng|thủ trưởng|bộ trưởng|trưởng ban|"
    r"chỉ huy trưởng|tư lệnh|chánh|trưởng)(\s+thường trực)?\s+)$"
)
_POST_PREFIX = regex.compile(_POST.pattern.replace(")$", ")").replace("(?:(phó", "^(?:(phó", 1))
_HEAD_POSTS = {"chủ tịch", "giám đốc", "chánh án", "viện trưởng", "thủ trưởng", "bộ trưởng", "trưởng ban",
               "chỉ huy trưởng", "tư lệnh", "chánh", "trưởng"}


def province_qualifier(province: str) -> str:
    return ("thành phố " if key(province) in gazetteer().cities else "tỉnh ") + province


def _unit_level(unit: str, place: str | None, g: Gazetteer) -> str:
    if unit in ("tỉnh",):
        return "provincial"
    if unit in ("thành phố", "tp", "tp."):
        return "provincial" if place is None or key(place) in g.cities else "district"
    if unit in ("huyện", "quận", "thị xã"):
        return "district"
    return "commune"


def _locality_level(locality: str | None) -> str | None:
    if not locality:
        return None
    m = _UNIT.match(" " + fold(locality))
    return _unit_level(m.group(1), None, gazetteer()) if m else None


def _resolve_local(entry: _Entry, unit: str | None, place_text: str | None, where: Place) -> tuple[str, str] | None:
    """Canonical name and level of a local body; None when the place cannot be known."""
    g = gazetteer()
    stem = entry.name
    if stem == "Ban Chỉ đạo" and where.steering_138:
        stem = "Ban Chỉ đạo 138"
    if unit is None:
        # a bare name in a district or commune plan is that district's or commune's body,
        # unless only provinces have one (`Sở Tư pháp`, `Bộ Chỉ huy Bộ đội Biên phòng`)
        local = _locality_level(where.locality)
        if local in entry.levels:
            level = local
        elif where.province and "provincial" in entry.levels:
            level = "provincial"
        elif where.province or local:
            level = entry.levels[0]
        else:
            return None
    else:
        level = _unit_level(unit, place_text, g)
    if level == "provincial" and entry.bare_place and (place_text or where.province):
        return f"{stem} {g.provinces.get(key(place_text or ''), place_text or where.province)}", level
    if place_text:
        if level == "provincial":
            return f"{stem} {province_qualifier(g.provinces.get(key(place_text), place_text))}", level
        word = {"tp": "thành phố", "tp.": "thành phố"}.get(unit or "", unit)
        return f"{stem} {word} {place_text}", level
    if level == "provincial" and where.province:
        return f"{stem} {province_qualifier(where.province)}", level
    if (level != "provincial" and where.locality and _locality_level(where.locality) == level
            and (unit is None or fold(where.locality).startswith(unit))):
        return f"{stem} {where.locality}", level
    return None


def _is_bare(alias_text: str) -> bool:
    return not _NATIONAL.search(fold(alias_text))


class _Finder:
    """One document's matching: specific bodies first, then collective phrases around them."""

    def __init__(self, text: str, folded: str, where: Place) -> None:
        self.text, self.folded, self.where = text, folded, where
        self.g = gazetteer()

    def specific(self, lo: int, hi: int) -> list[Mention]:
        out = []
        pos = lo
        for w in _WORD.finditer(self.folded, lo, hi):
            if w.start() < pos or w.group() not in self.g.by_first:
                continue
            m = self.g.by_first[w.group()].match(self.folded, w.start(), hi)
            if not m or ("," in m.group() and key(m.group()) not in self.g.with_comma):
                continue  # a comma inside an alias that has none is a list (`sở, ban, ngành tỉnh, đoàn thể`)
            pos = m.end()
            k = key(m.group())
            if k not in self.g.by_key:
                continue
            need = self.g.abbrev_upper.get(k, 0)
            if need and sum(c.isupper() for c in self.text[m.start():m.end()]) < need:
                continue
            if k in self.g.named and not _NAMED_AFTER_HEAD.match(self.text, m.start(), m.end()):
                continue
            if _IN_CODE_BEFORE.search(self.text, max(0, m.start() - 2), m.start()) or \
                    _IN_CODE_AFTER.match(self.text, m.end()):
                continue  # `1524/QĐ-BCA-C41`, `12103/VPCP`: a document's number, not a body
            mention = self._resolve(k, m.start(), m.end(), hi)
            if mention:
                out.append(mention)
        return out + self._open_units(lo, hi, out)

    def _open_units(self, lo: int, hi: int, known: list[Mention]) -> list[Mention]:
        """Departments of ministries and agencies the gazetteer does not list (`Vụ Pháp chế`,
        `Cục Trẻ em`, `Chi cục Kiểm lâm tỉnh`): the unit word, a capitalised name, up to a verb."""
        out = []
        starts = [k.start for k in known]  # in text order
        for m in _OPEN_UNIT.finditer(self.text, lo, hi):
            i = bisect.bisect_right(starts, m.start())
            if (i and known[i - 1].end > m.start()) or (i < len(known) and known[i].start < m.end()):
                continue
            end = m.start() + len(_TRAILING_DASH.sub("", m.group()))
            unit_m = self._unit_after(end, hi)
            name, level, province = " ".join(self.text[m.start():end].split()), "central", None
            name = name.replace("Chi Cục", "Chi cục", 1)
            if unit_m:
                entry = _Entry(name, "provincial", "other", stem=True, levels=_LEVELS)
                resolved = _resolve_local(entry, unit_m.group(1), None, self.where)
                if resolved:
                    (name, level), end = resolved, unit_m.end()
                    province = self.where.province if level == "provincial" else None
            if name.startswith("Ban Quản lý") and level == "central" and self.where.province:
                # `Ban Quản lý Khu kinh tế Dung Quất`: a province's board, named as written
                level, province = "provincial", self.where.province
            category = "police" if _POLICE_WORDS.search(fold(name)) else "other"
            out.append(self._with_post(m.start(), end, AgencyRef(name, level, category, None, province)))
        return out

    def _resolve(self, k: str, start: int, end: int, hi: int) -> Mention | None:
        entries = self.g.by_key[k]
        central = next((e for e in entries if not e.stem), None)
        stem = next((e for e in entries if e.stem), None)
        local_plan = self.where.province or self.where.locality
        if central and central.local_stem and local_plan and _is_bare(self.text[start:end]):
            stem = self.g.stems.get(central.local_stem, stem)
            central = None
        if stem is None or (central and not self._unit_after(end, hi)):
            if central is None:
                return None
            agency = AgencyRef(central.name, central.level, central.category, central.short)
            branch = _BRANCH.match(self.text, end, hi)
            if branch:
                # `Ngân hàng Nhà nước Việt Nam Chi nhánh Khu vực II`: the branch is the body
                name = f"{central.name} - Chi nhánh {' '.join(branch.group(1).split())}"
                agency = AgencyRef(name, "provincial", central.category, None, self.where.province)
                end = branch.end()
            return self._with_post(start, end, agency)
        topic = _TOPIC.match(self.folded, end, hi) if stem.topic else None
        if topic:
            # `Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh`: the committee is named with its topic
            stem = _Entry(f"{stem.name}{self.text[end:topic.end()]}", stem.level, stem.category, stem=True,
                          levels=stem.levels)
            end = topic.end()
        unit_m = self._unit_after(end, hi)
        unit, place_text, stop = None, None, end
        if unit_m:
            unit, stop = unit_m.group(1), unit_m.end()
            place = self._place_after(stop, hi)
            if place:
                place_text, stop = " ".join(self.text[place[0]:place[1]].split()), place[1]
        elif stem.needs_unit:
            return None
        elif stem.bare_place:
            # `Báo và Phát thanh, Truyền hình Cần Thơ`: the province's name right after the body's
            place_m = self.g.province_pattern.match(self.folded, end + 1, hi) if self.text[end:end + 1] == " " else None
            if place_m:
                place_text, stop = self.text[place_m.start():place_m.end()], place_m.end()
        if unit is None and _MANY_AFTER.match(self.folded, end, hi):
            return Mention(start, end, self.text[start:end], AgencyRef(stem.name, "collective", stem.category), True)
        resolved = _resolve_local(stem, unit, place_text, self.where)
        if resolved is None and unit is None and stem.category == "department":
            # `Sở Y tế` in a national plan: the departments of every province
            return Mention(start, end, self.text[start:end], AgencyRef(stem.name, "collective", stem.category))
        if resolved is None and self.folded.endswith("lực lượng ", 0, start):
            # `lực lượng Công an` in a plan with no province: the police at large
            start -= len("lực lượng ")
            return Mention(start, end, self.text[start:end],
                           AgencyRef(f"Lực lượng {stem.name}", "collective", stem.category))
        if resolved is None:
            return None
        name, level = resolved
        province = self.where.province if level != "central" else None
        if place_text and level == "provincial":
            province = self.g.provinces.get(key(place_text), place_text)
        agency = AgencyRef(name, level, stem.category, stem.short, province)
        return self._with_post(start, stop, agency)

    def _unit_after(self, end: int, hi: int):
        m = _UNIT.match(self.folded, end, hi)
        if not m:
            return None
        # `UBND huyện, thành phố` and `Công an xã, phường` are collectives, not one place
        if _UNIT_LIST.match(self.folded, m.end(), hi):
            return None
        return m

    def _place_after(self, end: int, hi: int) -> tuple[int, int] | None:
        """Span of the place name after a unit word; a province's name may run over a line break
        (`UBND Thành phố Hồ Chí⏎Minh`), other names stop at the line's end."""
        m = _PLACE_WORDS.match(self.text, end, hi)
        if not m:
            return None
        p = self.g.province_pattern.match(self.folded, m.start(1), hi)
        if p:
            return m.start(1), p.end()
        if fold(m.group(1).split()[0]) in _word_set("not_place"):
            return None
        return m.start(1), m.end(1)

    def _with_post(self, start: int, end: int, agency: AgencyRef) -> Mention:
        """A post that heads the body stands for it; other posts are named with their body."""
        m = _POST.search(self.folded, max(0, start - 40), start)
        if m and m.end() == start:
            deputy, post = m.group(1), m.group(2)
            start = m.start()
            if deputy or post not in _HEAD_POSTS:
                words = self.text[m.start():m.end()].split()
                post_name = " ".join(words)
                post_name = post_name[0].upper() + post_name[1:]
                agency = AgencyRef(f"{post_name} {agency.name}", agency.level, agency.category, None, agency.province)
        return Mention(start, end, self.text[start:end], agency)


# a specific body followed by `các ...`, `xã, phường`, `địa phương` or `các cấp` names many bodies
_AND = regex.compile(r"[ \t]+và[ \t]+")
_EVERY_LEVEL = regex.compile(r"[ \t]+các cấp(?!\w)")
_MANY_AFTER = regex.compile(
    r"[ \t]+(?:(?:các|những)[ \t]+(?:tỉnh|huyện|xã|phường|thị trấn|thành phố|thị xã|quận|địa phương|cấp|vùng|khu vực)"
    r"|cấp[ \t]+(?:tỉnh|huyện|xã|cơ sở|thành phố|trung ương)"
    r"|địa phương|(?:thành phố|thị xã|thị trấn|tỉnh|huyện|quận|xã|phường|thị|thành|đặc khu)\s*,"
    r"(?!\s*(?:tỉnh|thành|huyện)\s*(?:ủy|đoàn)(?!\w)))(?!\w)"
)


_BARE_PLACE = regex.compile(r"\s+(tỉnh|thành phố)$", regex.IGNORECASE)


def unlisted(written: str, where: Place) -> AgencyRef:
    """A body the gazetteer does not know, named in a labelled list (`Cơ quan phối hợp: Bảo hiểm xã
    hội tỉnh, ...`): named as written, with the plan's province for a trailing bare `tỉnh`."""
    name = written.strip(" .")
    if where.province and _BARE_PLACE.search(name):
        name = _BARE_PLACE.sub(" " + province_qualifier(where.province), name)
    return AgencyRef(name, "provincial" if where.province else "central", "other", None, where.province)


def find(text: str, lo: int, hi: int, where: Place, folded: str | None = None) -> list[Mention]:
    """Every body named in `text[lo:hi]`, specific and collective, in text order, not overlapping."""
    folded = folded if folded is not None else fold(text)
    coll = collectives()
    specifics = _Finder(text, folded, where).specific(lo, hi)
    specifics = _with_parents(text, [_with_subunit(text, m) for m in specifics])
    found = list(specifics)
    by_start = {m.start: m for m in specifics}
    for k, m in enumerate(specifics):
        if _MANY_AFTER.match(folded, m.end, hi) and _has_branches(m) and not (
                m.agency.level == "central" and _EVERY_LEVEL.match(folded, m.end, hi)):
            end = coll.extend(text, folded, m.end, hi, by_start)
            if end > m.end:
                tail = text[m.end:end]
                found.append(_many(coll, text, m, m.end, end, tail))
                # `Công an và Bộ đội Biên phòng các tỉnh, thành phố`: the places belong to both, but not
                # in `Sở Tài chính và UBND các xã` (no commune has a Sở) or `cơ quan thuộc Chính phủ và UBND các tỉnh`
                prev = specifics[k - 1] if k else None
                if (prev and not prev.collective and _AND.fullmatch(folded, prev.end, m.start)
                        and _levels_of(prev) & _tail_levels(fold(tail))):  # written bare, without its own place
                    found.append(_many(coll, text, prev, prev.end, prev.end, tail))
    for s in coll.start.finditer(folded, lo, hi):
        if coll.ends_head(folded, s.end(), s.group(), hi):
            continue
        end = coll.extend(text, folded, s.start(), hi, by_start, s.end())
        if end <= s.start():
            continue
        written = text[s.start():end]
        name = coll.name(written)
        level, category = coll.level_category(fold(name))
        found.append(Mention(s.start(), end, written, AgencyRef(name, level, category)))
    found = [m for m in found if not m.open]
    found.sort(key=lambda m: (m.start, -(m.end - m.start), not m.collective))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out


# `Phòng Tham mưu - Công an tỉnh`: a unit written with its parent body is named with it
_SUBUNIT = regex.compile(r"(?:Phòng|Cục|Vụ|Đội|Trung tâm)[ \t]+(?:[\p{L}\d]+[ \t]+){0,6}?[\p{L}\d]+[ \t]*[-–][ \t]*$")


def _with_subunit(text: str, m: Mention) -> Mention:
    sub = _SUBUNIT.search(text, max(0, m.start - 60), m.start)
    if not sub or sub.end() != m.start:
        return m
    unit = _TRAILING_DASH.sub("", sub.group())
    a = m.agency
    return Mention(sub.start(), m.end, text[sub.start():m.end],
                   AgencyRef(f"{unit} - {a.name}", a.level, a.category, None, a.province))


_UNIT_NAME = regex.compile(r"(?:Tổng cục|Cục|Vụ|Văn phòng|Phòng|Viện|Trung tâm)\b")
_PARENT_GAP = regex.compile(r"[ \t]*(?:,|thuộc)[ \t]*")
_PARENT_END = regex.compile(r"[ \t]*(?:[);.]|$)")


def _with_parents(text: str, found: list[Mention]) -> list[Mention]:
    """`(Cục Tham mưu Cảnh sát, Bộ Công an)`: the ministry only says whose unit it is."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if (prev and _UNIT_NAME.match(prev.agency.name) and m.agency.category == "ministry"
                and _PARENT_GAP.fullmatch(text, prev.end, m.start) and _PARENT_END.match(text, m.end)):
            out[-1] = Mention(prev.start, m.end, text[prev.start:m.end], prev.agency)
            continue
        out.append(m)
    return out


_TAIL_LEVEL = (("commune", regex.compile(r"(?<!\w)(?:xã|phường|thị trấn|đặc khu)(?!\w)")),
               ("district", regex.compile(r"(?<!\w)(?:huyện|quận|thị xã)(?!\w)")),
               ("provincial", regex.compile(r"(?<!\w)(?:tỉnh|thành phố|trung ương)(?!\w)")))


def _tail_levels(folded_tail: str) -> set[str]:
    return {level for level, p in _TAIL_LEVEL if p.search(folded_tail)}


def _levels_of(m: Mention) -> set[str]:
    """Levels at which the body written bare in `m` exists (`Sở Tài chính`: provincial only; a ministry: none)."""
    g = gazetteer()
    levels: set[str] = set()
    for e in g.by_key.get(key(m.text), []):
        stem = e if e.stem else g.stems.get(e.local_stem or "")
        if stem:
            levels |= set(stem.levels)
    return levels


def _has_branches(m: Mention) -> bool:
    """A national body with no local branches (`Bộ Quốc phòng`, `Chính phủ`) is never spread over places:
    `Bộ Xây dựng, Bộ Quốc phòng các tỉnh Ninh Bình, ...` lacks a comma."""
    return m.agency.level != "central" or bool(_levels_of(m))


def _many(coll: Collectives, text: str, m: Mention, end: int, stop: int, tail: str) -> Mention:
    """A stem spread over places (`Công an` + `các tỉnh, thành phố`): one collective agency."""
    words = coll.name(tail.strip(), plural=False)
    name = f"{_UBND.sub('Ủy ban nhân dân', _stem_name(m))} {words[:1].lower()}{words[1:]}"
    name = name[:1].upper() + name[1:]  # `... ở trung ương, ủy ban nhân dân cấp tỉnh`
    level, _ = coll.level_category(fold(name))
    return Mention(m.start, stop, text[m.start:stop], AgencyRef(name, level, m.agency.category))


def _stem_name(m: Mention) -> str:
    """The body's name as written, without a heading post (`Chủ tịch UBND` → `UBND`), for a
    collective built on it; an abbreviation gives way to the canonical name."""
    post = _POST_PREFIX.match(fold(m.text))
    keep = bool(post) and (post.group(1) or post.group(2) not in _HEAD_POSTS)
    tail = m.text[post.end():] if post and not keep else m.text
    if _CAPS_WORD.search(tail) and not _UBND.search(tail):
        entries = gazetteer().by_key.get(key(tail), [])
        if entries:
            return entries[0].name
    return tail
