"""The words around mentions that the relations read as actors: agent nouns, the part of a
state they name, and demonyms left inside hyphenated compounds.

The actor component is the only one that asks the knowledge base; these readings are what
the relation constructions need besides the mention spans, written on the document as
``doc._.agent_words`` (an :class:`~allegiance.nlp.extensions.AgentWords`):

* agent nouns: "advisers", "troops", "militiamen" (``agents.yaml``);
* parts: the part of each state or community mentioned that an agent noun of the document
  names ("Iraqi and Kurdish forces": the forces of Iraq are Iraq's military);
* inner actors: a demonym or name right before a hyphen that no mention covers
  ("Iranian-backed militias", "Saudi-led coalition", "Kremlin-funded outlets").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from ..extensions import ActorRef, AgentWords
from ._base import _RecognizerBase

#: the actor types whose agent nouns name one of their parts (an organisation's fighters are
#: the organisation itself)
_WHOLES = frozenset({"state", "ethnic_group", "religious_group"})
_HYPHENS = frozenset({"-", "–"})


class _AgentWordsMixin(_RecognizerBase):
    """Reads a document's agent nouns, the parts they name and the actors inside compounds."""

    def _agent_words(self, doc: Doc, spans: Sequence[Span]) -> AgentWords:
        nouns = frozenset(t.i for t in doc if self.agents.classify(t.text) is not None)
        wholes = {
            s._.actor.actor_id for s in spans if s._.actor and s._.actor.actor_type in _WHOLES
        }
        parts: dict[tuple[str, str], ActorRef] = {}
        for word in {doc[i].lower_ for i in nouns}:
            for whole in wholes:
                sub = self.kb.sub_actor(whole, word)
                if sub is not None and sub.id != whole:
                    parts[(whole, word)] = self.kb_ref(sub, "kb", 1.0)
        covered = {i for s in spans for i in range(s.start, s.end)}
        inner: dict[int, ActorRef] = {}
        for tok in doc[:-1]:
            if tok.i in covered or doc[tok.i + 1].text not in _HYPHENS:
                continue
            actor = self.kb.lookup_adjective(tok.text) or self.kb.lookup(tok.text)
            if actor is not None:
                inner[tok.i] = self.kb_ref(actor, "kb", 0.9)
        return AgentWords(nouns, parts, inner)
