"""Resolving pronouns and definite descriptions to actors named earlier in the document.

A light, rule-based resolver for relation arguments ("they", "the group", "the militias",
"the enemy"): the most recent earlier actor mention of a compatible type, within a window of
sentences, that is not one of the other arguments of the same relation.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..errors import LexiconError
from ..lexicon.io import read_mapping, word_list
from .extensions import ActorRef

__all__ = [
    "ReferenceData",
    "Resolver",
    "controlling_objects",
    "definite_determiners",
    "load_references",
    "pronouns",
]

DEFAULT_REFERENCES = Path(__file__).resolve().parents[1] / "lexicon" / "data" / "references.yaml"


def controlling_objects(clause: Token) -> list[Token]:
    """The objects of the predicate an infinitive or participial ``clause`` hangs from, named
    before it: who is asked or made to act ("urged Russia to stop", "called on the regime to
    end", "urged him to press")."""
    head = clause.head
    out = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.i < clause.i]
    out.extend(
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "on" and c.i < clause.i
        for g in c.children
        if g.dep_ == "pobj"
    )
    return out


def _controllers(token: Token) -> list[Token]:
    """The object that controls the infinitive clause a pronoun sits in ("urged Russia to
    stop its bombing", "called on the regime to end its attacks")."""
    verb, hops = token.head, 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and hops < 4:
        verb, hops = verb.head, hops + 1
    if verb.dep_ not in ("xcomp", "advcl", "ccomp") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return []
    return controlling_objects(verb)


@dataclass(frozen=True)
class ReferenceData:
    """Which actor types each pronoun or description may refer to."""

    pronouns: dict[str, frozenset[str]]
    descriptions: dict[str, frozenset[str]]
    event_agents: frozenset[str]
    window_sentences: int = 3
    modifiers: frozenset[str] = frozenset()
    expletive_predicates: frozenset[str] = frozenset()
    #: pronoun families by name ("we", "they", "speaker", "person", "controllable", ...)
    pronoun_sets: dict[str, frozenset[str]] = field(default_factory=dict)
    definite: frozenset[str] = frozenset()

    def family(self, name: str) -> frozenset[str]:
        """The pronouns of one family of ``pronoun_sets`` (empty when the data names none)."""
        return self.pronoun_sets.get(name, frozenset())

    @property
    def first_person(self) -> frozenset[str]:
        """The speaker, the speaker's side and the one addressed: never a "they"."""
        return self.family("speaker") | self.family("we") | self.family("addressee")


def pronouns(name: str) -> frozenset[str]:
    """One pronoun family of the bundled references.yaml (``pronouns("we")``), for the
    components that read pronouns without a resolver (actors, quotes)."""
    return load_references().family(name)


def definite_determiners() -> frozenset[str]:
    """The determiners that make a noun phrase refer back, from the bundled references.yaml."""
    return load_references().definite


@lru_cache(maxsize=4)
def load_references(paths: tuple[str, ...] = ()) -> ReferenceData:
    """Load the bundled reference data and user files over it."""
    pronouns: dict[str, frozenset[str]] = {}
    descriptions: dict[str, frozenset[str]] = {}
    agents: set[str] = set()
    modifiers: set[str] = set()
    expletive: set[str] = set()
    sets: dict[str, frozenset[str]] = {}
    definite: frozenset[str] = frozenset()
    window = 3
    for path in (DEFAULT_REFERENCES, *map(Path, paths)):
        data = read_mapping(path)
        window = int(data.get("window_sentences", window))
        for key, types in (data.get("pronouns") or {}).items():
            pronouns[str(key).lower()] = frozenset(types or ())
        for key, types in (data.get("descriptions") or {}).items():
            descriptions[str(key).lower()] = frozenset(types or ())
        agents.update(word_list(data.get("event_agents"), path, "event_agents"))
        modifiers.update(word_list(data.get("modifiers"), path, "modifiers"))
        expletive.update(word_list(data.get("expletive_predicates"), path, "expletive_predicates"))
        families = data.get("pronoun_sets") or {}
        if not isinstance(families, dict):
            raise LexiconError(f"{path}: pronoun_sets must map a family name to a list of words")
        for key, words in families.items():
            sets[str(key)] = frozenset(word_list(words, path, f"pronoun_sets.{key}"))
        if "definite_determiners" in data:
            definite = frozenset(
                word_list(data.get("definite_determiners"), path, "definite_determiners")
            )
    return ReferenceData(
        pronouns,
        descriptions,
        frozenset(agents),
        window,
        frozenset(modifiers),
        frozenset(expletive),
        sets,
        definite,
    )


@dataclass(frozen=True, slots=True)
class Antecedent:
    """An actor mention that a reference resolves to."""

    span: Span
    actor: ActorRef


class Resolver:
    """Resolves references in one document against its actor mentions."""

    def __init__(self, doc: Doc, spans: Iterable[Span], data: ReferenceData) -> None:
        self.doc = doc
        self.data = data
        self.spans = sorted((s for s in spans if s._.actor is not None), key=lambda s: s.start)
        self._ends = [s.end for s in self.spans]
        self._sent_starts = sorted(s.start for s in doc.sents)

    def reference_span(self, token: Token) -> Span | None:
        """The span of a pronoun or definite description headed by ``token``, if it is one."""
        low = token.lower_
        if token.pos_ == "PRON" and low in self.data.pronouns:
            return self.doc[token.i : token.i + 1]
        if token.pos_ in ("NOUN", "PROPN") and low in self.data.descriptions:
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

    def window_start(self, token: Token) -> int:
        """The first token of the sentence window in which ``token`` looks back."""
        idx = bisect_left(self._sent_starts, token.sent.start)
        first = max(0, idx - self.data.window_sentences)
        return self._sent_starts[first] if self._sent_starts else 0

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
            for ctl in _controllers(token):
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
        return found

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
