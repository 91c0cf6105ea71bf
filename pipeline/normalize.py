"""Placeholder until the normalizer lands: the text as ingested."""

from models.records import NormalizedDocument, SourceDocument


def normalize(src: SourceDocument) -> NormalizedDocument:
    return NormalizedDocument(source=src, text=src.text, page_starts=src.page_starts)
