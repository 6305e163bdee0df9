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

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, pairwise
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lexicon.io import read_mapping
from ..schema import ActorArg, Quote, TextSpan
from .extensions import ACTORS_KEY, in_ignored, register_extensions
from .gender import load_gender_data
from .intervals import Intervals
from .references import definite_determiners, pronouns

__all__ = [
    "ANONYMOUS_SOURCES",
    "QUOTE_CUES",
    "QuoteExtractor",
    "QuoteLexicon",
    "find_quotation_spans",
    "load_quote_lexicon",
]

_DATA = Path(__file__).resolve().parents[1] / "lexicon" / "data"
#: The bundled cue lexicon and unnamed-source lexicon.
QUOTE_CUES = _DATA / "quote_cues.yaml"
ANONYMOUS_SOURCES = _DATA / "anonymous_sources.yaml"

_OPEN = '"“„«'
_MARKS = '"“”„«»'
_DETERMINERS = {"the", "a", "an", "one", "this", "that", "these", "those", "some", "several"}
_STRIP = " \t\n\r\u200e\u200f\u00a0,;:-–—"
_SINGLE_OPEN = "‘'"
_SINGLE_CLOSE = "’'"
# Rank and title abbreviations, so that "the general" finds "Brig. Gen. Pat Ryder".
_ABBREVIATIONS = {
    "gen": "general", "adm": "admiral", "col": "colonel", "lt": "lieutenant", "maj": "major",
    "capt": "captain", "sgt": "sergeant", "cmdr": "commander", "brig": "brigadier",
    "sec": "secretary", "amb": "ambassador", "rep": "representative", "sen": "senator",
    "gov": "governor", "pres": "president", "cmdt": "commandant", "spc": "specialist",
}  # fmt: skip


@dataclass(frozen=True)
class QuoteLexicon:
    """Words that signal reported speech and unnamed sources (from the YAML data files)."""

    verbs: frozenset[str]
    weak_verbs: frozenset[str]
    according_to: tuple[str, ...]
    statement_nouns: frozenset[str]
    transcript_labels: frozenset[str]
    titles: frozenset[str]
    max_scare_words: int
    anonymous_heads: frozenset[str]
    anonymous_phrases: tuple[str, ...]
    documents: frozenset[str]
    organisation_nouns: frozenset[str] = frozenset()
    next_line_leads: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A plain dict (the two YAML files merged) for saving with the pipeline."""
        return {
            "verbs": sorted(self.verbs),
            "weak_verbs": sorted(self.weak_verbs),
            "according_to": list(self.according_to),
            "statement_nouns": sorted(self.statement_nouns),
            "transcript_labels": sorted(self.transcript_labels),
            "titles": sorted(self.titles),
            "max_scare_words": self.max_scare_words,
            "heads": sorted(self.anonymous_heads),
            "phrases": list(self.anonymous_phrases),
            "documents": sorted(self.documents),
            "organisation_nouns": sorted(self.organisation_nouns),
            "next_line_leads": list(self.next_line_leads),
        }


def _from_dict(data: dict[str, Any]) -> QuoteLexicon:
    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key, []) or [])

    return QuoteLexicon(
        verbs=words("verbs"),
        weak_verbs=words("weak_verbs"),
        according_to=tuple(str(w).lower() for w in data.get("according_to", []) or []),
        statement_nouns=words("statement_nouns"),
        transcript_labels=words("transcript_labels"),
        titles=words("titles"),
        max_scare_words=int(data.get("max_scare_words", 3)),
        anonymous_heads=words("heads"),
        anonymous_phrases=tuple(str(w).lower() for w in data.get("phrases", []) or []),
        documents=words("documents"),
        organisation_nouns=words("organisation_nouns"),
        next_line_leads=tuple(str(w).lower() for w in data.get("next_line_leads", []) or []),
    )


def load_quote_lexicon(paths: list[str] | tuple[str, ...] = ()) -> QuoteLexicon:
    """Load the bundled cue and unnamed-source lexicons, extended by user YAML files.

    Args:
        paths: user files with any of the keys of ``quote_cues.yaml`` and
            ``anonymous_sources.yaml``; their lists are added to the bundled ones, scalars
            replace them.

    Raises:
        LexiconError: when a file cannot be read or is not a mapping.
    """
    merged: dict[str, Any] = {}
    for path in (QUOTE_CUES, ANONYMOUS_SOURCES, *map(Path, paths)):
        for key, value in read_mapping(path).items():
            if isinstance(value, list):
                merged[key] = list(merged.get(key, [])) + value
            else:
                merged[key] = value
    return _from_dict(merged)


def find_quotation_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the text inside quotation marks, multi-paragraph quotes joined.

    A quote opened in a paragraph and not closed there continues when the next paragraph
    opens with a quotation mark (the news convention); otherwise it ends with its paragraph.

    Single quotation marks (‘…’ or '…', as some outlets and headlines use them) count when
    they open before a word and close after one, outside any double-quoted text, within one
    paragraph; an apostrophe inside a word (don’t, Ryder’s) or before a number (’19) is not a
    mark.

    >>> t = 'He said "yes, we will." Then: “No”.'
    >>> [t[a:b] for a, b in find_quotation_spans(t)]
    ['yes, we will.', 'No']
    >>> t = "Mattis: Military Becoming ‘Stronger, More Lethal’; the troops’ base isn’t."
    >>> [t[a:b] for a, b in find_quotation_spans(t)]
    ['Stronger, More Lethal']
    """
    spans = _double_quotation_spans(text)
    singles = [
        (a, b)
        for a, b in _single_quotation_spans(text)
        if not any(x - 1 <= a and b <= y + 1 for x, y in spans)
    ]
    return sorted(spans + singles)


def _single_quotation_spans(text: str) -> list[tuple[int, int]]:
    """Ranges inside single quotation marks (one paragraph at most)."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if (
            c not in _SINGLE_OPEN
            or (i > 0 and not (text[i - 1].isspace() or text[i - 1] in "([—–-:"))
            or i + 1 >= n
            or not text[i + 1].isalpha()
        ):
            i += 1
            continue
        end = -1
        for j in range(i + 2, n):
            d = text[j]
            if d == "\n":
                break
            if (
                d in _SINGLE_CLOSE
                and not text[j - 1].isspace()
                and (j + 1 >= n or not text[j + 1].isalnum())
                and (d == "’" or c == "'")
            ):
                end = j
                break
        if end < 0:
            i += 1
            continue
        a, b = i + 1, end
        while b > a and text[b - 1] in " \t":
            b -= 1
        if b > a:
            spans.append((a, b))
        i = end + 1
    return spans


def _double_quotation_spans(text: str) -> list[tuple[int, int]]:
    """Ranges inside double quotation marks, multi-paragraph quotes joined."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] not in _MARKS or text[i] in "”»" or i + 1 >= n or text[i + 1].isspace():
            i += 1
            continue
        start = i + 1
        j = start
        end = -1
        while j < n:
            c = text[j]
            if c == "\n":
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text[k] in _OPEN:
                    j = k + 1  # the quote continues in the next paragraph
                    continue
                end = j  # unclosed: the quote ends with its paragraph
                break
            if c in _MARKS:
                end = j
                break
            j += 1
        if end < 0:
            end = n
        a, b = start, end
        while a < b and text[a] in _STRIP:
            a += 1
        while b > a and text[b - 1] in " \t\n\r\u200e\u200f\u00a0":
            b -= 1
        if b > a:
            spans.append((a, b))
        i = end + 1
    return spans


@dataclass
class _Source:
    start: int
    end: int
    text: str
    role: str | None = None
    anonymous: bool = False
    document: bool = False
    plural: bool = False
    actor_id: str | None = None
    actor_name: str | None = None
    words: frozenset[str] = field(default_factory=frozenset)

    def arg(self) -> ActorArg:
        return ActorArg(
            text=self.text,
            start=self.start,
            end=self.end,
            actor_id=self.actor_id,
            actor_name=self.actor_name,
        )


# how a person's name hangs from the head of the phrase that names them ("Kovac's coach, Marko
# Ilic": Ilic by apposition; Kovac by possession, so not the one the phrase is about)
_NAME_DEPS = frozenset({"compound", "flat", "appos", "nmod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NOT_HEAD_DEPS = frozenset({"poss", "relcl", "acl", "advcl", "pobj", "dobj", "dative", "ccomp"})
_FUTURE_MODALS = frozenset({"will", "'ll", "wo", "shall", "might", "must", "should", "can", "ca"})


def _token_bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _char_bounds(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


def _pair_bounds(pair: tuple[int, int]) -> tuple[int, int]:
    return pair


def _words(text: str) -> frozenset[str]:
    """Lowercase words of a name or role, with rank abbreviations spelled out too."""
    words = {w.lower() for w in re.findall(r"\w+", text)}
    return frozenset(words | {_ABBREVIATIONS[w] for w in words if w in _ABBREVIATIONS})


def _trim(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Token range without punctuation, quote marks and conjunctions at either end."""
    while a < b and (doc[a].is_punct or doc[a].lower_ in {"and", "but", "as"} or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    return a, b


@Language.factory(
    "allegiance_quotes",
    default_config={"lexicon_paths": []},
    assigns=["doc._.quotes"],
    requires=["token.dep", "token.pos", "doc.sents", "doc.ents"],
)
def make_quotes(nlp: Language, name: str, lexicon_paths: list[str]) -> QuoteExtractor:
    """spaCy factory of :class:`QuoteExtractor` (registered as ``allegiance_quotes``)."""
    return QuoteExtractor(nlp, name, lexicon_paths=lexicon_paths)


class QuoteExtractor:
    """spaCy component: find quotes and their speakers; fill ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str, *, lexicon_paths: list[str] | None = None) -> None:
        """Load the cue lexicons.

        Args:
            nlp: the pipeline (unused; spaCy's factory signature).
            name: the component name.
            lexicon_paths: user YAML files extending the bundled cue and source lexicons.
        """
        register_extensions()
        self.name = name
        self.lexicon = load_quote_lexicon(tuple(lexicon_paths or ()))

    # -- persistence -----------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Save the merged lexicon as ``quote_lexicon.yaml`` in ``path``."""
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / "quote_lexicon.yaml").write_text(
            yaml.safe_dump(self.lexicon.to_dict(), allow_unicode=True), encoding="utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> QuoteExtractor:
        """Load the lexicon saved by :meth:`to_disk`."""
        self.lexicon = _from_dict(read_mapping(Path(path) / "quote_lexicon.yaml"))
        return self

    # -- main ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Find the quotes of ``doc`` and set ``doc._.quotes``."""
        run = _Run(doc, self.lexicon)
        doc._.quotes = run.quotes()
        return doc


class _Run:
    """The work on one document (keeps the recent sources for pronoun resolution)."""

    def __init__(self, doc: Doc, lex: QuoteLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.sources: list[tuple[int, _Source]] = []
        self.out: list[tuple[int, int, bool, _Source | None, TextSpan | None]] = []
        self.actor_spans: list[Span] = (
            list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
        )
        # People: the NER's, and the actor spans that resolve to a person.
        not_people = [
            s
            for s in self.actor_spans
            if s._.actor is not None and s._.actor.actor_type != "person"
        ]
        spans_ = self.actor_spans
        not_people_at = Intervals(not_people, _token_bounds)
        people = {
            (e.start, e.end): e
            for e in doc.ents
            if e.label_ == "PERSON"
            and not any(
                s.start <= e.start and e.end <= s.end
                for s in not_people_at.overlapping(e.start, e.end)
            )
        }
        named_people = Intervals(list(people), _pair_bounds)
        added: list[tuple[int, int]] = []  # actor spans taken as people, in document order
        in_order = all(x.start <= y.start for x, y in pairwise(spans_))
        added_end = -1
        for s in spans_:
            if s._.actor is not None and s._.actor.actor_type == "person":
                if in_order and s.start < s.end:
                    # earlier-starting spans overlap this one iff one reaches past its start
                    clash = added_end > s.start
                else:
                    clash = any(a < s.end and s.start < b for a, b in added)
                if not clash and not named_people.overlapping(s.start, s.end):
                    people[(s.start, s.end)] = s
                    added.append((s.start, s.end))
                    added_end = max(added_end, s.end)
        self.persons = [people[k] for k in sorted(people)]
        # position lookups: a scan of every span per question grows with the square of the text
        self.person_at = Intervals(self.persons, _token_bounds)
        self.person_start_chars = [e.start_char for e in self.persons]
        self.described: dict[tuple[int, int], _Source] = {}
        self.actor_at = Intervals(self.actor_spans, _token_bounds)
        self.actor_at_char = Intervals(self.actor_spans, _char_bounds)
        self.has_actors = ACTORS_KEY in doc.spans
        self.gender = load_gender_data()
        self.genders: dict[tuple[int, int], str | None] = {}
        # the outlet or document reporting a direct quote, by the quote's character range
        self.reporting: dict[tuple[int, int], _Source] = {}
        text = self.text = doc.text  # Doc.text joins every token: read it once
        spans = find_quotation_spans(text)
        self.all_quoted = spans
        self.quoted_at = Intervals(spans, _pair_bounds)
        self.direct = [
            (a, b)
            for a, b in spans
            if len(text[a:b].split()) > lex.max_scare_words and not in_ignored(doc, a, b)
        ]
        self.direct_at = Intervals(self.direct, _pair_bounds)
        # a quote mark at a direct quote's edge: from one character before it to its end
        self.direct_near = Intervals(self.direct, lambda ab: (ab[0] - 1, ab[1] + 1))
        self.token_at: dict[int, int] = {}
        # Sentences cut at line breaks: a headline or a dateline is never part of the next
        # paragraph's first sentence, whatever the parser's segmentation. A line break before
        # a lowercase word is a hard wrap inside a sentence, not a break.
        breaks: list[int] = []
        for t in doc:
            n = len(t.text)
            for c in range(t.idx, t.idx + max(n, 1)):
                self.token_at[c] = t.i
            if t.is_space and "\n" in t.text and not text[t.idx + n : t.idx + n + 1].islower():
                breaks.append(t.i)
        self.line_of: list[tuple[int, int]] = []
        start = 0
        for k in [*breaks, len(doc)]:
            self.line_of.extend([(start, k)] * (k - start + (k < len(doc))))
            start = k + 1
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

    def is_cue(self, t: Token) -> bool:
        lemma = t.lemma_.lower()
        if t.lower_ == "told" and t.i > 0 and self.doc[t.i - 1].lower_ == "all":
            return False  # "All told, ...": an idiom
        if t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return False  # "listing four themes to explain …": a purpose, not a report
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_MODALS for c in t.children):
            return False  # "If Iran attacks, the US will respond": nothing is reported yet
        if lemma not in self.lex.verbs and t.pos_ == "VERB":
            return self.is_attribution_verb(t)
        if lemma not in self.lex.verbs or t.pos_ not in {"VERB", "AUX"}:
            return False
        if lemma in self.lex.weak_verbs:
            return any(c.dep_ in {"dobj", "ccomp"} for c in t.children)
        return True

    def is_attribution_verb(self, t: Token) -> bool:
        """A verb outside the cue lexicon used as an attribution by its place.

        ``"…," Austin continued.`` or ``…, he continued.``: a past-tense verb whose subject is
        a person or a personal pronoun, with nothing after it but adverbs, that follows a
        closing quotation mark or takes the clause before it as complement.
        """
        doc = self.doc
        if t.tag_ != "VBD":
            return False
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        if len(subj) != 1 or subj[0].i > t.i:
            return False
        s = subj[0]
        if not (s.lower_ in {"he", "she", "they"} or self.person_at.covers(s.i)):
            return False
        seg = self.sent_of(t)
        if any(
            not (u.is_punct or u.pos_ in {"ADV", "PART"} or u.is_space)
            for u in doc[t.i + 1 : seg.end]
        ):
            return False
        k = s.left_edge.i - 1
        after_quote = k >= 1 and doc[k].text == "," and doc[k - 1].text in _MARKS + "’'"
        left_clause = any(c.dep_ == "ccomp" and c.i < t.i for c in t.children)
        return after_quote or left_clause

    def actor_for(self, start: int, end: int) -> tuple[str | None, str | None]:
        for span in self.actor_at_char.overlapping(start, end):
            if span._.actor is not None:
                return span._.actor.actor_id, span._.actor.actor_name
        return None, None

    # -- speakers --------------------------------------------------------------------------
    def subject_of(self, cue: Token) -> tuple[int, int] | None:
        """Token range of the speaker of a cue verb (its subject, or the agent after it)."""
        doc = self.doc
        cue_sent = self.sent_of(cue)
        prev = cue.i - 1
        while prev >= cue_sent.start and doc[prev].pos_ == "ADV":
            prev -= 1
        after_quote = prev >= cue_sent.start and (
            doc[prev].text in _MARKS
            or (doc[prev].text == "," and prev > 0 and doc[prev - 1].text in _MARKS)
        )
        for e in self.person_at.covering(prev):
            if (
                e.end == prev + 1
                and e.start >= cue_sent.start
                and not self.in_quote(e[0])
                and e.root.dep_ != "pobj"
            ):
                seg = e.start
                while (
                    seg > cue_sent.start
                    and doc[seg - 1].text not in {",", ";", "\n"}
                    and (
                        doc[seg - 1].text not in _MARKS
                        and (
                            doc[seg - 1].pos_ in {"PROPN", "NOUN", "ADJ", "DET"}
                            or doc[seg - 1].lower_ == "and"
                        )
                    )
                ):
                    seg -= 1
                return seg, e.end
        verb: Token | None = cue
        for _ in range(4):
            if verb is None:
                break
            for c in verb.children:
                if c.dep_ == "nsubjpass":
                    return None  # "claimed by X": the subject is what was said
                if c.dep_ == "nsubj" and not self.in_quote(c):
                    a, b = c.left_edge.i, c.right_edge.i + 1
                    if c.i < cue.i:
                        b = min(b, cue.i)
                    return a, b
            if verb.dep_ in {"conj", "advcl", "xcomp", "parataxis"} and verb.head is not verb:
                verb = verb.head
            else:
                break
        if after_quote:
            return self.agent_after(cue)
        # "…, the assistant secretary of defense said.": a noun phrase between the last comma
        # and the cue, whatever the parser attached it to.
        comma = next(
            (k.i for k in reversed(doc[cue_sent.start : cue.i]) if k.text in {",", "\u2014"}),
            None,
        )
        if (
            comma is not None
            and cue.i - comma > 1
            and doc[comma + 1].pos_ in {"DET", "PROPN", "NOUN", "ADJ"}
            and not any(
                k.pos_ in {"VERB", "AUX", "PRON"} or k.text in _MARKS
                for k in doc[comma + 1 : cue.i]
            )
        ):
            return comma + 1, cue.i
        # A subject the parser hung on a clause inside the attribution, left of the cue.
        for t in doc[cue_sent.start : cue.i]:
            if (
                t.dep_ in {"nsubj", "nsubjpass"}
                and not self.in_quote(t)
                and t.head.i < cue.i
                and t.head.head.i == cue.i
                and t.head.dep_ == "ccomp"
            ):
                stop = t.head.i if t.head.i > t.i else cue.i
                comma = next((k.i for k in doc[t.i : stop] if k.text == ","), stop)
                return t.left_edge.i, comma
        left = self.left_segments(cue)
        if left is not None:
            return left
        return self.agent_after(cue)

    def agent_after(self, cue: Token) -> tuple[int, int] | None:
        """The noun phrase right after a cue: "said Col. John Dorrian, the spokesperson"."""
        doc = self.doc
        j = cue.i + 1
        end = min(len(doc), self.sent_of(cue).end + 30)
        while j < end and doc[j].pos_ == "ADV":
            j += 1
        if j + 1 < end and doc[j].text == "." and doc[j + 1].pos_ == "PROPN":
            j += 1  # "said. Col. David C. Lyons": a typo in the source
        if j >= end or doc[j].pos_ not in {"PROPN", "NOUN", "DET", "PRON", "ADJ", "NUM"}:
            return None
        k = j
        while (
            k < end
            and (
                doc[k].text not in {".", "?", "!", ";"}
                or (  # the dot of an abbreviation the tokenizer split off: "Col" "."
                    doc[k].text == "."
                    and not doc[k - 1].whitespace_
                    and doc[k - 1].text[:1].isupper()
                    and len(doc[k - 1].text) <= 4
                    and k + 1 < end
                    and doc[k + 1].text[:1].isupper()
                )
            )
            and "\n" not in doc[k].text + doc[k - 1].whitespace_
        ):
            if doc[k].text in _MARKS and not self.in_short_quote(doc[k]):
                break
            k += 1
        return j, k

    def in_short_quote(self, t: Token) -> bool:
        """Whether a quote mark belongs to a scare quote or nickname (“J.D.”)."""
        return not self.direct_near.covers(t.idx)

    def left_segments(self, cue: Token) -> tuple[int, int] | None:
        """Comma-separated noun phrases just before a cue whose parse lost its subject."""
        doc = self.doc
        start = self.sent_of(cue).start
        for j in range(cue.i - 1, start - 1, -1):
            if doc[j].text in _MARKS or "\n" in doc[j].text:
                start = j + 1
                break
        commas = [t.i for t in doc[start : cue.i] if t.text == ","]
        bounds = [start] + [c + 1 for c in commas]
        best: int | None = None
        for seg_start in reversed(bounds[-3:]):
            t = doc[seg_start] if seg_start < cue.i else None
            if t is None:
                continue
            seg_end = next((c for c in commas if c >= seg_start), cue.i)
            seg = doc[seg_start:seg_end]
            named = any(e.label_ == "PERSON" for e in self.person_at.inside(seg_start, seg_end))
            anon = any(
                w.lemma_.lower() in self.lex.anonymous_heads for w in seg if w.pos_ == "NOUN"
            )
            if (t.pos_ in {"DET", "NUM"} and anon) or named:
                best = seg_start
        if best is None:
            return None
        return best, cue.i

    def describe(self, a: int, b: int, pos: int) -> _Source | None:
        """The source named by tokens [a, b): a person, an unnamed source, a document."""
        doc, lex = self.doc, self.lex
        a, b = _trim(doc, a, b)
        for k in range(b - 1, a - 1, -1):
            if "\n" in doc[k].text:
                a = k + 1  # a speaker never reaches back over a line break
                break
        a, b = _trim(doc, a, b)
        if a >= b:
            return None
        span = doc[a:b]
        sent_text = self.sent_of(span[0]).text.lower()
        if b - a == 1 and doc[a].lower_ in pronouns("speaker_subjects"):
            if doc[a].lower_ in pronouns("person"):
                found = self.resolve_personal(doc[a].lower_, pos)
                if found is not None:
                    return found
            return self.resolve(doc[a].lower_, pos, None)
        for s in self.actor_at.inside(a, b):
            ref = s._.actor
            if (
                ref is not None
                and ref.actor_type == "person"
                and doc[s.start].pos_ in {"DET", "PRON"}
                and doc[s.start].dep_ != "poss"  # "his spokeswoman, Beth Moreno" is Moreno
            ):
                # "the secretary" resolved by the actors component: name its earlier mention.
                for e in reversed(self.persons):
                    other = e._.actor if e.has_extension("actor") else None
                    named = [x for x in self.actor_at.covering(e.start) if x._.actor]
                    ids = {other.actor_id} if other else {x._.actor.actor_id for x in named}
                    if (
                        e.end_char <= s.start_char
                        and ref.actor_id in ids
                        and doc[e.start].pos_ not in {"DET", "PRON"}
                    ):
                        return self.describe_person(e)
        persons = [
            e for e in self.person_at.inside(a, b) if doc[e.start].pos_ not in {"DET", "PRON"}
        ]
        if not persons and self.has_actors:
            persons = [
                s
                for s in self.actor_at.inside(a, b)
                if s._.actor is not None and s._.actor.actor_type == "person"
            ]
        name: tuple[int, int] | None = None
        one_sentence = span.end <= span[0].sent.end  # a parse tree to read the phrase from
        heading = [p for p in persons if one_sentence and self.heads_phrase(p, span.root)]
        if heading:
            # "Sala's agent, Bruno Costa", "Ortiz, who hugged Bell,": not the possessor or
            # a name inside a clause or an object
            persons = heading
        if persons:
            # The name the phrase is about: before its apposition, the one next to the verb
            # that follows ("Pentagon Press Secretary Air Force Brig. Gen. Pat Ryder said",
            # where a tagger may take "Air Force" for a name), else the one holding its head.
            comma = next((t.i for t in span if t.text == ","), b)
            lead = [p for p in persons if p.end <= comma] or persons
            root = span.root.i
            if b < len(doc) and doc[b].pos_ in {"VERB", "AUX"}:
                pick = lead[-1]
            else:
                pick = next(
                    (p for p in persons if p.start <= root < p.end),
                    next((p for p in persons if p.root.dep_ in {"nsubj", "nsubjpass"}), lead[0]),
                )
            name = (pick.start, pick.end)
        else:
            # A run of proper nouns ending the phrase or before its first comma is a name.
            end = b
            for t in span:
                if t.text == ",":
                    end = t.i
                    break
            k = end
            while (
                k > a
                and doc[k - 1].pos_ == "PROPN"
                and doc[k - 1].lower_.rstrip(".") + "." not in lex.titles
            ):
                k -= 1
            head_lemma = doc[end - 1].lemma_.lower() if end > a else ""
            if (
                k < end
                and head_lemma not in lex.anonymous_heads
                and head_lemma not in lex.documents
                and not any(t.pos_ == "ADP" for t in doc[a:k])
            ):
                name = (k, end)
        if name is not None:
            # Titles at the start of a name ("Maj.", "Gen.") go to the role.
            n0, n1 = name
            while n0 - 2 >= a and doc[n0 - 1].text == "-" and not doc[n0 - 2].whitespace_:
                n0 -= 2
            while n0 < n1 - 1 and (
                doc[n0].lower_ in lex.titles or doc[n0].lower_ + "." in lex.titles
            ):
                n0 += 1
            pre = doc[a:n0].text.strip(_STRIP)
            if pre.lower().split(" ")[0] in definite_determiners():
                pre = pre.split(" ", 1)[1] if " " in pre else ""
            post = ""
            if n1 < b and doc[n1].text == ",":
                p1 = next((t.i for t in doc[n1:b] if t.pos_ in {"VERB", "AUX"}), b)
                post = doc[n1:p1].text.strip(_STRIP)
            role = ", ".join(x for x in (pre, post) if x) or None
            n_start, n_end = doc[n0].idx, doc[n1 - 1].idx + len(doc[n1 - 1].text)
            src = _Source(n_start, n_end, self.text[n_start:n_end], role=role)
            src.words = _words(src.text + " " + (role or ""))
            src.actor_id, src.actor_name = self.actor_for(n_start, n_end)
            if len(re.findall(r"\w+", src.text)) == 1 or not role:
                src = self.complete_name(src, pos)
            return src
        head = span.root
        lemma = head.lemma_.lower()
        if doc[a].lower_ in definite_determiners() and lemma in lex.organisation_nouns:
            # "the company said": the body named before, never a person whose role holds
            # the word ("the company's founder") nor the subject of the next sentence
            body = self.resolve_organisation(lemma, pos)
            if body is not None:
                return body
        elif doc[a].lower_ in definite_determiners():
            mods = tuple(
                t.lower_
                for t in span
                if t.pos_ in {"NOUN", "PROPN", "ADJ"} and t.i != head.i and not t.is_punct
            )
            found = self.resolve(lemma, pos, lemma, mods)
            if found is None and lemma not in lex.documents:
                found = self.named_next(b)
            if found is not None:
                return found
        s0, s1 = span.start_char, span.end_char
        src = _Source(s0, s1, self.text[s0:s1])
        src.document = lemma in lex.documents or any(
            t.lemma_.lower() in lex.documents for t in span
        )
        src.plural = head.tag_ in {"NNS", "NNPS"}
        anon_phrase = any(p in sent_text for p in lex.anonymous_phrases)
        src.anonymous = not src.document and (
            lemma in lex.anonymous_heads
            or anon_phrase
            or any(t.lemma_.lower() in lex.anonymous_heads for t in span if t.pos_ == "NOUN")
        )
        first = doc[a].lower_
        src.role = (
            doc[a + 1 : b].text if first in _DETERMINERS and b - a > 1 else span.text
        ) or None
        src.words = _words(src.text)
        src.actor_id, src.actor_name = self.actor_for(s0, s1)
        return src

    def complete_name(self, src: _Source, pos: int) -> _Source:
        """Take role and actor from an earlier, fuller mention of the same person."""
        last = re.findall(r"\w+", src.text)[-1].lower() if re.findall(r"\w+", src.text) else ""
        for _, old in reversed(self.sources):
            if not old.anonymous and not old.document and last in old.words and old.role:
                return replace(
                    src,
                    role=src.role or old.role,
                    actor_id=src.actor_id or old.actor_id,
                    actor_name=src.actor_name or old.actor_name,
                )
        for e in reversed(self.persons):
            if e.start_char < src.start and last in e.text.lower() and len(e) > 1:
                full = self.describe_person(e)
                return replace(
                    src,
                    role=src.role or full.role,
                    actor_id=src.actor_id or full.actor_id,
                    actor_name=src.actor_name or full.actor_name,
                )
        return src

    def named_next(self, after: int) -> _Source | None:
        """A description's person named as a subject in the next sentences (a news lede).

        "…, the chief of the National Guard Bureau said. Air Force Gen. Joseph L. Lengyel
        told reporters …": a definite description with no earlier referent introduces the
        person the following sentence names.
        """
        if not self.segments:
            return None
        k = self.seg_of[min(after, len(self.doc) - 1)]
        for seg in self.segments[k + 1 : k + 3]:
            last = seg[-1].text
            if last not in {".", "!", "?"} and not (
                last in _MARKS and len(seg) > 1 and seg[-2].text in {".", "!", "?", ","}
            ):
                return None  # a headline or a dateline: the story has ended
            for e in self.person_at.starting_in(seg.start, seg.end):
                if not self.in_quote(e[0]):
                    t = e.root
                    while t.dep_ in {"compound", "conj", "appos", "flat"} and t.head is not t:
                        t = t.head
                    if t.dep_ == "nsubj":
                        return self.describe_person(e)
        return None

    def describe_person(self, ent: Span) -> _Source:
        """A person named outside any attribution, with titles before it as role.

        Each person is described once per document; every call returns a fresh copy.
        """
        known = self.described.get((ent.start, ent.end))
        if known is None:
            known = self.described[(ent.start, ent.end)] = self._describe_person(ent)
        return replace(known)

    def _describe_person(self, ent: Span) -> _Source:
        doc = self.doc
        a = ent.start
        first = self.sent_of(ent[0]).start
        while a > first:
            p = doc[a - 1]
            if p.pos_ in {"PROPN", "NOUN", "ADJ"} and (
                p.dep_ in {"compound", "amod", "nmod"} or p.text[:1].isupper()
            ):
                a -= 1
            elif (
                p.lower_ in {"of", "for"}
                and a - 2 >= first
                and doc[a - 2].text[:1].isupper()
                and doc[a].text[:1].isupper()
            ):
                a -= 1  # "Secretary of Defense Lloyd J. Austin"
            else:
                break
        role = doc[a : ent.start].text.strip(_STRIP) or None
        actor_id, actor_name = self.actor_for(ent.start_char, ent.end_char)
        words = _words(ent.text + " " + (role or ""))
        return _Source(
            ent.start_char,
            ent.end_char,
            ent.text,
            role=role,
            actor_id=actor_id,
            actor_name=actor_name,
            words=words,
        )

    def resolve(
        self, word: str, pos: int, head: str | None, mods: tuple[str, ...] = ()
    ) -> _Source | None:
        """The latest source before ``pos`` a pronoun or a definite description refers to.

        A description with modifiers ("the secretary of defense") prefers the latest source
        or person whose name and role hold all its words, before any holding its head only.
        """
        if head is not None and mods:
            # lazily: most descriptions match a recent source, and each person described
            # costs a walk over its sentence
            candidates = chain(
                (src for _, src in reversed(self.sources)),
                (self.describe_person(e) for e in self.persons_before(pos)),
            )
            words = _words(" ".join(mods))
            for cand in candidates:
                if head in cand.words and words <= cand.words:
                    return cand
            if len(words) > 2:
                return None  # "the assistant secretary of defense for Asian and Pacific
                # security affairs" is not the earlier "Defense Secretary James N. Mattis"
        for _, src in reversed(self.sources):
            if head is not None:
                if head in src.words:
                    return src
                continue
            if word in {"he", "she"} and (src.plural or src.document):
                continue
            if word == "it" and not src.document:
                continue
            return src
        if head is not None:
            for e in self.persons_before(pos):
                person = self.describe_person(e)
                if head in person.words:
                    return person
            return None
        if word in {"he", "she"}:
            last = next(self.persons_before(pos), None)
            if last is not None:
                return self.describe_person(last)
        return None

    def persons_before(self, pos: int) -> Iterator[Span]:
        """The people that end by character ``pos``, the latest first."""
        persons = self.persons
        # the people are sorted by start: only those starting before ``pos`` can end by it
        for k in range(bisect_left(self.person_start_chars, pos) - 1, -1, -1):
            if persons[k].end_char <= pos:
                yield persons[k]

    @staticmethod
    def heads_phrase(name: Span, root: Token) -> bool:
        """Whether a name is not a possessor, an object or inside a clause of the phrase
        whose head is ``root`` ("Sala's agent, Bruno Costa"; "Ortiz, who hugged Bell,")."""
        t = name.root
        for _ in range(12):
            if t.i == root.i or name.start <= root.i < name.end:
                return True
            if t.dep_ in _NOT_HEAD_DEPS or t.head is t:
                return False
            t = t.head
        return False

    @staticmethod
    def is_subject(name: Span) -> bool:
        """Whether a name is (in apposition to) the subject of its clause."""
        t = name.root
        for _ in range(8):
            if t.dep_ in _SUBJECT_DEPS:
                return True
            if t.dep_ not in _NAME_DEPS or t.head is t:
                return False
            t = t.head
        return False

    def negated(self, name: Span) -> bool:
        """Whether a name is the subject of a negated clause ("X did not speak", "X was not
        there"): such a person is not the one a following "he said" quotes. A negated speech
        verb ("X would not comment on the talks") still makes X the one who speaks next."""
        t = name.root
        for _ in range(8):
            if t.dep_ in _SUBJECT_DEPS:
                verb = t.head
                return verb.lemma_.lower() not in self.lex.verbs and any(
                    c.dep_ == "neg" for c in verb.children
                )
            if t.dep_ not in _NAME_DEPS or t.head is t:
                return False
            t = t.head
        return False

    def person_gender(self, e: Span) -> str | None:
        """The gender a person's mention gives: an honorific or given name in it or just
        before it, else that of an earlier fuller mention with the same last word."""
        key = (e.start, e.end)
        if key in self.genders:
            return self.genders[key]
        doc = self.doc
        lo = max(self.sent_of(e[0]).start, e.start - 3)
        words = [t.text for t in doc[lo : e.end] if not t.is_punct or t.text == "."]
        # "Mr." may be split into "Mr" "."; the given name is the mention's first word
        gender = self.gender.of_words([w for w in words[: len(words) - len(e)]] + [e[0].text])
        if gender is None:
            gender = self.gender.of_words([t.text for t in e if not t.is_punct])
        if gender is None:
            last = e[-1].lower_
            for other in self.persons_before(e.start_char):
                if len(other) > 1 and other[-1].lower_ == last:
                    gender = self.person_gender(other)
                    if gender is not None:
                        break
        self.genders[key] = gender
        return gender

    def source_gender(self, src: _Source) -> str | None:
        """The gender of an earlier source: its person mention's, else its words'."""
        for e in self.person_at.overlapping(
            self.tok(src.start), self.tok(max(src.start, src.end - 1)) + 1
        ):
            return self.person_gender(e)
        return self.gender.of_words(re.findall(r"[\w.]+", f"{src.role or ''} {src.text}"))

    def resolve_personal(self, word: str, pos: int) -> _Source | None:
        """The person "he" or "she" at ``pos`` refers to, by gender and salience.

        The candidates are the people named before ``pos`` outside quotes (quoted or not) and
        the earlier unnamed sources ("a police spokeswoman"); those whose gender disagrees
        are skipped. Of the latest sentence that holds a candidate, its subject wins ("Brandt
        said she was sorry for Kovac. '…,' she said" is Brandt), else the latest mention.
        Returns None when nobody agrees (the caller falls back to the latest source).
        """
        wanted = self.gender.pronouns.get(word)
        best: tuple[bool, int, bool, bool, int] | None = None
        pick: _Source | Span | None = None
        speakers = [src for _, src in self.sources if src.start < pos]
        spoken = Intervals([(x.start, x.end) for x in speakers], _pair_bounds)
        for n, e in enumerate(self.persons_before(pos)):
            if n > 40 or self.in_quote(e[0]) or in_ignored(self.doc, e.start_char, e.end_char):
                continue
            if e[0].pos_ in {"PRON", "DET"}:
                continue  # a pronoun the actors component resolved: its referent is here too
            if self.seg_of[e.start] < self.seg_of[self.tok(pos)] - 8:
                break
            g = self.person_gender(e)
            if wanted and g and g != wanted:
                continue
            subject = self.is_subject(e) or bool(spoken.overlapping(e.start_char, e.end_char))
            # the subject itself before a name hung on it ("Air Force" tagged as a name in
            # "Air Force Maj. Gen. Pat Ryder"), then the first subject of the sentence
            direct = subject and e.root.dep_ in _SUBJECT_DEPS
            pos_rank = -e.start_char if subject else e.start_char
            # "Soleimani was not there. '…,' he said": the subject of a negated clause comes
            # after everyone else (but "X would not comment. '…,' she said" still finds X)
            rank = (not self.negated(e), self.seg_of[e.start], subject, direct, pos_rank)
            if best is None or rank > best:
                best, pick = rank, e
        for src in speakers:
            if src.document or src.plural or self.person_at_char_overlaps(src):
                continue
            g = self.source_gender(src)
            if not src.anonymous and g is None:
                continue  # a body ("Onda Sport"), not an unnamed person
            if wanted and g and g != wanted:
                continue
            seg = self.seg_of[self.tok(src.start)]
            rank = (True, seg, True, True, -src.start)
            if best is None or rank > best:
                best, pick = rank, src
        if pick is None:
            return None
        if isinstance(pick, _Source):
            return replace(pick)
        return self.complete_name(self.describe_person(pick), pos)

    def person_at_char_overlaps(self, src: _Source) -> bool:
        """Whether a source's text is a person's name (the people are candidates already)."""
        a, b = self.tok(src.start), self.tok(max(src.start, src.end - 1)) + 1
        return bool(self.person_at.overlapping(a, b))

    def resolve_organisation(self, head: str, pos: int) -> _Source | None:
        """The body "the company", "the agency" or "the paper" at ``pos`` refers to.

        An earlier source or organisation whose name holds the word wins ("the agency" is the
        Food Safety Agency), else the latest organisation named as a subject in the last few
        sentences ("Crestline denied the claims. '…,' the company said").
        """
        doc = self.doc
        for _, src in reversed(self.sources):
            if src.start < pos and head in src.words and not self.person_at_char_overlaps(src):
                if src.document or src.anonymous or not src.text[:1].isupper():
                    continue
                return replace(src)
        here = self.seg_of[self.tok(pos)]
        orgs = [
            e
            for e in doc.ents
            if e.label_ in {"ORG", "NORP", "WORK_OF_ART", "FAC"}
            and e.end_char <= pos
            and here - 6 <= self.seg_of[e.start] <= here
            and not self.in_quote(e[0])
            and not self.person_at.overlapping(e.start, e.end)  # "Frey" tagged ORG once
        ]
        stem = head[:-1] if head.endswith("s") else head
        named = [e for e in orgs if any(w.lower_.startswith(stem[:6]) for w in e)]
        subjects = [e for e in orgs if e.label_ != "NORP" and self.is_subject(e)]
        for e in (named or subjects)[-1:]:
            src = _Source(e.start_char, e.end_char, e.text)
            src.words = _words(e.text)
            src.actor_id, src.actor_name = self.actor_for(e.start_char, e.end_char)
            return src
        return None

    def register(self, src: _Source | None, pos: int) -> None:
        if src is not None:
            self.sources.append((pos, src))

    # -- quotes ----------------------------------------------------------------------------
    def cue_in(self, a: int, b: int) -> list[Token]:
        return [t for t in self.doc[a:b] if not self.in_quote(t) and self.is_cue(t)]

    def attribute_direct(self, qa: int, qb: int) -> tuple[_Source | None, Token | None]:
        doc = self.doc
        ta, tb = self.tok(qa), self.tok(max(qa, qb - 1))
        s_left = self.sent_of(doc[ta])
        s_right = self.sent_of(doc[tb])
        l0 = s_left.start
        while l0 < ta and "\n" in self.text[doc[l0].idx : doc[ta].idx]:
            l0 += 1
        left = (l0, ta)
        r0 = min(tb + 1, len(doc))
        r1 = s_right.end
        # The attribution of a quote that ends its sentence may be split into the next one.
        if r1 < len(doc) and not doc[r0:r1].text.strip(_STRIP + '"“”.!?'):
            nxt = self.sent_of(doc[r1])
            if len(nxt) <= 14 and nxt.text.strip()[:1] not in _MARKS:
                r1 = nxt.end
        for k in range(r0, r1):
            if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
                r1 = k + 1
                break
        # Stop the right context at the next real quote.
        following = self.direct_at.first_starting_after(qb)
        if following is not None:
            r1 = min(r1, self.tok(following[0]))
        content = self.text[qa:qb].rstrip()
        right_first = content.endswith(",") or (content.endswith("?") and bool(self.cue_in(r0, r1)))
        order = [(r0, r1), left] if right_first else [left, (r0, r1)]
        for a, b in order:
            for cue in self.cue_in(a, b):
                rng = self.subject_of(cue)
                if rng is None:
                    continue
                src = self.describe(rng[0], rng[1], qa)
                if src is not None:
                    return src, cue
            if (a, b) == left and b > a and doc[b - 1].text == ":":
                src = self.statement_subject(doc[a:b])
                if src is not None:
                    return src, None
        k = qa - 1
        while k >= 0 and (
            self.text[k].isspace() or self.text[k] in _MARKS or self.text[k] in "\u200e\u200f"
        ):
            k -= 1
        seg = self.sent_of(doc[ta])
        colon_at = next(
            (u.i for u in doc[seg.start : min(ta, seg.start + 6)] if u.text == ":"), None
        )
        lead_in = self.round_up_lead_in(seg, ta, qa, qb)
        if lead_in is not None:
            return lead_in, None
        if (
            colon_at is not None
            and colon_at > seg.start
            and all(u.pos_ == "PROPN" or u.text == "." for u in doc[seg.start : colon_at])
        ):
            # A headline "Mattis: U.S. Military Becoming ‘Stronger, More Lethal’": the name
            # before the colon says what follows.
            src = self.describe(seg.start, colon_at, qa)
            if src is not None:
                return src, None
        if k >= 0 and self.text[k] == ":":
            colon = self.tok(k)
            sent = self.sent_of(doc[colon])
            src = self.statement_subject(doc[sent.start : colon + 1])
            if src is not None:
                return src, None
        below = self.next_line_speaker(qa, qb)
        if below is not None:
            return below, None
        return self.resolve("they", qa, None), None

    def round_up_lead_in(self, seg: Span, ta: int, qa: int, qb: int) -> _Source | None:
        """The speaker of a round-up line "Claire Dunmore, The Morning Post: '…'".

        A line opening with a name, a comma and an outlet (proper nouns only) before the
        colon that introduces the quote gives the quote to the name; the outlet is its
        reporting source.
        """
        doc = self.doc
        colon = next((u.i for u in doc[seg.start : min(ta, seg.start + 12)] if u.text == ":"), None)
        if colon is None or self.line_of[seg.start][0] != seg.start:
            return None
        words = doc[seg.start : colon]
        commas = [u.i for u in words if u.text == ","]
        if (
            len(commas) != 1
            or doc[seg.start].pos_ != "PROPN"
            or commas[0] - seg.start < 2
            or colon - commas[0] < 2
            or not all(u.pos_ in {"PROPN", "DET", "PUNCT", "CCONJ"} for u in words)
        ):
            return None
        src = self.describe(seg.start, commas[0], qa)
        outlet = self.describe(commas[0] + 1, colon, qa)
        if src is not None and outlet is not None:
            self.reporting[(qa, qb)] = outlet
        return src

    def next_line_speaker(self, qa: int, qb: int) -> _Source | None:
        """The speaker named on the line after a quote that stands alone on its line.

        "'We were promised 2,000 jobs.'" then the line "Joan Pierce, mayor of Casa Verde."
        (a name, titles before it, no verb before its first comma), or "That was how Wanjiru
        described it." (a lead of ``next_line_leads``). The next line must follow a single
        line break, not start a new paragraph, and hold no quotation mark.
        """
        text, doc = self.text, self.doc
        start = text.rfind("\n", 0, qa) + 1
        end = text.find("\n", qb)
        if (
            end < 0
            or text[start:qa].strip(_STRIP + _MARKS)
            or text[qb:end].strip(_STRIP + _MARKS + ".!?")
        ):
            return None
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt < 0 else nxt
        line = text[end + 1 : nxt]
        if not line.strip() or line[:1].isspace() or any(m in line for m in _MARKS):
            return None
        a, b = self.tok(end + 1), self.tok(nxt - 1) + 1
        while a < b and doc[a].is_space:
            a += 1
        low = line.lower()
        lead = next((w for w in self.lex.next_line_leads if low.startswith(w + " ")), None)
        if lead is not None:
            for e in self.person_at.starting_in(a, b):
                if e[0].pos_ not in {"PRON", "DET"}:
                    return self.complete_name(self.describe_person(e), qa)
            return None
        if a >= b or not doc[a].text[:1].isupper():
            return None
        stop = next((u.i for u in doc[a:b] if u.text in {",", ".", ";"}), b)
        if stop - a > 8 or any(u.pos_ in {"VERB", "AUX"} for u in doc[a:stop]):
            return None
        src = self.describe(a, stop, qa)
        if src is None or src.document:
            return None
        return src

    def reporting_source_of(self, cue: Token, speaker: _Source | None) -> _Source | None:
        """The outlet or document a cue's sentence says reports the speaker's words.

        "The site quoted Mr. Vance as saying: '…'" (the subject of "quote"), "According to
        the Associated Press, Vance told a town hall: '…'" (the object of "according to").
        """
        doc = self.doc
        t: Token = cue
        for _ in range(3):
            if t.head is t:
                break
            t = t.head
            if t.lemma_.lower() == "quote" and t.pos_ == "VERB":
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                if subj:
                    c = subj[0]
                    return self.describe(c.left_edge.i, min(c.right_edge.i + 1, t.i), cue.idx)
                return None
        seg = self.sent_of(cue)
        for u in seg:
            if u.lower_ == "according" and u.i + 1 < seg.end and doc[u.i + 1].lower_ == "to":
                obj = [c for c in doc[u.i + 1].children if c.dep_ == "pobj"]
                if not obj or self.in_quote(obj[0]):
                    continue
                a, b = u.i + 2, obj[0].right_edge.i + 1
                if speaker is not None and doc[a].idx <= speaker.start < doc[b - 1].idx + 1:
                    continue
                return self.describe(a, b, cue.idx)
        return None

    def statement_subject(self, span: Span) -> _Source | None:
        root = span.root
        for c in root.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                return self.describe(
                    c.left_edge.i, min(c.right_edge.i + 1, span.end), span.start_char
                )
        return None

    def indirect(self, sent: Span, used: set[int]) -> None:
        doc = self.doc
        for t in sent:
            if t.i in used or self.in_quote(t):
                continue
            if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to":
                obj = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                if not obj:
                    continue
                sa, sb = t.i + 2, obj[0].right_edge.i + 1
                src = self.describe(sa, sb, t.idx)
                self.add_reported(sent, t.i, sb, src, t, t.idx)
                continue
            if not self.is_cue(t):
                continue
            if self.split_attribution(sent, t):
                continue
            line = self.line_of[t.i]
            comp = [
                c
                for c in t.children
                if c.dep_ == "ccomp" and not self.in_quote(c) and line[0] <= c.i < line[1]
            ]
            comp.sort(key=lambda c: c.i < t.i)  # a clause after the cue first
            rng = self.subject_of(t)
            src = self.describe(rng[0], rng[1], t.idx) if rng else None
            if comp:
                c = comp[0]
                a, b = max(c.left_edge.i, line[0]), min(c.right_edge.i + 1, line[1])
                if b <= t.i and rng and rng[0] < b:
                    b = rng[0]
                while a < b and doc[a].dep_ == "mark":
                    a += 1
                self.add_span(a, b, src, t)
            elif (
                rng
                and rng[0] - 1 > max(sent.start, line[0])
                and doc[rng[0] - 1].text == ","
                and rng[1] <= t.i
                and not any(u.pos_ in {"VERB", "AUX"} for u in doc[t.i + 1 : sent.end])
                and (t.lemma_.lower() == "tell" or not any(c.dep_ == "dobj" for c in t.children))
            ):
                # "…, the Defense Department's top leaders told Congress.": the clause before
                # the comma, whatever the parser made of it.
                self.add_span(max(sent.start, line[0]), rng[0] - 1, src, t)
            elif (
                t.dep_ in {"parataxis", "advcl"}
                or (t.dep_ == "conj" and t.i > t.head.i)
                or (t.dep_ == "ROOT" and rng and t.i > sent.start + 4)
            ):
                left_clause = any(c.dep_ == "ccomp" and c.i < t.i for c in t.children)
                # The attribution starts at its subject or cue, not at a clause (possibly on
                # an earlier line) the parser hung on the cue.
                edge = t.i if left_clause else t.left_edge.i
                sub0 = max(min(edge, rng[0] if rng else t.i), line[0])
                sub1 = max(t.right_edge.i + 1, rng[1] if rng else t.i + 1)
                if t.dep_ == "ROOT":
                    sub1 = rng[1] if rng and rng[0] > t.i else t.i + 1  # "…, said X."
                    while sub1 < sent.end and doc[sub1].dep_ in {
                        "npadvmod",
                        "advmod",
                        "dobj",
                        "dative",
                    }:
                        sub1 = doc[sub1].right_edge.i + 1
                    if sent.end - sub1 > 2:
                        self.register(src, t.idx)
                        continue
                self.add_reported(sent, sub0, sub1, src, t, t.idx)
            self.register(src, t.idx)

    def split_attribution(self, sent: Span, cue: Token) -> bool:
        """Reported speech whose attribution a rank abbreviation cut off as a sentence.

        "… from the continental United States, Pentagon Press Secretary Air Force Brig. Gen.
        Pat Ryder said today." may be split after "Brig.": the attribution sentence holds only
        the end of the speaker and the cue; the clause and the speaker's start are in the
        sentence before, after its last comma.
        """
        doc = self.doc
        k = self.seg_of[cue.i]
        if k == 0 or any(
            not (u.is_punct or (u.pos_ in {"ADV", "NOUN", "PART"} and u.dep_ != "dobj"))
            for u in doc[cue.i + 1 : sent.end]
        ):
            return False
        if any(u.pos_ not in {"PROPN", "PUNCT"} for u in doc[sent.start : cue.i]):
            return False
        prev = self.segments[k - 1]
        last = doc[prev.end - 1]
        if not (
            last.text == "."
            and prev.end - 2 >= prev.start
            and not doc[prev.end - 2].whitespace_
            and doc[prev.end - 2].text[:1].isupper()
            and len(doc[prev.end - 2].text) <= 5
            and self.line_of[prev.start] == self.line_of[cue.i]
        ):
            return False
        comma = next((u.i for u in reversed(prev) if u.text == ","), None)
        if comma is None or any(u.pos_ in {"VERB", "AUX"} for u in doc[comma : prev.end]):
            return False
        src = self.describe(comma + 1, cue.i, cue.idx)
        self.add_span(prev.start, comma, src, cue)
        self.register(src, cue.idx)
        return True

    def add_reported(
        self, sent: Span, c0: int, c1: int, src: _Source | None, cue: Token, pos: int
    ) -> None:
        """Reported speech: the part of the sentence outside the attribution [c0, c1)."""
        left, right = (sent.start, c0), (c1, sent.end)
        a, b = right if right[1] - right[0] >= 4 else left
        self.add_span(a, b, src, cue)
        self.register(src, pos)

    def add_span(self, a: int, b: int, src: _Source | None, cue: Token | None) -> None:
        doc = self.doc
        a, b = _trim(doc, a, b)
        if b - a < 3 or src is None:
            return
        s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        if self.direct_at.overlapping(s, e) or in_ignored(doc, s, e):
            return
        if cue is not None and "\n\n" in self.text[min(s, cue.idx) : max(e, cue.idx)]:
            return  # an attribution does not reach across paragraphs
        cue_span = (
            TextSpan(text=cue.text, start=cue.idx, end=cue.idx + len(cue.text)) if cue else None
        )
        self.out.append((s, e, False, src, cue_span))

    def transcript(self) -> None:
        text = self.text
        for m in re.finditer(r"(?m)^([A-Z][A-Z.' ]{1,40}):[ \t]+(\S.*)$", text):
            label = m.group(1).strip()
            if label.lower().rstrip(".") in self.lex.transcript_labels:
                continue
            a, b = m.start(2), m.end(2)
            while b > a and text[b - 1].isspace():
                b -= 1
            if in_ignored(self.doc, a, b):
                continue
            src = _Source(m.start(1), m.start(1) + len(label), label)
            src.words = _words(label)
            src.actor_id, src.actor_name = self.actor_for(src.start, src.end)
            self.out.append((a, b, True, src, None))

    def quotes(self) -> list[Quote]:
        doc = self.doc
        pending = list(self.direct)
        for sent in self.segments:
            used: set[int] = set()
            while pending and pending[0][0] < sent.end_char:
                qa, qb = pending.pop(0)
                src, cue = self.attribute_direct(qa, qb)
                if cue is not None:
                    used.add(cue.i)
                    via = self.reporting_source_of(cue, src)
                    if via is not None:
                        self.reporting[(qa, qb)] = via
                cue_span = (
                    TextSpan(text=cue.text, start=cue.idx, end=cue.idx + len(cue.text))
                    if cue
                    else None
                )
                self.out.append((qa, qb, True, src, cue_span))
                self.register(src, qa)
            if sent.text.rstrip().endswith(":"):
                self.register(self.statement_subject(sent), sent.start_char)
            self.indirect(sent, used)
        self.transcript()
        # One record per stretch of text: of overlapping quotes of the same kind (two cues
        # reporting the same clause, a quote found twice) the longest stays.
        kept: list[tuple[int, int, bool, _Source | None, TextSpan | None]] = []
        for rec in sorted(self.out, key=lambda r: (r[0] - r[1], r[0])):
            if not any(k[2] == rec[2] and k[0] < rec[1] and rec[0] < k[1] for k in kept):
                kept.append(rec)
        kept.sort(key=lambda r: (r[0], r[1]))
        doc_id = doc._.doc_id or ""
        records: list[Quote] = []
        for s, e, direct, src, cue_span in kept:
            records.append(
                Quote(
                    id=f"{doc_id}:q{len(records)}",
                    doc_id=doc_id,
                    text=self.text[s:e],
                    start=s,
                    end=e,
                    direct=direct,
                    speaker=src.arg() if src else None,
                    speaker_role=src.role if src else None,
                    anonymous=bool(src and src.anonymous),
                    cue=cue_span,
                    reporting_source=(
                        self.reporting[(s, e)].arg()
                        if direct and (s, e) in self.reporting
                        else None
                    ),
                )
            )
        return records
