"""Position lookups over spans sorted by start, so that a lookup need not scan every span.

The components ask the same questions many times per document: which actor spans lie inside
this phrase, which person covers this token, is this character inside a quotation. A linear
scan per question makes a document's cost grow with the square of its length. Spans in a
document are short, so once they are sorted by start, only those starting less than the
longest span's length before a position can reach it: bisection finds them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import Generic, TypeVar

__all__ = ["Intervals"]

T = TypeVar("T")


class Intervals(Generic[T]):
    """Items with half-open ``[start, end)`` ranges, queried by position.

    Every query returns its hits in the order the items were given, the same as a filtered
    scan of the list would. When the items are not sorted by start, queries fall back to that
    scan.

    Args:
        items: the items, normally sorted by start.
        bounds: the ``(start, end)`` of an item.

    Example:
        >>> quotes = Intervals([(0, 5), (10, 20)], lambda ab: ab)
        >>> quotes.overlapping(4, 11), quotes.inside(9, 30), quotes.covers(7)
        ([(0, 5), (10, 20)], [(10, 20)], False)
    """

    def __init__(self, items: Iterable[T], bounds: Callable[[T], tuple[int, int]]) -> None:
        self.items: list[T] = list(items)
        ranges = [bounds(item) for item in self.items]
        self._starts = [a for a, _ in ranges]
        self._ends = [b for _, b in ranges]
        self._sorted = all(a <= b for a, b in pairwise(self._starts))
        self._longest = max((b - a for a, b in ranges), default=0)

    def _window(self, lo: int, hi: int) -> range:
        """Indices of the items whose start may lie in ``[lo, hi)``."""
        if not self._sorted:
            return range(len(self.items))
        return range(bisect_left(self._starts, lo), bisect_left(self._starts, hi))

    def starting_in(self, a: int, b: int) -> list[T]:
        """The items with ``a <= start < b``."""
        starts = self._starts
        return [self.items[k] for k in self._window(a, b) if a <= starts[k] < b]

    def inside(self, a: int, b: int) -> list[T]:
        """The items with ``a <= start`` and ``end <= b``."""
        starts, ends = self._starts, self._ends
        # a non-empty item inside [a, b) starts before b; an empty one may start at b
        return [self.items[k] for k in self._window(a, b + 1) if a <= starts[k] and ends[k] <= b]

    def overlapping(self, a: int, b: int) -> list[T]:
        """The items with ``start < b`` and ``a < end``."""
        starts, ends = self._starts, self._ends
        return [
            self.items[k]
            for k in self._window(a - self._longest, b)
            if starts[k] < b and a < ends[k]
        ]

    def covering(self, i: int) -> list[T]:
        """The items with ``start <= i < end``."""
        return self.overlapping(i, i + 1)

    def covers(self, i: int) -> bool:
        """Whether any item has ``start <= i < end``."""
        starts, ends = self._starts, self._ends
        return any(starts[k] <= i < ends[k] for k in self._window(i - self._longest, i + 1))

    def first_starting_after(self, i: int) -> T | None:
        """The first item (in list order) with ``start > i``."""
        if not self._sorted:
            return next((x for x, a in zip(self.items, self._starts, strict=True) if a > i), None)
        k = bisect_left(self._starts, i + 1)
        return self.items[k] if k < len(self.items) else None
