"""Every actor argument of a record names the mention record its actor is read from.

The relation and quote components make each argument that names an actor a mention
(:func:`allegiance.nlp.extensions.adopt_arguments`); :class:`MentionLinks` then writes the
mention's id on the argument (``ActorArg.mention_id``) when the records are built, so a reader
can go from any relation, speaker or reporting source to the mention and its actor record.
"""

from __future__ import annotations

from ..schema import Act, ActorArg, Mention, Quote, Relation

__all__ = ["MentionLinks"]


class MentionLinks:
    """Names, on each argument of a record, the mention record its actor is read from."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.by_actor: dict[str, list[Mention]] = {}
        for m in mentions:
            self.by_actor.setdefault(m.actor_id, []).append(m)

    def mention_id(self, arg: ActorArg) -> str | None:
        """The mention at the argument's words, inside or around them, else the latest
        earlier mention of its actor (an implicit agent), else its first later one."""
        same = self.by_actor.get(arg.actor_id or "", [])
        if not same:
            return None
        exact = [m for m in same if (m.start, m.end) == (arg.start, arg.end)]
        nested = [
            m
            for m in same
            if (arg.start <= m.start and m.end <= arg.end)
            or (m.start <= arg.start and arg.end <= m.end)
        ]
        before = [m for m in same if m.end <= arg.start]
        pick = (exact or nested or before[-1:] or same)[0]
        return pick.id

    def arg(self, arg: ActorArg | None) -> ActorArg | None:
        if arg is None or arg.actor_id is None:
            return arg
        return arg.model_copy(update={"mention_id": self.mention_id(arg)})

    def relation(self, rel: Relation) -> Relation:
        return rel.model_copy(
            update={
                "source": self.arg(rel.source),
                "target": self.arg(rel.target),
                "attributed_to": self.arg(rel.attributed_to),
            }
        )

    def act(self, act: Act) -> Act:
        return act.model_copy(
            update={"source": self.arg(act.source), "attributed_to": self.arg(act.attributed_to)}
        )

    def quote(self, quote: Quote) -> Quote:
        update = {"speaker": self.arg(quote.speaker)}
        if quote.reporting_source is not None:
            update["reporting_source"] = self.arg(quote.reporting_source)
        return quote.model_copy(update=update)
