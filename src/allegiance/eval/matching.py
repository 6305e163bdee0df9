"""One-to-one matching of predicted spans to gold spans by character overlap."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

__all__ = ["match_by_overlap"]


class _Span(Protocol):
    doc_id: str
    start: int
    end: int


def match_by_overlap(
    predicted: Sequence[_Span], gold: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """Pairs ``(prediction index, gold index)`` in the same document, largest overlap first,
    each prediction and each gold row used at most once (gold rows carry doc_id, start, end)."""
    pairs: list[tuple[int, int, int]] = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if g["doc_id"] == p.doc_id:
                overlap = min(p.end, g["end"]) - max(p.start, g["start"])
                if overlap > 0:
                    pairs.append((overlap, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out
