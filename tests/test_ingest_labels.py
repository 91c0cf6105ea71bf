"""OCR label repair: digits and letters put back where only the list's sequence shows the misread."""

from __future__ import annotations

from pipeline.ingest.labels import repair_labels


def test_confused_digit_follows_the_list_across_pages() -> None:
    pages = ["I. NHIỆM VỤ\n\n1. Công an tỉnh:\n\n4. Sở Tư pháp:\n", "9. Sở Tài chính:\n\n6. Sở Y tế:\n"]
    assert repair_labels(pages) == [
        "I. NHIỆM VỤ\n\n1. Công an tỉnh:\n\n4. Sở Tư pháp:\n",
        "5. Sở Tài chính:\n\n6. Sở Y tế:\n",
    ]


def test_lists_restart_under_a_higher_heading_and_real_jumps_stay() -> None:
    text = "I. A\n1. x\n2. y\nII. B\n1. z\n3. w\nPhần III\n1. v\n8. u\n"
    assert repair_labels([text]) == [text]


def test_letter_a_read_as_eight_before_b() -> None:
    text = "1. Mục tiêu\n\n8) Tuyên truyền\n\nb) Đấu tranh\n\n2. Khác\n\n8) số tám\n\n9) số chín\n"
    assert repair_labels([text]) == [text.replace("8) Tuyên", "a) Tuyên")]
