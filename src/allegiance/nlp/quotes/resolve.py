"""Resolution: the earlier source a pronoun, a description or "the company" refers to."""

from __future__ import annotations

from dataclasses import replace
from itertools import chain

from spacy.tokens import Span

from ..extensions import in_ignored
from ..intervals import Intervals
from ._base import _SUBJECT_DEPS, _pair_bounds, _Source, _words
from .people import _People


class _Resolve(_People):
    """Pronouns and definite descriptions resolved to the sources and people before them."""

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
