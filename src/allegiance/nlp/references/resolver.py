"""Resolving pronouns and definite descriptions to actors named earlier in the document.

A light, rule-based resolver for relation arguments ("they", "the group", "the militias",
"the enemy"): the most recent earlier actor mention of a compatible type, within a window of
sentences, that is not one of the other arguments of the same relation.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...lexicon.references import ReferenceData
from ..extensions import ActorRef
from .binding import controllers, local_kind

__all__ = ["Antecedent", "MentionIndex", "Resolver"]


@dataclass(frozen=True, slots=True)
class Antecedent:
    """An actor mention that a reference resolves to."""

    span: Span
    actor: ActorRef


class MentionIndex:
    """One document's actor mentions in order, with the questions about references that
    need no resolving: whether a token heads one, where its sentence window starts, and
    which mentions are coordinated with a mention."""

    def __init__(self, doc: Doc, spans: Iterable[Span], data: ReferenceData) -> None:
        self.doc = doc
        self.data = data
        self.spans = sorted((s for s in spans if s._.actor is not None), key=lambda s: s.start)
        self._ends = [s.end for s in self.spans]
        self._sent_starts = sorted(s.start for s in doc.sents)
        self._covered: frozenset[int] | None = None

    def reference_span(self, token: Token) -> Span | None:
        """The span of a pronoun or definite description headed by ``token``, if it is one."""
        low = token.lower_
        if token.pos_ == "PRON" and low in self.data.pronouns:
            return self.doc[token.i : token.i + 1]
        if token.pos_ in ("NOUN", "PROPN") and low in self.data.descriptions:
            if token.i + 1 < len(self.doc) and self._in_mention(token.i + 1):
                return None  # "the militant group Hamas", "the rebel group M23": the name's
            dets = [c for c in token.children if c.dep_ == "det"]
            if dets and dets[0].lower_ in self.data.definite:
                return self.doc[min(dets[0].i, token.i) : token.i + 1]
            mod = self._modifier(token)
            if mod is not None:
                return self.doc[mod.i : token.i + 1]
        return None

    def _modifier(self, token: Token) -> Token | None:
        """A modifier that makes a bare description refer back ("enemy fighters")."""
        for child in token.children:
            if child.dep_ in ("compound", "amod") and child.lower_ in self.data.modifiers:
                return child
        return None

    def _in_mention(self, i: int) -> bool:
        if self._covered is None:
            first_person = self.data.first_person
            self._covered = frozenset(
                j
                for s in self.spans
                if not (s.root.pos_ == "PRON" and s.root.lower_ in first_person)
                for j in range(s.start, s.end)
            )
        return i in self._covered

    def window_start(self, token: Token) -> int:
        """The first token of the sentence window in which ``token`` looks back."""
        idx = bisect_left(self._sent_starts, token.sent.start)
        first = max(0, idx - self.data.window_sentences)
        return self._sent_starts[first] if self._sent_starts else 0

    def conjuncts(self, span: Span) -> list[Antecedent]:
        """Every actor coordinated with an antecedent ("the US and Iran ... they")."""
        out: list[Antecedent] = []
        root = span.root
        heads = [root.head] if root.dep_ == "conj" else []
        for tok in [*heads, *root.conjuncts]:
            for other in self.spans:
                if other.start <= tok.i < other.end and other != span:
                    out.append(Antecedent(other, other._.actor))
        return out


class Resolver(MentionIndex):
    """Resolves references in one document against its actor mentions (used only by the
    references component, :mod:`.component`)."""

    def resolve(self, token: Token, *, exclude: frozenset[str] = frozenset()) -> list[Antecedent]:
        """Antecedent actors of the reference headed by ``token`` (several for "they" when the
        antecedent is a coordination such as "the US and Iran"); empty when none fits."""
        low = token.lower_
        if token.pos_ == "PRON":
            types = self.data.pronouns.get(low)
        else:
            types = self.data.descriptions.get(low)
            mod = self._modifier(token)
            if mod is not None and mod.lower_ in self.data.descriptions:
                types = self.data.descriptions[mod.lower_]  # "enemy fighters": the enemy's
        if not types:
            return []
        if low == "it" and any(
            c.dep_ == "acomp" and c.lower_ in self.data.expletive_predicates
            for c in token.head.children
        ):
            return []  # "it is crucial in turning the tide": a thing or nothing, not an actor
        if low in self.data.family("controllable"):
            # "called on Russia to stop its bombing": the one asked to act
            for ctl in controllers(token):
                for span in self.spans:
                    if span.start <= ctl.i < span.end and span.end <= token.i:
                        ref: ActorRef = span._.actor
                        if ref.actor_type in types and ref.actor_id not in exclude:
                            return [Antecedent(span, ref)]
        i = bisect_left(self._ends, token.i + 1) - 1
        we, first_person = self.data.family("we"), self.data.first_person
        if low in we:
            # "we" keeps the side an earlier "we" of the document was resolved to
            for k in range(i, -1, -1):
                span = self.spans[k]
                root = span.root
                if span.end <= token.i and root.pos_ == "PRON" and root.lower_ in we:
                    if span._.actor.actor_id not in exclude:
                        return [Antecedent(span, span._.actor)]
                    break
        # "we" in an official statement is the speaking government, named anywhere before
        lower_bound = 0 if low in we else self.window_start(token)
        best: Span | None = None
        while i >= 0:
            span = self.spans[i]
            i -= 1
            if span.start < lower_bound:
                break
            if span.end > token.i:
                continue
            actor: ActorRef = span._.actor
            if actor.actor_type not in types or actor.actor_id in exclude:
                continue
            if (
                low not in first_person
                and span.root.pos_ == "PRON"
                and span.root.lower_ in first_person
            ):
                continue  # "they" is never "we" (but may be the US)
            if best is not None and span.sent != best.sent:
                break
            if best is None:
                best = span
            # within the nearest sentence that offers one, a subject is the likelier antecedent
            if span.root.dep_ in ("nsubj", "nsubjpass") and best.root.dep_ not in (
                "nsubj",
                "nsubjpass",
            ):
                best = span
        if best is None or (
            low in self.data.family("it") and best.root.dep_ not in ("nsubj", "nsubjpass")
        ):
            return []  # "it" too often means a thing: only follow a subject
        found = [Antecedent(best, best._.actor)]
        if low in self.data.family("they"):
            found.extend(self.conjuncts(best))
            kind = local_kind(token, self.data.descriptions, self._in_mention)
            if kind is not None:
                found = [a for a in found if a.actor.actor_type in kind]
        return found
