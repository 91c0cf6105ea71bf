"""Repair the tone marks OCR gets wrong on blurred scans (`dần cư` → `dân cư`, `sửa đối` → `sửa đổi`).

On degraded scans Tesseract keeps the letters but confuses small marks (â/ầ, ổ/ố, ê/ể), which
breaks the names of bodies the extractors look for. Such words come with a low confidence,
while clean words score above 95; only those are reconsidered, against the word pairs of
administrative Vietnamese counted in `data/bigrams.tsv.gz` (built by `scripts/ingest_bigrams.py`):
a word is replaced by its differently-marked spelling only when that spelling fits its neighbours
many times better.
"""

from __future__ import annotations

import functools
import gzip
import unicodedata
from collections import defaultdict
from importlib import resources

import regex

DOUBTFUL = 90.0  # Tesseract word confidence (0–100) under which a word's marks are reconsidered
_MIN_SUPPORT = 3  # pair counts the better spelling needs at least
_MARGIN = 5  # ... and how many times the doubtful spelling's (plus one)
_TOKEN = regex.compile(r"^(\W*)(\p{L}+)(\W*)$")


@functools.cache
def _pairs() -> tuple[dict[tuple[str, str], int], dict[str, frozenset[str]]]:
    path = resources.files("pipeline.ingest").joinpath("data", "bigrams.tsv.gz")
    counts: dict[tuple[str, str], int] = {}
    spellings: defaultdict[str, set[str]] = defaultdict(set)
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            first, second, n = line.rstrip("\n").split("\t")
            counts[first, second] = int(n)
            spellings[_bare(first)].add(first)
            spellings[_bare(second)].add(second)
    return counts, {k: frozenset(v) for k, v in spellings.items()}


def _bare(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def repair(words: list[str], confidences: list[float]) -> list[str]:
    """One OCR line's words, with doubtful words respelled where their neighbours say so."""
    cores = [_TOKEN.match(w) for w in words]
    out = list(words)
    for i, (conf, core) in enumerate(zip(confidences, cores, strict=True)):
        if conf >= DOUBTFUL or core is None:
            continue
        before = cores[i - 1].group(2).lower() if i > 0 and cores[i - 1] and not cores[i - 1].group(3) else None
        after = cores[i + 1].group(2).lower() if i + 1 < len(words) and cores[i + 1] and not core.group(3) else None
        best = _respell(core.group(2), before, after)
        if best is not None:
            out[i] = core.group(1) + best + core.group(3)
    return out


def _respell(word: str, before: str | None, after: str | None) -> str | None:
    counts, spellings = _pairs()

    def support(candidate: str) -> int:
        return counts.get((before, candidate), 0) + counts.get((candidate, after), 0)

    lower = unicodedata.normalize("NFC", word.lower())
    candidates = spellings.get(_bare(lower), frozenset()) - {lower}
    if not candidates:
        return None
    best = max(sorted(candidates), key=support)
    if support(best) < _MIN_SUPPORT or support(best) < _MARGIN * (support(lower) + 1):
        return None
    if word.isupper() and len(word) > 1:
        return best.upper()
    return best[0].upper() + best[1:] if word[0].isupper() else best
