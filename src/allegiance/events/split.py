"""Events and stances apart, and the families of categories that may report one happening.

The data is ``data/families.yaml``; a user's YAML file with the same sections extends it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..lexicon.io import read_mapping
from ..schema import CATEGORIES

__all__ = ["CategoryFamilies", "is_event_report"]

_DATA = resources.files("allegiance.events") / "data" / "families.yaml"


@dataclass(frozen=True)
class CategoryFamilies:
    """Stance categories and the family of each event category."""

    stances: frozenset[str]
    families: Mapping[str, str]

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> CategoryFamilies:
        """The packaged families plus the user's files (cached).

        Raises:
            LexiconError: naming the file and the unknown category or section.
        """
        return _load(tuple(str(p) for p in extra))

    def is_stance(self, category: str) -> bool:
        """Whether a category states an attitude rather than a happening.

        >>> CategoryFamilies.load().is_stance("OPPOSE"), CategoryFamilies.load().is_stance("ASSAULT")
        (True, False)
        """
        return category in self.stances

    def family(self, category: str) -> str:
        """The family of an event category (the category itself when it has none)."""
        return self.families.get(category, category)


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> CategoryFamilies:
    stances: set[str] = set()
    families: dict[str, str] = {}
    for path in (str(_DATA), *extra):
        data = read_mapping(path)
        unknown = sorted(set(data) - {"stances", "families"})
        if unknown:
            raise LexiconError(
                f"{path}: unknown section(s) {', '.join(unknown)} (known: families, stances)"
            )
        for cat in data.get("stances") or []:
            if cat not in CATEGORIES:
                raise LexiconError(f"{path}: stances: unknown category {cat!r}")
            stances.add(str(cat))
        fams = data.get("families") or {}
        if not isinstance(fams, dict):
            raise LexiconError(f"{path}: families must be a mapping of category: family")
        for cat, fam in fams.items():
            if cat not in CATEGORIES:
                raise LexiconError(f"{path}: families: unknown category {cat!r}")
            families[str(cat)] = str(fam)
    return CategoryFamilies(frozenset(stances), families)


def is_event_report(relation: Mapping[str, Any], families: CategoryFamilies | None = None) -> bool:
    """Whether a relation reports a happening: an event category (not a stance), stated as a
    fact (not negated, not hypothetical), between two different known actors.

    >>> base = {"source": {"actor_id": "USA"}, "target": {"actor_id": "ISIL"}}
    >>> is_event_report({**base, "category": "ASSAULT"}), is_event_report({**base, "category": "OPPOSE"})
    (True, False)
    >>> is_event_report({**base, "category": "ASSAULT", "hypothetical": True})
    False
    """
    fam = families or CategoryFamilies.load()
    if fam.is_stance(str(relation.get("category"))) or relation.get("negated"):
        return False
    if relation.get("hypothetical"):
        return False
    a = (relation.get("source") or {}).get("actor_id")
    b = (relation.get("target") or {}).get("actor_id")
    return bool(a and b and a != b)
