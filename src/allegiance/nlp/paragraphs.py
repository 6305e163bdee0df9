"""Sentence boundaries at paragraph breaks.

News text as scraped runs a headline, a byline and the first paragraph together with blank
lines between them and no final full stop, and the parser then reads them as one sentence.
A blank line always ends a sentence: this component marks the token after it as a sentence
start before the parser runs (the parser keeps boundaries that are already set).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["mark_paragraph_breaks"]


@Language.component("allegiance_paragraphs")
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line (two or more newlines)."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc
