"""The extract stage: run every extractor over a segmented document."""

from extractors import assignments, deadlines, metadata, references, targets
from models.records import ExtractedDocument, SegmentedDocument


def extract(doc: SegmentedDocument) -> ExtractedDocument:
    # metadata first: the others need the document's province and place to qualify what they find
    meta = metadata.extract(doc)
    return ExtractedDocument(
        segmented=doc,
        meta=meta,
        assignments=tuple(assignments.extract(doc, meta)),
        targets=tuple(targets.extract(doc, meta)),
        deadlines=tuple(deadlines.extract(doc, meta)),
        references=tuple(references.extract(doc, meta)),
    )
