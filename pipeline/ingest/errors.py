class IngestError(Exception):
    """A file that cannot be read; the message says why in a few words, for the console and `document_errors`."""
