"""allegiance: read news and tell who stands with whom.

Extract actors, relations (events and stances), quotes and reported numbers from news text,
build a signed, time-stamped actor network with the evidence sentence behind every edge, and
analyse it: structural balance, camps, uneasy alliances, what-if, outlet comparison.
"""

from __future__ import annotations

import logging

from .errors import (
    AllegianceError,
    AnalysisError,
    InputError,
    KnowledgeBaseError,
    LexiconError,
    ModelError,
    RecordError,
)
from .schema import SCHEMA_VERSION, Document, Mention, Quantity, Quote, Relation

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "AllegianceError",
    "AnalysisError",
    "Document",
    "InputError",
    "KnowledgeBaseError",
    "LexiconError",
    "Mention",
    "ModelError",
    "Quantity",
    "Quote",
    "RecordError",
    "Relation",
    "__version__",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
