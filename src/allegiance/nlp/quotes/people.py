"""People named in the text: their description, fuller mentions, gender and place in a clause."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ._base import (
    _NAME_DEPS,
    _NOT_HEAD_DEPS,
    _SUBJECT_DEPS,
    _RunBase,
    _Source,
    _words,
)
from .marks import _MARKS, _STRIP


class _People(_RunBase):
    """The people of a document as sources: described once, completed from fuller mentions."""

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

    def person_at_char_overlaps(self, src: _Source) -> bool:
        """Whether a source's text is a person's name (the people are candidates already)."""
        a, b = self.tok(src.start), self.tok(max(src.start, src.end - 1)) + 1
        return bool(self.person_at.overlapping(a, b))
