"""Sentence boundaries set before the parser: at paragraph breaks, and in overlong runs.

News text as scraped runs a headline, a byline and the first paragraph together with blank
lines between them and no final full stop, and the parser then reads them as one sentence.
A blank line always ends a sentence: ``allegiance_paragraphs`` marks the token after it as a
sentence start before the parser runs (the parser keeps boundaries that are already set).

Text without sentence punctuation (a transcript, a list of tags, a scraped table) makes the
parser read hundreds of tokens as one sentence, and everything downstream that works per
sentence then slows down with the square of its length. ``allegiance_sentence_cap`` forces
sentence starts into any run longer than ``max_tokens`` tokens that has no sentence-final
punctuation or preset start; it never touches text that has them often enough.

A single line break does not end a run: the parser often reads on across it (a hard-wrapped
sentence is one sentence), so many short lines without full stops would still make one huge
sentence. It is the first choice for a forced break instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = ["DEFAULT_MAX_TOKENS", "SentenceCap", "cap_sentences", "mark_paragraph_breaks"]

#: Tokens a run may have before a break is forced. News sentences rarely reach 80 tokens and
#: the longest in the demo corpus, re3d-dev and the seed articles is far below this, so the cap
#: never fires on prose; the parser's cost per sentence is still small at this length.
DEFAULT_MAX_TOKENS = 150

# A token ending in one of these ends a run ("U.S." too: a run ends early rather than late).
_FINAL = frozenset(".!?;…")
# After a line break, a break is preferred after one of these ...
_PAUSES = frozenset({",", ";", ":", "—", "–", "-", "--"})
# ... or before one of these.
_CONJUNCTIONS = frozenset({"and", "or", "but", "nor", "yet"})


def _set_sent_starts(doc: Doc, positions: Sequence[int]) -> None:
    """Mark the tokens at ``positions`` as sentence starts, all in one write.

    Setting ``Token.is_sent_start`` checks the whole Doc for a parse each time, which makes
    many breaks cost the square of the length.
    """
    if not positions:
        return
    if doc.has_annotation("DEP"):
        for i in positions:
            doc[i].is_sent_start = True  # raises, as the parse fixes the sentences
        return
    # one value per token; Doc.from_array's stub asks for 2-d, it takes 1-d too
    starts: Any = doc.to_array([SENT_START])
    starts[list(positions)] = 1
    doc.from_array([SENT_START], starts)


@Language.component("allegiance_paragraphs")
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line (two or more newlines)."""
    _set_sent_starts(
        doc, [tok.i + 1 for tok in doc[:-1] if tok.is_space and tok.text.count("\n") >= 2]
    )
    return doc


def _ends_run(tok: Token) -> bool:
    """Whether a run of tokens ends after ``tok``: it ends in sentence-final punctuation."""
    return tok.text[-1] in _FINAL


def _break_point(doc: Doc, start: int, max_tokens: int) -> int:
    """Where to start the next sentence in the overlong run from ``start``.

    The run ``doc[start:b]`` keeps at most ``max_tokens`` tokens; within its last third the
    break goes after a line break, else after a comma, semicolon, colon or dash, else before
    a coordinating conjunction (the latest such place), else at the cap. A space token never
    starts a sentence.
    """
    cap = start + max_tokens
    low = start + max(1, max_tokens - max_tokens // 3)
    window = range(cap, low - 1, -1)
    for b in window:
        if not doc[b].is_space and doc[b - 1].is_space and "\n" in doc[b - 1].text:
            return b
    for b in window:
        if not doc[b].is_space and doc[b - 1].text in _PAUSES:
            return b
    for b in window:
        if doc[b].lower_ in _CONJUNCTIONS:
            return b
    for b in window:
        if not doc[b].is_space:
            return b
    return cap


def cap_sentences(doc: Doc, max_tokens: int = DEFAULT_MAX_TOKENS) -> int:
    """Force sentence starts so that no run without a boundary exceeds ``max_tokens`` tokens.

    A run ends at sentence-final punctuation (``. ! ? ;``, closing quotes after them count
    with the next run) and at a preset sentence start (a blank line, see
    :func:`mark_paragraph_breaks`).

    Args:
        doc: a Doc before the parser.
        max_tokens: the longest run left alone (at least 2).

    Returns:
        How many sentence starts were forced.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")(" ".join(["word"] * 25))
        >>> cap_sentences(doc, max_tokens=10), max(len(s) for s in doc.sents)
        (2, 10)
    """
    if max_tokens < 2:
        raise ValueError(f"max_tokens must be at least 2, not {max_tokens}")
    forced: list[int] = []
    start = 0
    prev: Token | None = None
    for tok in doc:
        i = tok.i
        if prev is not None and (tok.is_sent_start or _ends_run(prev)):
            start = i
        elif i - start >= max_tokens:
            start = _break_point(doc, start, max_tokens)
            forced.append(start)
        prev = tok
    _set_sent_starts(doc, forced)
    return len(forced)


class SentenceCap:
    """spaCy component: :func:`cap_sentences`, the count kept in ``doc._.forced_breaks``.

    Args:
        nlp: the pipeline.
        name: the component name.
        max_tokens: the longest run without a sentence boundary left to the parser.
    """

    def __init__(
        self, nlp: Language, name: str = "allegiance_sentence_cap", *, max_tokens: int
    ) -> None:
        if max_tokens < 2:
            raise ValueError(f"max_tokens must be at least 2, not {max_tokens}")
        self.name = name
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        """Force sentence starts into overlong runs and record how many."""
        doc._.forced_breaks = cap_sentences(doc, self.max_tokens)
        return doc


@Language.factory(
    "allegiance_sentence_cap",
    default_config={"max_tokens": DEFAULT_MAX_TOKENS},
    assigns=["token.is_sent_start", "doc._.forced_breaks"],
)
def make_sentence_cap(nlp: Language, name: str, max_tokens: int) -> SentenceCap:
    """Factory of the ``allegiance_sentence_cap`` component."""
    return SentenceCap(nlp, name, max_tokens=max_tokens)
