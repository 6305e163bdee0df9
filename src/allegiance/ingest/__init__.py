"""Ingest: read articles from files, directories, stdin and URLs as documents, streaming.

Formats: plain text and Markdown, HTML (main text and metadata with trafilatura), JSON,
JSON Lines (including re3d's ``documents.json``), CSV/TSV. Every document keeps its text
exactly as given, gets a stable ``doc_id`` and a sha256, and carries the character ranges of
page furniture to ignore. Bad input is reported and skipped, never raised.
"""

from __future__ import annotations

from .demo import demo_corpus_paths
from .document import IngestOptions, IngestReport, InputDocument, read_documents
from .furniture import find_furniture, load_furniture_rules

__all__ = [
    "IngestOptions",
    "IngestReport",
    "InputDocument",
    "demo_corpus_paths",
    "find_furniture",
    "load_furniture_rules",
    "read_documents",
]
