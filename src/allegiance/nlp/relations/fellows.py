"""Who else a mention argues for, or argues instead: a coordinated modifier outside its span
("Iraqi and Kurdish forces"), the name a description stands in apposition to ("Operation
Inherent Resolve, the operation to eliminate ISIL"); read by ``Arguments``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidates import Arg


class _FellowsMixin:
    """Modifiers and appositions around a mention, for the argument readers."""

    tok2span: dict[int, Span]

    if TYPE_CHECKING:

        def spans_at(self, i: int) -> list[Span]: ...

        def span_arg(self, span: Span, via_reference: bool = False) -> Arg: ...

        def _as_agent(self, arg: Arg, head: Token) -> Arg: ...

    def _named_for(self, tok: Token, here: list[Span]) -> list[Span]:
        """ "Operation Inherent Resolve, the operation to eliminate ISIL": a description in
        apposition to a name it refers back to is argued by the name."""
        if not here or tok.dep_ != "appos" or any(s.root.i != tok.i for s in here):
            return here
        actors = {s._.actor.actor_id for s in here}
        named = [s for s in self.spans_at(tok.head.i) if s._.actor.actor_id in actors]
        return named or here

    def _modifier_fellows(self, tok: Token, span: Span) -> list[Arg]:
        """ "Iraqi and Kurdish forces": a coordinated modifier outside the span, which names
        the same kind of agent (the Iraqi forces, not Iraq); "Senate Democrats": the chamber
        a party sits in is not said to act."""
        out = []
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i not in range(
                span.start, span.end
            ):
                other = self.tok2span.get(child.i)
                if other is not None and other != span and not _seat_of(other, span):
                    out.append(self._as_agent(self.span_arg(other), tok))
        return out


def _seat_of(modifier: Span, party: Span) -> bool:
    """Whether a modifier names an organ of the state a party's mention sits in ("Senate
    Democrats", "House Republicans", "Lok Sabha BJP members")."""
    head, mod = party._.actor, modifier._.actor
    if head.actor_type != "party":
        return False
    if mod.resolved_by == "ner":
        return True  # "House Republicans": a chamber the knowledge base does not hold
    return head.country is not None and mod.actor_id.startswith(f"{head.country}.")
