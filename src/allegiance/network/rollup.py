"""The one roll-up of actor ids: the knowledge base's level, after the corpus merges.

Every output (the network, the bundle, the outlet comparison, ``allegiance network`` and
``allegiance compare``) maps actor ids to nodes with :func:`actor_rollup`, so a tie is the
same pair wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..errors import AnalysisError

__all__ = ["LEVELS", "actor_rollup"]

#: roll-up levels: the actor itself, its parent organisation, its country
LEVELS = ("actor", "parent", "country")


def actor_rollup(
    records: Iterable[Any],
    *,
    level: str = "actor",
    kb_paths: Iterable[str] = (),
    kb: Any = None,
) -> Callable[[str], str] | None:
    """The function that maps an actor id to its node, or None when it is the identity.

    Names chained across the corpus (a surname, a defined name: :func:`allegiance.kb.merge.
    corpus_merges`) become one actor first; then ``level`` rolls actors up the knowledge base.

    Args:
        records: the corpus's records (only mentions are read).
        level: "actor", "parent" or "country".
        kb_paths: the user's knowledge-base files.
        kb: a loaded :class:`~allegiance.kb.ActorKB` (loaded from ``kb_paths`` when None).

    Example:
        >>> roll = actor_rollup([], level="country")
        >>> roll("IRQ.MIL")
        'IRQ'
    """
    from ..kb import ActorKB
    from ..kb.merge import corpus_merges, merged_rollup

    if level not in LEVELS:
        raise AnalysisError(f"level {level!r} is not one of {', '.join(LEVELS)}")
    kb = kb if kb is not None else ActorKB.load(list(kb_paths))
    rollup: Callable[[str], str] | None = None
    if level != "actor":

        def rollup(actor_id: str) -> str:
            return str(kb.roll_up(actor_id, level))

    return merged_rollup(corpus_merges(records, kb), rollup)
