"""Who a quote's speaker phrase refers to: the people of a document and the earlier sources.

The references component resolves pronouns and descriptions to actors before the quotes are
read; a quote's speaker ("'...,' she said", "the secretary told reporters", "the company
said") can only be resolved once the speakers before it are known, so the quote component
keeps that history (:class:`QuoteReading`) and asks this resolver, which owns every rule of
it: a person's description and gender, the people named before a position, and which of them
or of the earlier sources a pronoun, a description or "the company" refers to.

    Brandt said she was sorry for Kovac. "We will appeal," she said.   (she: Brandt)
    Crestline denied the claims. "We acted lawfully," the company said.   (Crestline)
    "The talks are over," said Defense Secretary Lloyd Austin. ... the secretary added.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, pairwise
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from ...schema import ActorArg
from ..extensions import ACTORS_KEY, in_ignored
from ..gender import GenderData
from ..intervals import Intervals
from ..marks import _MARKS, _STRIP
from .genders import PersonGenders

__all__ = [
    "NAME_DEPS",
    "NOT_HEAD_DEPS",
    "SUBJECT_DEPS",
    "QuoteReading",
    "Source",
    "SpeakerResolver",
    "name_words",
]

# Rank and title abbreviations, so that "the general" finds "Brig. Gen. Pat Ryder".
_ABBREVIATIONS = {
    "gen": "general", "adm": "admiral", "col": "colonel", "lt": "lieutenant", "maj": "major",
    "capt": "captain", "sgt": "sergeant", "cmdr": "commander", "brig": "brigadier",
    "sec": "secretary", "amb": "ambassador", "rep": "representative", "sen": "senator",
    "gov": "governor", "pres": "president", "cmdt": "commandant", "spc": "specialist",
}  # fmt: skip

# how a person's name hangs from the head of the phrase that names them ("Kovac's coach, Marko
# Ilic": Ilic by apposition; Kovac by possession, so not the one the phrase is about)
NAME_DEPS = frozenset({"compound", "flat", "appos", "nmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NOT_HEAD_DEPS = frozenset({"poss", "relcl", "acl", "advcl", "pobj", "dobj", "dative", "ccomp"})


def name_words(text: str) -> frozenset[str]:
    """Lowercase words of a name or role, with rank abbreviations spelled out too."""
    words = {w.lower() for w in re.findall(r"\w+", text)}
    return frozenset(words | {_ABBREVIATIONS[w] for w in words if w in _ABBREVIATIONS})


@dataclass
class Source:
    """A speaker as the quote component reads it: a person, an unnamed source, a body or a
    document, by character range, with the words of its name and role."""

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


class QuoteReading(Protocol):
    """What the quote component knows of a document so far: the speakers before (with the
    position each spoke at), the sentences cut at line breaks, and its position lookups."""

    sources: list[tuple[int, Source]]
    segments: list[Span]
    seg_of: list[int]

    def sent_of(self, t: Token) -> Span: ...

    def tok(self, char: int) -> int: ...

    def in_quote(self, t: Token) -> bool: ...

    def actor_for(self, start: int, end: int) -> tuple[str | None, str | None]: ...


def _spans(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _pair(pair: tuple[int, int]) -> tuple[int, int]:
    return pair


class SpeakerResolver:
    """The people of one document as sources, and the earlier source a speaker phrase means.

    Args:
        doc: the document (its actor spans and named entities give the people).
        reading: the quote component's history of the document (:class:`QuoteReading`).
        gender: honorifics, given names and pronouns by gender.
        speech_verbs: the lemmas of speech verbs ("X would not comment" still speaks next).
    """

    def __init__(
        self, doc: Doc, reading: QuoteReading, gender: GenderData, speech_verbs: frozenset[str]
    ) -> None:
        self.doc = doc
        self.reading = reading
        self.gender = gender
        self.speech_verbs = speech_verbs
        self.persons = self._find_people()
        # position lookups: a scan of every span per question grows with the square of the text
        self.person_at = Intervals(self.persons, _spans)
        self.person_start_chars = [e.start_char for e in self.persons]
        self.described: dict[tuple[int, int], Source] = {}
        self.genders = PersonGenders(doc, gender, lambda i: reading.sent_of(doc[i]).start)

    def _find_people(self) -> list[Span]:
        """People: the NER's, and the actor spans that resolve to a person, by position."""
        doc = self.doc
        spans_ = list(doc.spans[ACTORS_KEY]) if ACTORS_KEY in doc.spans else []
        not_people = [
            s for s in spans_ if s._.actor is not None and s._.actor.actor_type != "person"
        ]
        not_people_at = Intervals(not_people, _spans)
        people = {
            (e.start, e.end): e
            for e in doc.ents
            if e.label_ == "PERSON"
            and not any(
                s.start <= e.start and e.end <= s.end
                for s in not_people_at.overlapping(e.start, e.end)
            )
        }
        named_people = Intervals(list(people), _pair)
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
        return [people[k] for k in sorted(people)]

    def complete_name(self, src: Source, pos: int) -> Source:
        """Take role and actor from an earlier, fuller mention of the same person."""
        last = re.findall(r"\w+", src.text)[-1].lower() if re.findall(r"\w+", src.text) else ""
        for _, old in reversed(self.reading.sources):
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

    def named_next(self, after: int) -> Source | None:
        """A description's person named as a subject in the next sentences (a news lede).

        "…, the chief of the National Guard Bureau said. Air Force Gen. Joseph L. Lengyel
        told reporters …": a definite description with no earlier referent introduces the
        person the following sentence names.
        """
        if not self.reading.segments:
            return None
        k = self.reading.seg_of[min(after, len(self.doc) - 1)]
        for seg in self.reading.segments[k + 1 : k + 3]:
            last = seg[-1].text
            if last not in {".", "!", "?"} and not (
                last in _MARKS and len(seg) > 1 and seg[-2].text in {".", "!", "?", ","}
            ):
                return None  # a headline or a dateline: the story has ended
            for e in self.person_at.starting_in(seg.start, seg.end):
                # the person the sentence opens with ("Air Force Gen. Joseph L. Lengyel told
                # reporters"), not one named after a quote of their own ('"We have never seen
                # this," said Chen Wei, a farmer')
                lead = self.doc[seg.start : e.start]
                opens = not (len(lead) and lead[0].text in _MARKS) and not any(
                    u.pos_ in ("VERB", "AUX") for u in lead
                )
                if opens and not self.reading.in_quote(e[0]):
                    t = e.root
                    while t.dep_ in {"compound", "conj", "appos", "flat"} and t.head.i != t.i:
                        t = t.head
                    if t.dep_ == "nsubj":
                        return self.describe_person(e)
        return None

    def describe_person(self, ent: Span) -> Source:
        """A person named outside any attribution, with titles before it as role.

        Each person is described once per document; every call returns a fresh copy.
        """
        known = self.described.get((ent.start, ent.end))
        if known is None:
            known = self.described[(ent.start, ent.end)] = self._describe_person(ent)
        return replace(known)

    def _describe_person(self, ent: Span) -> Source:
        doc = self.doc
        a = ent.start
        first = self.reading.sent_of(ent[0]).start
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
        actor_id, actor_name = self.reading.actor_for(ent.start_char, ent.end_char)
        words = name_words(ent.text + " " + (role or ""))
        return Source(
            ent.start_char,
            ent.end_char,
            ent.text,
            role=role,
            actor_id=actor_id,
            actor_name=actor_name,
            words=words,
        )

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
            if t.dep_ in NOT_HEAD_DEPS or t.head.i == t.i:
                return False
            t = t.head
        return False

    @staticmethod
    def is_subject(name: Span) -> bool:
        """Whether a name is (in apposition to) the subject of its clause."""
        t = name.root
        for _ in range(8):
            if t.dep_ in SUBJECT_DEPS:
                return True
            if t.dep_ not in NAME_DEPS or t.head.i == t.i:
                return False
            t = t.head
        return False

    def negated(self, name: Span) -> bool:
        """Whether a name is the subject of a negated clause ("X did not speak", "X was not
        there"): such a person is not the one a following "he said" quotes. A negated speech
        verb ("X would not comment on the talks") still makes X the one who speaks next."""
        t = name.root
        for _ in range(8):
            if t.dep_ in SUBJECT_DEPS:
                verb = t.head
                return verb.lemma_.lower() not in self.speech_verbs and any(
                    c.dep_ == "neg" for c in verb.children
                )
            if t.dep_ not in NAME_DEPS or t.head.i == t.i:
                return False
            t = t.head
        return False

    def person_gender(self, e: Span) -> str | None:
        """The gender a person's mention gives (:class:`~.genders.PersonGenders`)."""
        return self.genders.of(e.start, e.end, self._persons_before_token)

    def _persons_before_token(self, start: int) -> Iterator[tuple[int, int]]:
        for other in self.persons_before(self.doc[start].idx):
            yield other.start, other.end

    def source_gender(self, src: Source) -> str | None:
        """The gender of an earlier source: its person mention's, else its words'."""
        for e in self.person_at.overlapping(
            self.reading.tok(src.start), self.reading.tok(max(src.start, src.end - 1)) + 1
        ):
            return self.person_gender(e)
        return self.gender.of_words(re.findall(r"[\w.]+", f"{src.role or ''} {src.text}"))

    def person_at_char_overlaps(self, src: Source) -> bool:
        """Whether a source's text is a person's name (the people are candidates already)."""
        a, b = self.reading.tok(src.start), self.reading.tok(max(src.start, src.end - 1)) + 1
        return bool(self.person_at.overlapping(a, b))

    def resolve(
        self, word: str, pos: int, head: str | None, mods: tuple[str, ...] = ()
    ) -> Source | None:
        """The latest source before ``pos`` a pronoun or a definite description refers to.

        A description with modifiers ("the secretary of defense") prefers the latest source
        or person whose name and role hold all its words, before any holding its head only.
        """
        if head is not None and mods:
            # lazily: most descriptions match a recent source, and each person described
            # costs a walk over its sentence
            candidates = chain(
                (src for _, src in reversed(self.reading.sources)),
                (self.describe_person(e) for e in self.persons_before(pos)),
            )
            words = name_words(" ".join(mods))
            for cand in candidates:
                if head in cand.words and words <= cand.words:
                    return cand
            if len(words) > 2:
                return None  # "the assistant secretary of defense for Asian and Pacific
                # security affairs" is not the earlier "Defense Secretary James N. Mattis"
        for _, src in reversed(self.reading.sources):
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

    def resolve_personal(self, word: str, pos: int) -> Source | None:
        """The person "he" or "she" at ``pos`` refers to, by gender and salience.

        The candidates are the people named before ``pos`` outside quotes (quoted or not) and
        the earlier unnamed sources ("a police spokeswoman"); those whose gender disagrees
        are skipped. Of the latest sentence that holds a candidate, its subject wins ("Brandt
        said she was sorry for Kovac. '…,' she said" is Brandt), else the latest mention.
        Returns None when nobody agrees (the caller falls back to the latest source).
        """
        wanted = self.gender.pronouns.get(word)
        best: tuple[bool, int, bool, bool, int] | None = None
        pick: Source | Span | None = None
        speakers = [src for _, src in self.reading.sources if src.start < pos]
        spoken = Intervals([(x.start, x.end) for x in speakers], _pair)
        for n, e in enumerate(self.persons_before(pos)):
            if (
                n > 40
                or self.reading.in_quote(e[0])
                or in_ignored(self.doc, e.start_char, e.end_char)
            ):
                continue
            if e[0].pos_ in {"PRON", "DET"}:
                continue  # a pronoun the actors component resolved: its referent is here too
            if self.reading.seg_of[e.start] < self.reading.seg_of[self.reading.tok(pos)] - 8:
                break
            g = self.person_gender(e)
            if wanted and g and g != wanted:
                continue
            subject = self.is_subject(e) or bool(spoken.overlapping(e.start_char, e.end_char))
            # the subject itself before a name hung on it ("Air Force" tagged as a name in
            # "Air Force Maj. Gen. Pat Ryder"), then the first subject of the sentence
            direct = subject and e.root.dep_ in SUBJECT_DEPS
            pos_rank = -e.start_char if subject else e.start_char
            # "Soleimani was not there. '…,' he said": the subject of a negated clause comes
            # after everyone else (but "X would not comment. '…,' she said" still finds X)
            rank = (not self.negated(e), self.reading.seg_of[e.start], subject, direct, pos_rank)
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
            seg = self.reading.seg_of[self.reading.tok(src.start)]
            rank = (True, seg, True, True, -src.start)
            if best is None or rank > best:
                best, pick = rank, src
        if pick is None:
            return None
        if isinstance(pick, Source):
            return replace(pick)
        return self.complete_name(self.describe_person(pick), pos)

    def resolve_organisation(self, head: str, pos: int) -> Source | None:
        """The body "the company", "the agency" or "the paper" at ``pos`` refers to.

        An earlier source or organisation whose name holds the word wins ("the agency" is the
        Food Safety Agency), else the latest organisation named as a subject in the last few
        sentences ("Crestline denied the claims. '…,' the company said").
        """
        doc = self.doc
        for _, src in reversed(self.reading.sources):
            if src.start < pos and head in src.words and not self.person_at_char_overlaps(src):
                if src.document or src.anonymous or not src.text[:1].isupper():
                    continue
                return replace(src)
        here = self.reading.seg_of[self.reading.tok(pos)]
        orgs = [
            e
            for e in doc.ents
            if e.label_ in {"ORG", "NORP", "WORK_OF_ART", "FAC"}
            and e.end_char <= pos
            and here - 6 <= self.reading.seg_of[e.start] <= here
            and not self.reading.in_quote(e[0])
            and not self.person_at.overlapping(e.start, e.end)  # "Frey" tagged ORG once
        ]
        stem = head[:-1] if head.endswith("s") else head
        named = [e for e in orgs if any(w.lower_.startswith(stem[:6]) for w in e)]
        subjects = [e for e in orgs if e.label_ != "NORP" and self.is_subject(e)]
        for e in (named or subjects)[-1:]:
            src = Source(e.start_char, e.end_char, e.text)
            src.words = name_words(e.text)
            src.actor_id, src.actor_name = self.reading.actor_for(e.start_char, e.end_char)
            return src
        return None
