"""Actor facts for the comparison from the actor knowledge base (``--kb``).

The comparison needs an actor's name, type, parent and country (for roll-up and for the
affiliation of quoted sources). The mention records carry them; the KB (bundled data plus a
user's files) can correct and complete them, e.g. for the parents of a quoted person.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from .outlets import ActorInfo

if TYPE_CHECKING:
    from ..kb import ActorKB

__all__ = ["KBActors"]


class KBActors(Mapping[str, ActorInfo]):
    """A read-only view of an :class:`~allegiance.kb.ActorKB` as actor id -> ActorInfo.

    >>> from allegiance.kb import ActorKB
    >>> KBActors(ActorKB.load())["USA.MIL"].actor_type
    'military'
    """

    def __init__(self, kb: ActorKB) -> None:
        self._kb = kb

    def __getitem__(self, actor_id: str) -> ActorInfo:
        actor = self._kb.get(actor_id)
        if actor is None:
            raise KeyError(actor_id)
        return ActorInfo(
            name=actor.name,
            actor_type=actor.type,
            parent_id=actor.parent or actor.affiliation,
            country=actor.country,
        )

    def __iter__(self) -> Iterator[str]:
        return (actor.id for actor in self._kb)

    def __len__(self) -> int:
        return len(self._kb)
