"""Legacy Vietnamese encodings: Windows-1258, TCVN3 (ABC, .VnTime fonts) and VNI-Windows (VNI-Times fonts).

Files typed before Unicode are still published, and text layers of PDFs and Word files made with
.VnTime or VNI fonts hold the same codes as Latin-1-looking Unicode (`Céng hßa` for `Cộng hòa`).
No maintained library converts both faithfully (viparse omits VNI `ẳ` by design, maps `ỵ`
differently and collapses whitespace), so the tables are data files in `data/`, checked by
round-trip tests. The encoding is chosen by how many frequent Vietnamese syllables each
candidate decoding yields: a wrong decoding garbles exactly the toned letters those syllables need.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from importlib import resources

import regex

_WORD = regex.compile(r"\p{L}+")

# The lower-case letters TCVN3 writes for capitals too (all its lower-case codes above ASCII).
_TONED_LOWER = frozenset("ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")
# Where a capital is due: text or paragraph start, or after a sentence's end, past any list marker
# (`a) `, `- `, `1.2. `, `II. `) or Markdown `**`/`#`.
_UY_BAN = regex.compile(r"\b(ủy|uỷ)(?= ban\b)")
_SENTENCE_START = regex.compile(
    r"((?:\A|\n[ \t]*\n|[.!?][ \t]+)[ \t#*]*(?:(?:[-+•]|[0-9IVXL]+(?:\.[0-9]+)*\.|[a-zđ]\))[ \t]+[*]*)?)"
    r"([" + "".join(sorted(_TONED_LOWER - set("ăâêôơưđ"))) + r"])"
)


@functools.cache
def _table(name: str) -> list[tuple[str, str]]:
    text = resources.files("pipeline.ingest").joinpath("data", name).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return [(src, dst) for src, dst in rows]


@functools.cache
def _tcvn3_map() -> dict[int, str]:
    return {ord(bytes([int(code, 16)]).decode("latin-1")): letter for code, letter in _table("tcvn3.tsv")}


@functools.cache
def _vni_pattern() -> tuple[regex.Pattern[str], dict[str, str]]:
    pairs = dict(_table("vni.tsv"))
    # Longest first, so `ôù` (ớ) wins over `ô` (ơ).
    alternatives = sorted(pairs, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(a) for a in alternatives)), pairs


def from_tcvn3(text: str) -> str:
    """TCVN3 codes read as Latin-1/Windows-1252 characters → Unicode, with the case of toned capitals restored."""
    return _capitalize_sentences(_restore_caps(text.translate(_tcvn3_map())))


def _restore_caps(text: str) -> str:
    """Upper-case the words TCVN3 typed in capitals: their toned letters have no capital codes (`MụC` → `MỤC`).

    A word is in capitals when its other letters are (at least two of them, or one after a lower-case first
    letter: `ủY`), or when it has one capital (`Kế`, `Và`) and only spaces part it from a following word in
    capitals (`Kế HOẠCH`, `Và PHÂN`): title case right before an all-caps Vietnamese word is rare.
    """
    words = [m.group() for m in _WORD.finditer(text)]
    spans = [m.span() for m in _WORD.finditer(text)]
    # Right to left, so that `VỤ` is known to be in capitals when `Vụ VÀ PHÂN` is read.
    for i in reversed(range(len(words))):
        word = words[i]
        if _caps_word(word) or (
            i + 1 < len(words)
            and len(word) > 1
            and word[0].isupper()
            and sum(c.isupper() for c in word) == 1
            and _vietnamese_caps(words[i + 1])
            and text[spans[i][1] : spans[i + 1][0]].strip(" \t") == ""
        ):
            words[i] = word.upper()
    out, last = [], 0
    for word, (start, end) in zip(words, spans, strict=True):
        out.append(text[last:start])
        out.append(word)
        last = end
    out.append(text[last:])
    return "".join(out)


def _caps_word(word: str) -> bool:
    # `ủY` (ỦY) counts: a lower-case first letter before a capital is never title case.
    uppers = sum(c.isupper() for c in word)
    lowers_toned = all(c in _TONED_LOWER for c in word if c.islower())
    return lowers_toned and (uppers >= 2 or (uppers == 1 and word[0].islower()))


def _vietnamese_caps(word: str) -> bool:
    """A word in capitals with a Vietnamese letter (`PHÂN`, not the acronym `TNCS`)."""
    return len(word) > 1 and word.isupper() and not word.isascii()


def _capitalize_sentences(text: str) -> str:
    """A paragraph or sentence that starts with a toned vowel lost its capital too, and so did `Ủy ban`.

    `Ủy ban` heads the names of bodies (`Ủy ban nhân dân`), which are written with a capital mid-sentence.
    """
    text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    return _UY_BAN.sub(lambda m: m.group().capitalize(), text)


def from_vni(text: str) -> str:
    """VNI base-plus-mark sequences read as Windows-1252 characters → Unicode."""
    pattern, pairs = _vni_pattern()
    return pattern.sub(lambda m: pairs[m.group()], text)


def _cp1252(data: bytes) -> str:
    # The five bytes Windows-1252 leaves undefined keep their Latin-1 reading instead of failing.
    return "".join(
        chunk.decode("cp1252") if i % 2 == 0 else chunk.decode("latin-1")
        for i, chunk in enumerate(regex.split(rb"([\x81\x8d\x8f\x90\x9d]+)", data))
    )


def _cp1258(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


@functools.cache
def _common() -> frozenset[str]:
    text = resources.files("pipeline.ingest").joinpath("data", "common_syllables.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def vietnamese_score(text: str) -> int:
    """How many words of `text` are frequent Vietnamese syllables with diacritics (case-insensitive)."""
    common = _common()
    return sum(1 for w in _WORD.findall(unicodedata.normalize("NFC", text).lower()) if w in common)


_BYTE_DECODERS: tuple[tuple[str, Callable[[bytes], str]], ...] = (
    ("cp1258", _cp1258),
    ("vni", lambda data: from_vni(_cp1252(data))),
    ("tcvn3", lambda data: from_tcvn3(_cp1252(data))),
)


def detect_bytes(data: bytes) -> str:
    """The name of the legacy encoding whose decoding of `data` reads most like Vietnamese (ties: cp1258)."""
    best, best_score = "cp1258", -1
    for name, decode in _BYTE_DECODERS:
        score = vietnamese_score(decode(data))
        if score > best_score:
            best, best_score = name, score
    return best


def decode_legacy(data: bytes) -> str:
    """Decode text that is not UTF-8: Windows-1258, VNI or TCVN3, whichever reads as Vietnamese."""
    return dict(_BYTE_DECODERS)[detect_bytes(data)](data)


def fix_mojibake(text: str, *, text_layer: bool = False) -> str:
    """Unicode text typed in a TCVN3 or VNI font (`Céng hßa`) → proper Vietnamese; other text unchanged.

    A conversion is kept only when it at least doubles the count of frequent Vietnamese syllables,
    so correct Unicode text, which the conversions garble, is never touched. In a PDF `text_layer`
    the TCVN3 `ư` (byte 0xAD, the soft hyphen of Windows-1252) comes out as `-`: see `tcvn3_text_layer`.
    """
    if text.isascii():
        return text
    base = vietnamese_score(text)
    if base * 20 >= len(_WORD.findall(text)):
        return text  # one word in twenty is a frequent toned syllable: this is Vietnamese already
    best, best_score = text, max(3, 2 * base)
    tcvn3 = tcvn3_text_layer if text_layer else from_tcvn3
    for convert in (tcvn3, from_vni):
        converted = convert(text)
        score = vietnamese_score(converted)
        if score > best_score:
            best, best_score = converted, score
    return best


# A hyphen after a lower-case letter or a one-letter word, not followed by a capital or a digit:
# `ng-êi` (người), `nh- sau` (như sau), `T- ph¸p` (Tư pháp); or at a word's start before what follows ư
# there (`-¬ng`, `-íc`, `-u`: ương, ước, ưu). Codes keep theirs (`Q§-BCA`, `BC§-138`), and so do
# dashes before items and between words.
_TEXT_LAYER_U = regex.compile(
    r"(?:(?<=[\p{Ll}\u00a8-\u00ff])|(?<=(?:^|[\s(\"“])[A-Z\u00a1-\u00a7]))-(?![A-Z0-9\u00a1-\u00a7])"
    r"|(?<=^|\s)-(?=[\u00ac\u00ea-\u00eeuna][\p{L}\u00a1-\u00ff\s])",
    regex.MULTILINE,
)


def tcvn3_text_layer(text: str) -> str:
    """TCVN3 read from a PDF text layer, where readers map the font's byte 0xAD (ư) through WinAnsi to `-`."""
    return from_tcvn3(_TEXT_LAYER_U.sub("\u00ad", text))
