"""One document's run: argument state plus the candidate makers constructions call."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ...lexicon.triggers import Trigger
from .arguments import Arguments
from .candidates import Arg, Candidate

__all__ = ["DocRun"]


class DocRun(Arguments):
    """The state of one document's extraction, handed to every construction."""

    def enabled(self, name: str) -> bool:
        """Whether the construction (or reading) of that registered name is switched on."""
        return name not in self.c.disabled

    def pairs(
        self,
        sources: list[Arg],
        targets: list[Arg],
        trig: Trigger,
        start: int,
        end: int,
        anchor: Token,
        conf: float,
        rank: int,
        *,
        construction: str,
        symmetric: bool | None = None,
    ) -> Iterator[Candidate]:
        """A candidate for every source and target that are not the same actor or span;
        hostile acts are remembered (who attacked whom, and how often) for unnamed assets."""
        sym = trig.symmetric if symmetric is None else symmetric
        if trig.reverse:
            sources, targets = targets, sources
        hostile = self.is_hostile(trig)
        for s in sources:
            for t in targets:
                if s.actor.actor_id == t.actor.actor_id or (s.start < t.end and t.start < s.end):
                    continue
                if hostile and not t.via_reference:
                    self.enemy_of[s.actor.actor_id] = (t.actor, t.start)
                    for a in (s, t):
                        n = self.hostile.get(a.actor.actor_id, (0, 0, a.actor))[0]
                        self.hostile[a.actor.actor_id] = (n + 1, a.start, a.actor)
                c = conf * (0.85 if s.via_reference else 1.0) * (0.85 if t.via_reference else 1.0)
                c *= min(s.actor.confidence, t.actor.confidence) ** 0.5
                yield Candidate(s, t, trig, start, end, anchor, c, sym, rank, construction)

    def mutual(
        self,
        args: list[Arg],
        trig: Trigger,
        start: int,
        end: int,
        anchor: Token,
        conf: float,
        rank: int,
        *,
        construction: str,
    ) -> Iterator[Candidate]:
        """Symmetric candidates between every two of ``args`` ("X and Y are allies")."""
        for i, a in enumerate(args):
            for b in args[i + 1 :]:
                yield from self.pairs(
                    [a],
                    [b],
                    trig,
                    start,
                    end,
                    anchor,
                    conf,
                    rank,
                    construction=construction,
                    symmetric=True,
                )

    def note_doers(self, chosen: list[Candidate], index: int) -> None:
        """Remember who acted in sentence ``index`` (both sides of a mutual act), for an act
        the next sentence answers by a noun ("the move")."""
        if chosen:
            self.last_doers = [
                a for c in chosen for a in (c.source, *([c.target] if c.symmetric else []))
            ]
            self.last_doers_sent = index

    def is_hostile(self, trig: Trigger) -> bool:
        info = self.lex.info(trig)
        return info.sign < 0 and (info.quad_class == 4 or trig.category == "OPPOSE")

    def remember(self, trig: Trigger, sources: list[Arg]) -> None:
        """The last attacker, for "five strikes destroyed ..." with no agent named."""
        if trig.category == "ASSAULT" and sources:
            self.last_assault_source = sources[0]
