"""What every part of a quote run shares: sources, the document, its lines and lookups."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...schema import TextSpan
from ..extensions import ACTORS_KEY, in_ignored
from ..gender import GenderData, load_gender_data
from ..intervals import Intervals
from ..marks import find_quotation_spans
from ..references.quote_speakers import Source as _Source
from ..references.quote_speakers import SpeakerResolver
from .lexicon import QuoteLexicon

_DETERMINERS = {"the", "a", "an", "one", "this", "that", "these", "those", "some", "several"}
_FUTURE_MODALS = frozenset({"will", "'ll", "wo", "shall", "might", "must", "should", "can", "ca"})


def _token_bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _char_bounds(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


def _pair_bounds(pair: tuple[int, int]) -> tuple[int, int]:
    return pair


def _trim(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Token range without punctuation, quote marks and conjunctions at either end."""
    while a < b and (doc[a].is_punct or doc[a].lower_ in {"and", "but", "as"} or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    return a, b


class _RunBase:
    """The document being read and the lookups every rule of a run uses (sources so far)."""

    def __init__(self, doc: Doc, lex: QuoteLexicon, gender: GenderData | None = None) -> None:
        self.doc = doc
        self.lex = lex
        self.sources: list[tuple[int, _Source]] = []
        self.out: list[tuple[int, int, bool, _Source | None, TextSpan | None]] = []
        self.actor_spans: list[Span] = (
            list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
        )
        self.actor_at = Intervals(self.actor_spans, _token_bounds)
        self.actor_at_char = Intervals(self.actor_spans, _char_bounds)
        self.has_actors = ACTORS_KEY in doc.spans
        self.gender = gender if gender is not None else load_gender_data()
        # the outlet or document reporting a direct quote, by the quote's character range
        self.reporting: dict[tuple[int, int], _Source] = {}
        self.text = doc.text  # Doc.text joins every token: read it once
        self._find_quoted()
        breaks = self._index_tokens()
        self._cut_lines(breaks)
        self._cut_segments(breaks)
        # the people of the document and what a speaker phrase refers to: the references
        # package's, reading the sources so far from this run
        self.speakers = SpeakerResolver(doc, self, self.gender, lex.verbs)
        self.persons = self.speakers.persons
        self.person_at = self.speakers.person_at

    def _find_quoted(self) -> None:
        """The quoted ranges, and the direct quotes among them (longer than scare quotes)."""
        doc, text = self.doc, self.text
        spans = find_quotation_spans(text)
        self.all_quoted = spans
        self.quoted_at = Intervals(spans, _pair_bounds)
        self.direct = [
            (a, b)
            for a, b in spans
            if (len(text[a:b].split()) > self.lex.max_scare_words or self._cued_short(a, b))
            and not in_ignored(doc, a, b)
        ]
        self.direct_at = Intervals(self.direct, _pair_bounds)
        # a quote mark at a direct quote's edge: from one character before it to its end
        self.direct_near = Intervals(self.direct, lambda ab: (ab[0] - 1, ab[1] + 1))

    def _cued_short(self, a: int, b: int) -> bool:
        """Whether a quotation of a few words is a quote all the same, set apart by its own
        punctuation and a cue right after it or right before it: ' "I won't," she said ',
        ' Lindqvist said: "Everything is gone." '; not a scare quote or a title ('called it
        "complicated"', 'the "Q-West" airfield')."""
        doc, text, verbs = self.doc, self.text, self.lex.verbs
        inner = text[a:b].rstrip()
        if not inner or inner[-1] not in ",.!?":
            return False
        after = doc.char_span(b + 1, min(len(text), b + 80), alignment_mode="expand")
        if after is not None:
            for t in after[:6]:
                if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX"):
                    return True
                if not (t.pos_ in ("PROPN", "PRON", "DET", "NOUN", "ADJ") or t.text == ","):
                    break
        before = doc.char_span(max(0, a - 40), max(0, a - 1), alignment_mode="expand")
        if before is None or len(before) < 2 or before[-1].text not in (":", ","):
            return False
        cue = before[-2]
        return cue.lemma_.lower() in verbs and cue.pos_ in ("VERB", "AUX")

    def _index_tokens(self) -> list[int]:
        """Fill the token of each character; return the tokens that break a line.

        Sentences are cut at line breaks: a headline or a dateline is never part of the next
        paragraph's first sentence, whatever the parser's segmentation. A line break before
        a lowercase word is a hard wrap inside a sentence, not a break.
        """
        text = self.text
        self.token_at: dict[int, int] = {}
        breaks: list[int] = []
        for t in self.doc:
            n = len(t.text)
            for c in range(t.idx, t.idx + max(n, 1)):
                self.token_at[c] = t.i
            if t.is_space and "\n" in t.text and not text[t.idx + n : t.idx + n + 1].islower():
                breaks.append(t.i)
        return breaks

    def _cut_lines(self, breaks: list[int]) -> None:
        """The token range of the line of each token (``line_of``)."""
        n = len(self.doc)
        self.line_of: list[tuple[int, int]] = []
        start = 0
        for k in [*breaks, n]:
            self.line_of.extend([(start, k)] * (k - start + (k < n)))
            start = k + 1

    def _cut_segments(self, breaks: list[int]) -> None:
        """The sentences cut at line breaks (``segments``) and the one of each token."""
        doc = self.doc
        self.segments: list[Span] = []
        self.seg_of: list[int] = [0] * len(doc)
        for sent in doc.sents:
            start = sent.start
            for t in sent:
                if t.i in breaks or (t.i == start and t.is_space):
                    if t.i > start:
                        self.segments.append(doc[start : t.i])
                    start = t.i + 1
            if start < sent.end:
                self.segments.append(doc[start : sent.end])
        for k, seg in enumerate(self.segments):
            for i in range(seg.start, seg.end):
                self.seg_of[i] = k
            if k + 1 < len(self.segments):
                for i in range(seg.end, self.segments[k + 1].start):
                    self.seg_of[i] = k

    def sent_of(self, t: Token) -> Span:
        """The sentence (cut at line breaks) of a token."""
        if not self.segments:
            return self.doc[0 : len(self.doc)]
        return self.segments[self.seg_of[t.i]]

    # -- helpers ---------------------------------------------------------------------------
    def tok(self, char: int) -> int:
        while char > 0 and char not in self.token_at:
            char -= 1
        return self.token_at.get(char, 0)

    def in_quote(self, t: Token) -> bool:
        return self.quoted_at.covers(t.idx)

    def actor_for(self, start: int, end: int) -> tuple[str | None, str | None]:
        for span in self.actor_at_char.overlapping(start, end):
            if span._.actor is not None:
                return span._.actor.actor_id, span._.actor.actor_name
        return None, None

    def register(self, src: _Source | None, pos: int) -> None:
        if src is not None:
            self.sources.append((pos, src))
