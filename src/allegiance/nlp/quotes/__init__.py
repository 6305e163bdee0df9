"""Quotes and their speakers: direct quotations, reported speech, and who said them.

The ``allegiance_quotes`` component fills ``doc._.quotes`` with :class:`~allegiance.schema.Quote`
records. Direct quotes are found from quotation marks (straight or curly, also across
paragraphs: a paragraph that opens a quote without closing it continues into the next paragraph
that opens with a quote mark); reported speech from speech verbs with a that-clause ("X said
that ..."), parenthetical attributions ("..., Davis said.") and "according to X". A quote split
by its attribution ("We won't kill them," he said, "but ...") gives two quotes with the same
speaker. Speakers are resolved through pronouns ("he said") and descriptions ("the secretary",
"the U.S. source") to the latest matching source, and unnamed sources are flagged anonymous.
"""

from __future__ import annotations

from ..marks import find_quotation_spans
from .component import QuoteExtractor
from .lexicon import ANONYMOUS_SOURCES, QUOTE_CUES, QuoteLexicon, load_quote_lexicon

__all__ = [
    "ANONYMOUS_SOURCES",
    "QUOTE_CUES",
    "QuoteExtractor",
    "QuoteLexicon",
    "find_quotation_spans",
    "load_quote_lexicon",
]
