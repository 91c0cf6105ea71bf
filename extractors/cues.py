"""Cue-word tables of the targets and deadlines extractors, kept as data in `extractors/data/`.

The tables are lists of phrases (`ít nhất`, `kéo giảm`, `kể từ ngày`); the extractors need each
list as one regex alternation that tolerates any whitespace between words (wrapped lines, double
spaces) and tries longer phrases first (`đạt trên` before `trên`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

_DATA = Path(__file__).parent / "data"


def load(name: str) -> dict[str, Any]:
    """The table `extractors/data/<name>.json`."""
    return json.loads((_DATA / f"{name}.json").read_text(encoding="utf-8"))


def alternation(phrases: Iterable[str]) -> str:
    """A non-capturing alternation of the phrases, longest first, any whitespace between words."""
    parts = sorted((r"\s+".join(regex.escape(w) for w in p.split()) for p in phrases), key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"
