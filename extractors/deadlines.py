"""Placeholder until the deadlines extractor lands: finds nothing."""

from models.records import DocumentMeta, SegmentedDocument


def extract(doc: SegmentedDocument, meta: DocumentMeta) -> tuple:
    return ()
