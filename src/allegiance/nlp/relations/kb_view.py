"""The only questions the relation constructions ask the knowledge base, in one place.

Argument reading itself (:mod:`.arguments`) works on the actor spans the actor component
made; these few lookups are what is left of knowledge-base access in the relations package
(the design's goal is to have the actor component answer them as mentions):

* :func:`is_agent_noun`: "advisers", "troops" name agents (``agents.yaml``);
* :func:`sub_actor`: the part of a state an agent noun names ("Iraqi ... forces": Iraq's
  military);
* :func:`demonym_actor`: a demonym the actor layer left inside a compound ("Iranian-backed").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extensions import ActorRef

if TYPE_CHECKING:
    from ...kb import ActorKB
    from ...kb.store import Actor

__all__ = ["actor_ref", "demonym_actor", "is_agent_noun", "sub_actor"]


def actor_ref(actor: Actor, resolved_by: str, confidence: float) -> ActorRef:
    """The mention-level reference to a knowledge-base actor."""
    return ActorRef(
        actor.id, actor.name, actor.type, actor.country, actor.parent, resolved_by, confidence
    )


def is_agent_noun(kb: ActorKB, word: str) -> bool:
    """Whether a noun names an agent ("advisers", "troops", "militiamen")."""
    return kb.agents.classify(word) is not None


def sub_actor(kb: ActorKB, actor: ActorRef, head: str) -> ActorRef | None:
    """The part of a state or community an agent noun names, if the KB has one."""
    sub = kb.sub_actor(actor.actor_id, head)
    if sub is None or sub.id == actor.actor_id:
        return None
    return actor_ref(sub, "kb", actor.confidence)


def demonym_actor(kb: ActorKB, word: str) -> ActorRef | None:
    """The actor of a demonym or name left inside a larger phrase ("Iranian-backed")."""
    actor = kb.lookup_adjective(word) or kb.lookup(word)
    return None if actor is None else actor_ref(actor, "kb", 0.9)
