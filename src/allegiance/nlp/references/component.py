"""The spaCy component ``allegiance_references``: the one owner of references in a document.

It runs after ``allegiance_actors`` and before quotes and relations, and resolves, once per
document, every short reference the actor component left: surnames after a full name and
acronyms defined in the text (:mod:`.surnames`), pronouns and definite descriptions
(:mod:`.anaphora`: "the group", "the regime", the editorial and quoted "we", the author's
"I"), and then the pronouns and descriptions a relation may take as an argument that the
stricter pass leaves open (:mod:`.resolver`). Its answers are actor spans in
``doc.spans["actors"]`` with ``resolved_by == "coref"``; quotes and relations read them and do
not resolve on their own.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...lexicon.references import ReferenceData, load_references
from ..actors.component import FACTORY as ACTORS_FACTORY
from ..actors.component import ActorRecognizer
from ..actors.mentions import _Cand
from ..extensions import (
    ACTORS_KEY,
    ARGUMENT_REFERENCES_KEY,
    TEXT_SOURCES_KEY,
    coref_ref,
    in_ignored,
    register_extensions,
)
from .anaphora import Anaphora
from .binding import controllers
from .kinds import rebind_kinds, rebind_sectors
from .resolver import Resolver
from .surnames import Surnames

__all__ = ["ARGUMENT_REFERENCE", "FACTORY", "ReferenceResolver", "make_reference_resolver"]

FACTORY = "allegiance_references"
#: the ``span.id_`` of a reference resolved by the looser argument rules: a relation that
#: takes it as an argument trusts it less than a named mention
ARGUMENT_REFERENCE = "argument_reference"


@Language.factory(
    FACTORY,
    default_config={"reference_paths": [], "argument_references": True},
    assigns=["doc.spans"],
    requires=["doc.spans", "token.dep"],
)
def make_reference_resolver(
    nlp: Language, name: str, reference_paths: list[str], argument_references: bool
) -> ReferenceResolver:
    """The references component (``allegiance.references.v1``); it needs ``allegiance_actors``
    earlier in the pipeline, whose knowledge base it shares."""
    return ReferenceResolver(
        nlp, name, reference_paths=reference_paths, argument_references=argument_references
    )


class ReferenceResolver:
    """Resolves a document's short references to the actors its mentions name.

    Args:
        nlp: the pipeline; its ``allegiance_actors`` component supplies the knowledge base.
        name: the component name.
        reference_paths: user files in the format of ``lexicon/data/references.yaml``.
        argument_references: also resolve, by the looser rules of :class:`.Resolver`, the
            pronouns and descriptions the strict pass leaves open (they may be relation
            arguments).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        *,
        reference_paths: Iterable[str] = (),
        argument_references: bool = True,
    ) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.reference_paths = [str(p) for p in reference_paths]
        self.argument_references = bool(argument_references)
        self.data: ReferenceData = load_references(tuple(self.reference_paths))

    def _recognizer(self) -> ActorRecognizer:
        return actor_recognizer(self.nlp, self.name)

    def __call__(self, doc: Doc) -> Doc:
        if ACTORS_KEY not in doc.spans:
            return doc
        rec = self._recognizer()
        spans = [s for s in doc.spans[ACTORS_KEY] if s._.actor is not None]
        taken = [False] * len(doc)
        for span in (*spans, *doc.spans.get(TEXT_SOURCES_KEY, ())):
            for i in range(span.start, span.end):
                taken[i] = True
        chosen = [_cand_of(s) for s in spans]
        surnames = Surnames(rec, doc)
        surnames.collect(chosen)
        surnames.relink(chosen)
        if doc.has_annotation("SENT_START"):
            rebind_kinds(doc, chosen, self.data.descriptions)
            rebind_sectors(doc, chosen, rec.kb)
        out = surnames.bare(taken)
        if doc.has_annotation("SENT_START"):
            mentions = sorted([*chosen, *out], key=lambda c: c.start)
            out.extend(Anaphora(rec, doc, mentions, taken, self.data).run())
        found: list[Span] = []
        for cand in sorted([*chosen, *out], key=lambda c: c.start):
            span = Span(doc, cand.start, cand.end, label=cand.type, kb_id=cand.actor_id)
            if in_ignored(doc, span.start_char, span.end_char):
                continue
            span._.actor = rec.actor_ref(cand)
            found.append(span)
        doc.spans[ACTORS_KEY] = found
        if self.argument_references and doc.has_annotation("SENT_START"):
            doc.spans[ARGUMENT_REFERENCES_KEY] = self._argument_references(doc, found)
        return doc

    def _argument_references(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """The pronouns and descriptions still open, by the looser rules relation arguments
        read them with ("they" after a coordination, "enemy fighters", "its" in a clause
        controlled by the one asked to act); one span per antecedent, kept apart from the
        mentions until an argument takes it (:data:`ARGUMENT_REFERENCES_KEY`)."""
        covered = [False] * len(doc)
        for span in spans:
            for i in range(span.start, span.end):
                covered[i] = True
        resolver = Resolver(doc, spans, self.data)
        controlled_only = self.data.family("argument_controlled_only")
        extra: list[Span] = []
        for tok in doc:
            if covered[tok.i]:
                continue
            # "it" away from a subject or a controller is a thing ("commanding it"); "its"
            # follows only an actor of its own sentence ("Egypt repeated its demand")
            local = (
                tok.lower_ in controlled_only
                and tok.dep_ not in ("nsubj", "nsubjpass")
                and not controllers(tok)
            )
            if local and tok.dep_ != "poss":
                continue
            ref = resolver.reference_span(tok)
            if ref is None:
                continue
            if any(covered[i] for i in range(ref.start, ref.end)):
                continue  # "the autonomous Azerbaijani republic" names its own modifier's actor
            antecedents = resolver.resolve(tok)
            if local:
                antecedents = [a for a in antecedents if a.span.sent == tok.sent]
            for actor in (ante.actor for ante in antecedents):
                span = Span(doc, ref.start, ref.end, label=actor.actor_type,
                            kb_id=actor.actor_id, span_id=ARGUMENT_REFERENCE)  # fmt: skip
                if in_ignored(doc, span.start_char, span.end_char):
                    continue
                span._.actor = coref_ref(actor)
                extra.append(span)
        return extra


def actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
    """The pipeline's actor component, whose knowledge base the references components share."""
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, ActorRecognizer):
            return pipe
    raise ValueError(f"{name} needs {ACTORS_FACTORY} earlier in the pipeline")


def _cand_of(span: Span) -> _Cand:
    ref = span._.actor
    return _Cand(span.start, span.end, ref.actor_id, ref.resolved_by, ref.confidence,
                 ref.resolved_by, ref.actor_name, ref.actor_type)  # fmt: skip
