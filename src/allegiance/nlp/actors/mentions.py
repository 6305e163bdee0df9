"""The mention candidates of a run and the lookups over them (shared by every part)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

_RANK = {"kb": 0, "coref": 1, "fuzzy": 2, "ner": 3}
_OPEN_QUOTES = frozenset("“«‘")
_CLOSE_QUOTES = frozenset("”»’")


def quoted_tokens(doc: Doc) -> list[bool]:
    """For each token, whether it sits inside quotation marks. Quotes pair within a paragraph
    (a line); one left open runs to the end of its paragraph."""
    text = doc.text
    inside = bytearray(len(text) + 1)
    state = False
    for k, ch in enumerate(text):
        if ch == "\n":
            state = False
        elif ch in _OPEN_QUOTES and ch != "‘":
            state = True
        elif ch in _CLOSE_QUOTES and ch != "’":
            state = False
        elif ch == '"':
            state = not state
        inside[k] = state
    return [bool(inside[t.idx]) for t in doc]


_CONFIDENCE = {"alias": 0.95, "metonym": 0.8, "adjective": 0.9, "compound": 0.9, "ner": 0.5}


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    actor_id: str
    resolved_by: str
    confidence: float
    kind: str  # alias, metonym, adjective, compound, ner, fuzzy, coref
    name: str = ""
    type: str = "other"

    def refer_to(self, ante: _Cand, trust: float) -> None:
        """Make this mention a reference to ``ante``'s actor, trusted ``trust`` times as much."""
        self.actor_id, self.name, self.type = ante.actor_id, ante.name, ante.type
        self.resolved_by = self.kind = "coref"
        self.confidence = round(trust * ante.confidence, 3)


class _SortedMentions:
    """Mentions sorted by start (ties in insertion order), with lookups by position.

    Lookups cost the number of mentions they return or pass over, not the number held: the
    spans are short, so only those starting less than the longest span before a token can
    cover it.
    """

    def __init__(self, mentions: Iterable[_Cand]) -> None:
        self._items: list[_Cand] = []
        self._starts: list[int] = []
        self._order: dict[int, int] = {}  # id -> insertion number
        self._longest = 0
        for cand in mentions:
            self.insert(cand)

    def insert(self, cand: _Cand) -> None:
        """Add a mention after those with the same or an earlier start."""
        k = bisect_right(self._starts, cand.start)
        self._items.insert(k, cand)
        self._starts.insert(k, cand.start)
        self._order[id(cand)] = len(self._order)
        self._longest = max(self._longest, cand.end - cand.start)

    def before(self, i: int) -> Iterator[_Cand]:
        """The mentions that start before token ``i``, nearest first (in reverse order)."""
        items = self._items
        for k in range(bisect_left(self._starts, i) - 1, -1, -1):
            yield items[k]

    def covering(self, i: int) -> list[_Cand]:
        """The mentions over token ``i``, in insertion order."""
        items, starts = self._items, self._starts
        hits: list[_Cand] = []
        k = bisect_right(starts, i) - 1
        while k >= 0 and starts[k] > i - self._longest:
            if items[k].end > i:
                hits.append(items[k])
            k -= 1
        hits.sort(key=lambda c: self._order[id(c)])
        return hits


def _greedy(cands: list[_Cand], kind_rank: dict[str, int] | None = None) -> list[_Cand]:
    """Non-overlapping candidates: longest first, then by resolution rank, then leftmost."""
    kind_rank = kind_rank or {}
    order = sorted(
        cands,
        key=lambda c: (
            -(c.end - c.start),
            _RANK.get(c.resolved_by, 9),
            kind_rank.get(c.kind, 5),
            c.start,
        ),
    )
    used: set[int] = set()
    out: list[_Cand] = []
    for cand in order:
        if any(i in used for i in range(cand.start, cand.end)):
            continue
        used.update(range(cand.start, cand.end))
        out.append(cand)
    return out
