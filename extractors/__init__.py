"""One module per kind of fact; each exposes `extract(doc, meta)` over a `SegmentedDocument`."""
