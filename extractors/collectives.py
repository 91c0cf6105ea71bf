"""Collective mentions: `các sở, ban, ngành, đoàn thể có liên quan` names many bodies at once.

They are open phrases, not gazetteer entries: a phrase opens at `các`/`những` and a head noun
(or a pair of heads, `bộ, ngành`) and runs over a small vocabulary of collective words
(`data/collective_words.json`), through lists joined by `,` or `và`, absorbing a named body
written into it (`các đơn vị nghiệp vụ Bộ Công an`), and stops at the first word outside it.
"""

from __future__ import annotations

import json
from functools import cache

import regex

from extractors.agency_text import DATA, Mention, fold

_LEADING_CAC = regex.compile(r"^\s*(?:các|những)\s+")
_UBND = regex.compile(r"\bUBND\b")
_SLASH = regex.compile(r"\s*/\s*")
_OLD_UY = regex.compile(r"\b[Uu]ỷ\b")
#: bodies whose second word is in lower case, kept capitalised inside a collective (`cơ quan thuộc Chính phủ`)
_NAMES_IN_LOWER_CASE = {"chính phủ", "quốc hội", "nhà nước"}


@cache
def words() -> dict:
    return json.loads((DATA / "collective_words.json").read_text(encoding="utf-8"))


_TOKEN = regex.compile(r"\w+(?:[-&/]\w+)*|[^\w\s]")


class Collectives:
    """Open collective phrases, as a small grammar over the vocabulary in `collective_words.json`."""

    def __init__(self) -> None:
        w = words()
        self.words = {fold(x) for x in w["words"]} | {fold(x) for x in w["heads"]}
        self.closers = [fold(x) for x in w["closers"]]
        self.drop_tail = {fold(x) for x in w["drop_tail"]}
        self.foreign = [fold(x) for x in w["foreign"]]
        heads = sorted({fold(x) for x in w["heads"]}, key=len, reverse=True)
        pairs = sorted({fold(x) for x in w["pairs"]}, key=len, reverse=True)
        head_alt = "|".join(_phrase_pattern(h) for h in heads)
        pair_alt = "|".join(_phrase_pattern(p) for p in pairs)
        self.heads = set(heads) | {fold(x) for x in w["units"]}
        units = {fold(x) for x in w["units"]}
        split_alt = "|".join(_phrase_pattern(h) for h in heads if h not in units)
        plural = r"(?:các|những)\s+"
        self.start = regex.compile(rf"(?<!\w)(?:(?:{plural})?(?:{pair_alt})|{plural}(?:{head_alt}))(?!\w)")
        self.new_list = regex.compile(rf"(?:các|những)\s+(?:{split_alt})(?!\w)")
        self.org_after = regex.compile(r"\s*(?:,|$|đoàn thể|xã hội|chính trị|quốc tế|thành viên|hội|khác|có liên quan"
                                       r"|liên quan|đoàn|phi chính phủ)")
        self.topic_words = {fold(x) for x in w["topic_words"]}
        proper = {fold(x) for x in w["foreign"]} | {"việt nam", "trung ương", "mặt trận"}
        self.tokens = {t for x in self.words - proper for t in x.replace(",", " ").split()}
        self.plural = tuple(fold(x) for x in w["plural"])
        self.places = {fold(x) for x in w["units"]} - {"ủy ban nhân dân", "ubnd", "cấp", "địa phương"}
        self.kinds = set(heads) - units
        self.not_after = {fold(k): _next_words(v) for k, v in w["not_after"].items()}
        self.verb_after = {fold(k): _next_words(v) for k, v in w["verb_after"].items()}
        self.multi = sorted((x for x in self.words if " " in x), key=len, reverse=True)

    def extend(self, text: str, folded: str, pos: int, hi: int, by_start: dict[int, Mention],
               opened: int | None = None) -> int:
        """End of the collective phrase that starts at `pos` (its opening words running to `opened`):
        words of the vocabulary, specific bodies written into it (`các đơn vị nghiệp vụ Bộ Công an`),
        lists joined by `,` or `và`."""
        end = i = opened if opened is not None else pos
        last_word = " ".join(_LEADING_CAC.sub("", folded[pos:end]).split(",")[-1].split())
        listed = False  # the last word was `,` or `và`
        while i < hi:
            m = _TOKEN.search(folded, i, hi)
            if not m or folded[i:m.start()].count("\n"):
                break
            tok, j = m.group(), m.start()
            if j in by_start and not by_start[j].collective and tok != "và" and last_word not in self.places:
                # `các đơn vị nghiệp vụ Bộ Công an`, not `UBND xã, phường, đặc khu Sở Tài chính` (cells run together)
                end = i = by_start[j].end
                last_word = "§"
                continue
            if tok in (",", "/"):  # `các tỉnh/thành phố khác`
                nxt = _TOKEN.search(folded, m.end(), hi)
                named = by_start.get(nxt.start()) if nxt else None
                if not nxt or folded[m.end():nxt.start()].count("\n") or (named and not named.open) or \
                        not self._list_goes_on(folded, last_word, nxt.start(), hi):
                    break
                i, listed = m.end(), True
                continue
            if tok == "và":
                nxt = _skip_space(folded, m.end())
                closed = any(folded[pos:end].endswith(c) for c in self.closers)
                named = nxt in by_start and not by_start[nxt].collective
                if self.new_list.match(folded, nxt, hi) or named or (closed and (nxt in by_start or self.start.match(
                        folded, nxt, hi))):
                    break  # `các cơ quan thuộc Chính phủ và Trung ương Đoàn ...`: a body of its own
                if not self._word_at(folded, nxt, hi):
                    break
                i, listed = m.end(), True
                continue
            w = self._word_at(folded, j, hi)
            closed = last_word.endswith(tuple(self.closers))
            if w == "tổ chức" and (closed or not self.org_after.match(folded, j + len(w), hi)):
                w = None  # the verb `tổ chức`, not the noun (`các đơn vị có liên quan tổ chức, tham gia`)
            if w in self.topic_words and not self._word_at(folded, _skip_space(folded, j + len(w)), hi):
                break  # `... trong phòng, chống` names the work, not the bodies
            if w == "ban" and folded.startswith(" hành", j + 3):
                break  # the verb `ban hành`
            if w in self.verb_after and self.verb_after[w].match(folded, j + len(w), hi) and not (
                    w == "cấp" and last_word in ("các", "những")):
                break  # `UBND cấp xã cấp giấy phép`, `tổ chức ở trung ương thành lập`: a verb, not the name
            if w and last_word in self.places and w in self.kinds and not listed:
                break  # `UBND xã, phường, đặc khu Sở Tài chính`: a new body, not more of this one
            if w:
                end = i = j + len(w)
                last_word, listed = w, False
                continue
            if tok == "-" and last_word:
                i = m.end()
                continue
            break
        # trim words that only join, but not the end of a longer word (`trực thuộc`)
        while end > pos:
            phrase = folded[pos:end]
            cut = next((len(d) for d in self.drop_tail if phrase.endswith(d)
                        and (len(phrase) == len(d) or not phrase[-len(d) - 1].isalnum())), 0)
            if not cut or any(phrase.endswith(" " + w) or phrase == w for w in self.multi if len(w) > cut and
                              w.endswith(phrase[-cut:])):
                break
            end = pos + len(phrase[:-cut].rstrip(" ,-–"))
        return end

    def _list_goes_on(self, folded: str, last_word: str, j: int, hi: int) -> bool:
        """After a comma: another kind of body (`sở, ban, ngành`), not a new phrase (`..., các tổ chức`)."""
        if self.new_list.match(folded, j, hi):
            return False
        nxt = self._word_at(folded, j, hi)
        last = last_word.split()[-1] if last_word else ""  # `cơ quan ngang bộ, cơ quan thuộc Chính phủ`
        return bool(nxt) and (last_word in self.heads or last in self.heads or last_word == "§") and nxt in self.heads

    def _word_at(self, folded: str, j: int, hi: int) -> str | None:
        for w in self.multi:
            if folded.startswith(w, j) and (j + len(w) >= hi or not folded[j + len(w)].isalnum()):
                return w
        m = _TOKEN.match(folded, j, hi)
        w = m.group() if m and m.group() in self.words else None
        return None if w and self.ends_head(folded, j + len(w), w, hi) else w

    def ends_head(self, folded: str, j: int, head: str, hi: int) -> bool:
        """`Bộ trưởng`, `những vụ án`, `phía Bắc giáp`: the word after the head shows it names no body."""
        last = head.split()[-1] if head else ""
        return last in self.not_after and bool(self.not_after[last].match(folded, j, hi))

    def name(self, text: str, plural: bool = True) -> str:
        """As written, in sentence case, `UBND` expanded: one spelling for one phrase across documents."""
        words = _SLASH.sub("/", " ".join(text.split()))
        if sum(c.isupper() for c in words) > sum(c.islower() for c in words):
            words = words.lower()  # a heading in capitals
        words = _UBND.sub("Ủy ban nhân dân", words)
        words = _OLD_UY.sub(lambda m: "Ủy" if m.group() == "Uỷ" else "ủy", words)
        tokens = words.split(" ")
        proper = False  # inside a proper name (`Bộ Công an`), capitals stay
        for i, t in enumerate(tokens):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if proper and t[:1].isupper():
                continue
            proper = (t[:1].isupper() and nxt[:1].isupper() and not t.endswith(",")
                      and fold(t) not in ("các", "những"))
            named = fold(f"{t} {nxt.strip(',')}") in _NAMES_IN_LOWER_CASE
            if t[:1].isupper() and t != "Ủy" and fold(t.strip(",")) in self.tokens and not (proper or named):
                tokens[i] = t.lower()
        words = " ".join(tokens)
        low = words.lower()
        if plural and not low.startswith(("các ", "những ")) and low.startswith(self.plural):
            words = "các " + words
        return words[:1].upper() + words[1:]

    def level_category(self, folded: str) -> tuple[str, str]:
        level = "foreign" if any(f in folded for f in self.foreign) and "việt nam" not in folded else "collective"
        for cue, category in words()["categories"]:
            if cue in folded:
                return level, category
        return level, "other"


def _phrase_pattern(phrase: str) -> str:
    return r"\s*,\s*".join(r"\s+".join(regex.escape(w) for w in part.split()) for part in phrase.split(","))


def _next_words(phrases: list[str]) -> regex.Pattern:
    return regex.compile(r"[ \t]+(?:" + "|".join(_phrase_pattern(fold(p)) for p in phrases) + r")(?!\w)")


def _skip_space(folded: str, i: int) -> int:
    while i < len(folded) and folded[i] in " \t":
        i += 1
    return i


@cache
def collectives() -> Collectives:
    return Collectives()
