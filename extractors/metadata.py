"""Placeholder until the metadata extractor lands: finds nothing."""

from models.records import DocumentMeta, SegmentedDocument


def extract(doc: SegmentedDocument) -> DocumentMeta:
    return DocumentMeta()
