"""What constructions produce: arguments and candidate relations."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...lexicon.triggers import Trigger
from ..extensions import ActorRef

__all__ = ["Arg", "Candidate"]


@dataclass(frozen=True, slots=True)
class Arg:
    """A relation argument: the span as written and the actor it denotes."""

    start: int  # token offsets
    end: int
    actor: ActorRef
    via_reference: bool = False

    def key(self) -> tuple[str, int]:
        return (self.actor.actor_id, self.start)


@dataclass(slots=True)
class Candidate:
    """A relation one construction read off the parse, before selection."""

    source: Arg
    target: Arg
    trigger: Trigger
    trigger_start: int
    trigger_end: int
    anchor: Token  # the token whose clause carries the relation's modality
    confidence: float
    symmetric: bool
    rank: int  # lower wins when two candidates relate the same pair in a sentence
    construction: str = ""  # the registered name of the construction that made it
