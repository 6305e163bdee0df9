"""Scoring the ties of a network against hand-annotated gold ties (tests/data/seed_ties_gold).

A gold tie names each side by a list of actor ids that stand for it, the state the text gives it
(``friendly``, ``hostile``, ``mixed``) and the other states it also ``accept``\\s. A network tie
matches the first gold tie whose two sides hold its two ends (either order). Of the matched ties:

- *state right*: the tie's state is the gold state or an accepted one;
- *wrong sign*: the tie is friendly where the gold is hostile, or hostile where it is friendly
  (a mixed tie, or a mixed gold tie, is never of the wrong sign: it is a state miss at worst).

*Coverage* is the share of gold ties that at least one network tie matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..lexicon.io import read_mapping

__all__ = ["GoldTie", "TieScores", "load_tie_gold", "score_ties"]

_STATES = {"friendly", "hostile", "mixed", "neutral"}
_OPPOSITE = {"friendly": "hostile", "hostile": "friendly"}


@dataclass(frozen=True)
class GoldTie:
    """One tie the text tells, each side a set of actor ids that stand for it."""

    a: frozenset[str]
    b: frozenset[str]
    state: str
    accept: frozenset[str] = frozenset()
    why: str = ""

    def matches(self, u: str, v: str) -> bool:
        """Whether a tie between actors ``u`` and ``v`` is this one (either order)."""
        return (u in self.a and v in self.b) or (u in self.b and v in self.a)


@dataclass
class TieScores:
    """How the matched network ties agree with the gold ties."""

    n_gold: int = 0
    matched: list[tuple[GoldTie, Mapping[str, Any]]] = field(default_factory=list)
    covered: int = 0

    @property
    def state_right(self) -> int:
        return sum(e.get("state") in {g.state, *g.accept} for g, e in self.matched)

    @property
    def wrong_sign(self) -> list[tuple[GoldTie, Mapping[str, Any]]]:
        """Matched ties whose state is the opposite of the gold's."""
        return [(g, e) for g, e in self.matched if _OPPOSITE.get(g.state) == e.get("state")]

    @property
    def wrong_sign_share(self) -> float:
        return len(self.wrong_sign) / len(self.matched) if self.matched else 0.0

    @property
    def state_accuracy(self) -> float:
        return self.state_right / len(self.matched) if self.matched else 0.0

    @property
    def coverage(self) -> float:
        return self.covered / self.n_gold if self.n_gold else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "n_gold": self.n_gold,
            "n_matched_ties": len(self.matched),
            "coverage": round(self.coverage, 3),
            "state_accuracy": round(self.state_accuracy, 3),
            "wrong_sign_share": round(self.wrong_sign_share, 3),
            "wrong_sign": [f"{e.get('source')} - {e.get('target')}" for _, e in self.wrong_sign],
        }


def load_tie_gold(path: str | Path) -> list[GoldTie]:
    """Read gold ties (YAML: ``ties: [{a: [ids], b: [ids], state, accept, why}]``).

    Raises:
        InputError: naming the file and the entry that is malformed.
    """
    data = read_mapping(path)
    out: list[GoldTie] = []
    for n, entry in enumerate(data.get("ties") or []):
        try:
            state = str(entry["state"])
            accept = frozenset(str(s) for s in entry.get("accept") or ())
            tie = GoldTie(
                frozenset(map(str, entry["a"])),
                frozenset(map(str, entry["b"])),
                state,
                accept,
                str(entry.get("why", "")),
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"{path}: tie {n + 1}: needs a, b and state ({exc})") from exc
        if not {state, *accept} <= _STATES:
            raise InputError(f"{path}: tie {n + 1}: states must be among {sorted(_STATES)}")
        out.append(tie)
    return out


def score_ties(edges: Iterable[Mapping[str, Any]], gold: list[GoldTie]) -> TieScores:
    """Score network ties (dicts with ``source``, ``target`` and ``state``, as in the bundle).

    >>> gold = [GoldTie(frozenset({"IRN"}), frozenset({"USA"}), "mixed", frozenset({"hostile"}))]
    >>> s = score_ties([{"source": "USA", "target": "IRN", "state": "friendly"}], gold)
    >>> s.coverage, s.state_accuracy, s.wrong_sign_share
    (1.0, 0.0, 0.0)
    """
    scores = TieScores(n_gold=len(gold))
    covered: set[int] = set()
    for edge in edges:
        u, v = str(edge.get("source")), str(edge.get("target"))
        for k, tie in enumerate(gold):
            if tie.matches(u, v):
                scores.matched.append((tie, edge))
                covered.add(k)
                break
    scores.covered = len(covered)
    return scores
