"""Placeholder until the segmenter lands: no sections."""

from models.records import NormalizedDocument, SegmentedDocument


def segment(doc: NormalizedDocument) -> SegmentedDocument:
    return SegmentedDocument(normalized=doc, sections=())
