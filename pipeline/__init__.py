"""vnplans: Vietnamese government plans → relational database.

Stages: ingest → normalize → segment → extract → load (see docs/ARCHITECTURE.md).
"""

#: Stored on every document; a new version makes the next run re-extract unchanged files.
PIPELINE_VERSION = "0.1.0"
