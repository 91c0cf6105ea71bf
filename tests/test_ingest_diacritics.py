"""OCR diacritic repair: doubtful words respelled only where the word pairs of plans say so."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.diacritics import DOUBTFUL, repair

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def test_doubtful_words_take_the_marks_their_neighbours_expect() -> None:
    words = ["khu", "dần", "cư", "và", "Ủy", "ban", "nhần", "dân", "MỤC", "TIỂU,"]
    confs = [96, 78, 96, 96, 96, 96, 80, 96, 96, 45]
    assert repair(words, confs) == ["khu", "dân", "cư", "và", "Ủy", "ban", "nhân", "dân", "MỤC", "TIÊU,"]


def test_confident_words_and_words_that_fit_are_kept() -> None:
    assert repair(["khu", "dần", "cư"], [96, DOUBTFUL, 96]) == ["khu", "dần", "cư"]
    assert repair(["từng", "đối", "tượng"], [96, 50, 96]) == ["từng", "đối", "tượng"]
    assert repair(["số", "02/KH-BCĐ", "ngày"], [50, 50, 50]) == ["số", "02/KH-BCĐ", "ngày"]


def test_typed_plans_are_left_alone_at_ocr_confidence() -> None:
    """The seeds as Tesseract would score clean text: nothing to repair."""
    for path in sorted(RAW.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            assert repair(words, [96.0] * len(words)) == words
