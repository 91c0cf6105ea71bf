"""Recognisers of time that is not a calendar point: cycles, lengths of time, events.

`Định kỳ 6 tháng, 1 năm` (P6M, P1Y), `hàng quý` (P3M), `thường niên`, `03 tháng/lần`,
`trong thời gian 03 tháng` (P3M), `trong 24-48 giờ`, `mười ngày`, `ngay sau khi được Quốc hội thông
qua`, `kể từ ngày ký`.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from extractors import cues
from extractors.time_common import CLAIM, Context, Hit, duration_code
from extractors.vnnumbers import NUMBER, parse_number

_WORDS = cues.load("time_words")
_alt = cues.alternation
_I = regex.IGNORECASE

_UNIT = r"(?P<unit>ngày\s+làm\s+việc|ngày|tháng|năm|tuần|giờ|quý)"
_CYCLE_ITEM = (
    rf"(?:(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần|ngày)|{NUMBER}\s+(?:tháng|năm|quý|tuần)"
    r"|(?:sơ\s+kết|tổng\s+kết|báo\s+cáo)\s+(?:năm|quý|tháng))\b"
)
# between two cycles of one `định kỳ` list: a comma or `và`, after an optional `(trước ngày 16 hàng tháng)`
_CYCLE_SEP = r"(?:\s*\([^()\n]{0,80}\))?\s*(?:,|;|và|hoặc|/)\s*"
# after the first cycle of a list a bare `năm`/`quý` is one too: `Định kỳ (6 tháng, năm)`
_LATER_ITEM = rf"(?:{_CYCLE_ITEM}|(?:năm|quý)\b(?!\s*\d))"
_CHAIN = regex.compile(
    rf"\b(?:theo\s+)?định\s+kỳ\s*[:(]?\s*{_CYCLE_ITEM}(?:{_CYCLE_SEP}{_LATER_ITEM})*(?:\s*\([^()\n]{{0,80}}\))?", _I
)
_CHAIN_ITEM = regex.compile(
    rf"(?:(?:hằng|hàng|mỗi|sơ\s+kết|tổng\s+kết|báo\s+cáo)\s+(?P<every>năm|quý|tháng|tuần|ngày)"
    rf"|(?P<n>{NUMBER})\s+(?P<u>tháng|năm|quý|tuần)|(?<=[,(;/]\s*|\b(?:và|hoặc)\s+)(?P<bare>năm|quý)(?!\s*\d))\b",
    _I,
)
_ASIDE = regex.compile(r"\([^()\n]*\)")
_CYCLE = regex.compile(r"\b(?:hằng|hàng|mỗi)\s+(?P<every>năm|quý|tháng|tuần|ngày)\b", _I)
_PER_TIMES = regex.compile(rf"\b(?P<n>{NUMBER})\s+(?P<u>tháng|năm|quý|tuần|ngày)\s*(?:/\s*|một\s+)lần\b", _I)
# `tối thiểu một lần/năm`, `02 lần/năm`: so many times in each period
_TIMES_PER = regex.compile(rf"\b(?P<n>{NUMBER})\s+lần\s*/\s*(?P<u>năm|quý|tháng|tuần)\b", _I)
_MONTHS = {"năm": 12, "quý": 3, "tháng": 1}
_LAN = regex.compile(r"\blần\b", _I)
_YEARLY = regex.compile(r"\bthường\s+niên\b", _I)
_ADJECTIVE_BEFORE = regex.compile(_alt(_WORDS["adjective_of"]) + r"\s*$", _I)
_DURATION = regex.compile(
    rf"\b(?:{_alt(_WORDS['duration_cues'])})\s*:?\s*(?:là\s+)?(?:(?:tối\s+đa|không\s+quá|chậm\s+nhất)\s+)?"
    rf"(?P<n>{NUMBER})(?:\s*[-–]\s*(?P<n2>{NUMBER}))?(?:\s*\([^()\n]{{1,30}}\))?\s+{_UNIT}\b"
    r"(?!\s*(?:đầu|cuối|qua|trước|gần\s+đây|\d|/))",
    _I,
)
# (`Luật Phòng, chống ma túy` keeps its comma)
_EVENT = regex.compile(
    rf"\b{_alt(_WORDS['event_cues'])}(?!\s+\d)\s+(?:[^,;.()\n“”\"]|,(?=\s*chống\b)|\n(?=[ \t]*\p{{Ll}})){{1,150}}", _I
)
# `số thanh niên sau khi hoàn thành chương trình cai nghiện`: the event says which people, not when to act
_PEOPLE_BEFORE = regex.compile(rf"\b(?:số|các|những|cho)\s+{_alt(_WORDS['people'])}\s*$", _I)


def _cycle_code(every: str | None, n: str | None, unit: str | None) -> str | None:
    if every:
        return _WORDS["cycle_units"][every.lower()]
    value = parse_number(n or "")
    return duration_code(value, unit or "") if value else None


def chains(ctx: Context) -> Iterator[Hit]:
    for chain in _CHAIN.finditer(ctx.text):
        asides = [p.span() for p in _ASIDE.finditer(ctx.text, chain.start(), chain.end())]
        for m in _CHAIN_ITEM.finditer(ctx.text, chain.start(), chain.end()):
            if any(a <= m.start() < b for a, b in asides):
                continue
            code = _cycle_code(m["every"] or m["bare"], m["n"], m["u"])
            if code:
                yield Hit("recurring", m.start(), m.end(), recurrence=code)
        # the `hàng tháng` of `(trước ngày 16 hàng tháng)` inside the list restates a cycle already read
        yield Hit(CLAIM, chain.start(), chain.end())


def _around_lan(text: str, pattern: regex.Pattern) -> Iterator[regex.Match]:
    """The pattern's matches around each `lần`: both patterns start with a number, which may be a word, and
    trying that at every position of a long text costs more than finding the few `lần` first."""
    seen: set[tuple[int, int]] = set()
    for lan in _LAN.finditer(text):
        for m in pattern.finditer(text, max(0, lan.start() - 40), min(len(text), lan.end() + 15)):
            if m.start() <= lan.start() < m.end() and m.span() not in seen:
                seen.add(m.span())
                yield m


def per_times(ctx: Context) -> Iterator[Hit]:
    for m in _around_lan(ctx.text, _PER_TIMES):
        code = _cycle_code(None, m["n"], m["u"])
        if code:
            yield Hit("recurring", m.start(), m.end(), recurrence=code)
    for m in _around_lan(ctx.text, _TIMES_PER):
        n, unit = parse_number(m["n"]), m["u"].lower()
        if n == 1:
            code = _WORDS["cycle_units"][unit]
        else:
            months = _MONTHS.get(unit, 0) / n if n else 0
            code = f"P{int(months)}M" if months >= 1 and float(months).is_integer() else None
        if code:
            yield Hit("recurring", m.start(), m.end(), recurrence=code)


def cycles(ctx: Context) -> Iterator[Hit]:
    for m in _CYCLE.finditer(ctx.text):
        line_start = ctx.text.rfind("\n", max(0, m.start() - 40), m.start()) + 1
        if _ADJECTIVE_BEFORE.search(ctx.text[max(line_start, m.start() - 40):m.start()]):
            continue
        yield Hit("recurring", m.start(), m.end(), recurrence=_WORDS["cycle_units"][m["every"].lower()])


def yearly(ctx: Context) -> Iterator[Hit]:
    for m in _YEARLY.finditer(ctx.text):
        window = ctx.text[max(0, m.start() - 100):m.end() + 100]
        if not regex.search(r"\b(?:hằng|hàng|mỗi)\s+năm\b", window, _I):
            yield Hit("recurring", m.start(), m.end(), recurrence="P1Y")


def durations(ctx: Context) -> Iterator[Hit]:
    for m in _DURATION.finditer(ctx.text):
        n = parse_number(m["n2"] or m["n"])
        code = duration_code(n, m["unit"]) if n else None
        if code:
            yield Hit("duration", m.start(), m.end(), recurrence=code)


def events(ctx: Context) -> Iterator[Hit]:
    for m in _EVENT.finditer(ctx.text):
        if _PEOPLE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
            continue
        end = m.end()
        while end > m.start() and ctx.text[end - 1].isspace():
            end -= 1
        yield Hit("event", m.start(), end)
