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
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...lexicon.references import ReferenceData, load_references
from ..actors.component import FACTORY as ACTORS_FACTORY
from ..actors.component import ActorRecognizer
from ..actors.mentions import _Cand
from ..extensions import (
    ACTORS_KEY,
    TEXT_SOURCES_KEY,
    ActorRef,
    in_ignored,
    register_extensions,
)
from .anaphora import Anaphora
from .resolver import Resolver
from .surnames import Surnames

__all__ = ["FACTORY", "ReferenceResolver", "make_reference_resolver"]

FACTORY = "allegiance_references"


@Language.factory(
    FACTORY,
    default_config={"reference_paths": [], "argument_references": False},
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
        for _, pipe in self.nlp.pipeline:
            if isinstance(pipe, ActorRecognizer):
                return pipe
        raise ValueError(f"{self.name} needs {ACTORS_FACTORY} earlier in the pipeline")

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
        if self.argument_references and doc.has_annotation("SENT_START"):
            found = self._argument_references(doc, found)
        doc.spans[ACTORS_KEY] = found
        return doc

    def _argument_references(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """The pronouns and descriptions still open, by the looser rules relation arguments
        read them with ("they" after a coordination, "enemy fighters", "its" in a clause
        controlled by the one asked to act); each antecedent is a mention of its own."""
        covered = [False] * len(doc)
        for span in spans:
            for i in range(span.start, span.end):
                covered[i] = True
        resolver = Resolver(doc, spans, self.data)
        extra: list[Span] = []
        for tok in doc:
            if covered[tok.i]:
                continue
            ref = resolver.reference_span(tok)
            if ref is None or any(covered[i] for i in range(ref.start, ref.end)):
                continue
            for ante in resolver.resolve(tok):
                span = Span(doc, ref.start, ref.end, label=ante.actor.actor_type,
                            kb_id=ante.actor.actor_id)  # fmt: skip
                if in_ignored(doc, span.start_char, span.end_char):
                    continue
                span._.actor = _coref_ref(ante.actor)
                extra.append(span)
        if not extra:
            return spans
        return sorted([*spans, *extra], key=lambda s: s.start)


def _cand_of(span: Span) -> _Cand:
    ref = span._.actor
    return _Cand(span.start, span.end, ref.actor_id, ref.resolved_by, ref.confidence,
                 ref.resolved_by, ref.actor_name, ref.actor_type)  # fmt: skip


def _coref_ref(actor: ActorRef) -> ActorRef:
    """The reference to an antecedent's actor, trusted half as much as the antecedent."""
    return replace(actor, resolved_by="coref", confidence=round(0.5 * actor.confidence, 3))
