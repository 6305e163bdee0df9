"""The DuckDB corpus store: documents, records and runs in one file (docs/store.md)."""

from __future__ import annotations

from .core import (
    STORE_FORMAT,
    CorpusStore,
    RulesFingerprint,
    data_hash,
    model_identity,
    rules_fingerprint,
)
from .tables import KINDS, TABLES, column_types, create_statements

__all__ = [
    "KINDS",
    "STORE_FORMAT",
    "TABLES",
    "CorpusStore",
    "RulesFingerprint",
    "column_types",
    "create_statements",
    "data_hash",
    "model_identity",
    "rules_fingerprint",
]
