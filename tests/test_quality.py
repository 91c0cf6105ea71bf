"""Extraction quality on the seeds, measured by the shared scorer against the hand annotations.

The floors are the ones the issues set; a change that lowers any table below its floor fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

FLOORS = {
    "sections": 0.95,
    "document": 0.95,
    "cross_references": 0.97,
    "named_references": 0.85,
    "assignments": 0.90,
    "assignments_in_section": 0.85,
    "targets": 0.92,
    "deadlines": 0.88,
}


@pytest.fixture(scope="module")
def figures(seeds_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    scorer, gold = SHARED / "tools" / "score.py", SHARED / "gold"
    assert scorer.is_file() and gold.is_dir(), f"the scorer and gold are expected in {SHARED}"
    out = tmp_path_factory.mktemp("score") / "figures.json"
    subprocess.run([sys.executable, str(scorer), str(seeds_db), str(gold), "--json", str(out)],
                   check=True, capture_output=True)
    return json.loads(out.read_text())


@pytest.mark.parametrize("table", sorted(FLOORS))
def test_f1_floor(figures: dict, table: str) -> None:
    assert figures[table]["f1"] >= FLOORS[table], figures[table]
