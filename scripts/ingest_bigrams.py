"""Rebuild pipeline/ingest/data/bigrams.tsv.gz, the word-pair counts OCR diacritic repair uses.

usage: python scripts/ingest_bigrams.py [CORPUS_DIR]   (default ../shared/corpus-real)

Counts lower-case NFC word pairs within lines of every .md/.txt file and keeps those seen at least
MIN_COUNT times: administrative Vietnamese is formulaic, so a few hundred plans cover the pairs
that matter (`nhân dân`, `dân cư`, `sửa đổi`).
"""

from __future__ import annotations

import collections
import gzip
import sys
import unicodedata
from pathlib import Path

import regex

from pipeline.ingest.text import decode

ROOT = Path(__file__).resolve().parents[1]
MIN_COUNT = 5
WORD = regex.compile(r"\p{L}+")


def main(corpus: Path) -> None:
    pairs: collections.Counter[tuple[str, str]] = collections.Counter()
    for f in sorted(corpus.rglob("*")):
        if f.suffix in (".md", ".txt"):
            text = unicodedata.normalize("NFC", decode(f.read_bytes())).lower()
            for line in text.splitlines():
                words = WORD.findall(line)
                pairs.update(zip(words, words[1:], strict=False))
    kept = sorted((p for p in pairs.items() if p[1] >= MIN_COUNT), key=lambda p: (-p[1], p[0]))
    out = ROOT / "pipeline" / "ingest" / "data" / "bigrams.tsv.gz"
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"# word pairs seen at least {MIN_COUNT} times in {corpus.name}: first, second, count\n")
        f.writelines(f"{a}\t{b}\t{n}\n" for (a, b), n in kept)
    print(f"{len(kept)} pairs → {out} ({out.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus-real")
