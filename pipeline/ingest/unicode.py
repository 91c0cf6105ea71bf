"""Unicode clean-up shared by every format: NFC, look-alike letters, invisible spaces, line ends."""

from __future__ import annotations

import unicodedata

import regex

# Ð (U+00D0, Icelandic eth) looks like Đ and is typed for it; ð likewise for đ.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
_ZERO_WIDTH = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# No-break and other fixed-width spaces become plain spaces; tabs are kept for the normalizer.
_SPACES = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def clean_unicode(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    return text.translate(_LOOKALIKES)
