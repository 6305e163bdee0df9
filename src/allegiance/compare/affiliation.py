"""Classify a quoted source by affiliation: government, military, militia, diplomat...

The words that describe a source ("Pentagon spokesman", "a Western diplomatic source",
"PMF Deputy Chief") decide first, through a keyword lexicon that ships as data
(``lexicon/data/source_affiliations.yaml``) and that a user's YAML file extends; the speaker's
actor type decides when no keyword matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import LexiconError, Messages
from ..lexicon.io import DATA_DIR, lexicon_layers

__all__ = [
    "AFFILIATIONS",
    "SourceLexicon",
    "classify_source",
    "default_source_lexicon",
    "load_source_lexicon",
]

#: Every affiliation a source can get, in the order reports list them.
AFFILIATIONS: tuple[str, ...] = (
    "government",
    "military",
    "militia",
    "diplomat",
    "expert_or_former_official",
    "other",
)

_BUNDLED = "source_affiliations.yaml"


def _pattern(keywords: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({k.strip() for k in keywords if k and k.strip()}, key=len, reverse=True)
    if not words:
        return None
    # Look-arounds rather than \b so that keywords ending in "." ("Maj.") still match whole.
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class SourceLexicon:
    """Keywords per affiliation, the order they are tried in, and actor types' affiliations."""

    order: tuple[str, ...]
    keywords: Mapping[str, tuple[str, ...]]
    actor_types: Mapping[str, str]

    def __post_init__(self) -> None:
        compiled = {aff: _pattern(self.keywords.get(aff, ())) for aff in self.order}
        object.__setattr__(self, "_compiled", compiled)

    def match(self, text: str) -> str | None:
        """The first affiliation (in ``order``) whose keywords occur in ``text``, if any."""
        compiled: dict[str, re.Pattern[str] | None] = self._compiled  # type: ignore[attr-defined]
        for aff in self.order:
            pattern = compiled.get(aff)
            if pattern is not None and pattern.search(text):
                return aff
        return None


def _check_affiliation(path: str, entry: str, value: Any) -> str:
    if value not in AFFILIATIONS:
        raise LexiconError(
            Messages.LEXICON_ENTRY.format(
                path=path,
                entry=entry,
                reason=f"unknown affiliation {value!r} (use one of {', '.join(AFFILIATIONS)})",
            )
        )
    return str(value)


def _merge(
    path: str,
    data: dict[str, Any],
    order: list[str],
    keywords: dict[str, list[str]],
    actor_types: dict[str, str],
) -> list[str]:
    if "order" in data:
        if not isinstance(data["order"], list):
            raise LexiconError(
                Messages.LEXICON_ENTRY.format(path=path, entry="order", reason="expected a list")
            )
        order = [_check_affiliation(path, "order", a) for a in data["order"]]
    for aff, words in (data.get("keywords") or {}).items():
        _check_affiliation(path, f"keywords.{aff}", aff)
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise LexiconError(
                Messages.LEXICON_ENTRY.format(
                    path=path, entry=f"keywords.{aff}", reason="expected a list of strings"
                )
            )
        keywords.setdefault(aff, []).extend(words)
        if aff not in order and aff != "other":
            order.append(aff)
    for actor_type, aff in (data.get("actor_types") or {}).items():
        actor_types[str(actor_type)] = _check_affiliation(path, f"actor_types.{actor_type}", aff)
    return order


def load_source_lexicon(paths: Iterable[str | Path] = ()) -> SourceLexicon:
    """Load the bundled source-affiliation lexicon, extended by the user's YAML files.

    Args:
        paths: user files with any of ``order``, ``keywords``, ``actor_types``; keyword lists
            are added to the bundled ones, ``order`` and ``actor_types`` entries replace them.

    Returns:
        The merged lexicon.

    Raises:
        LexiconError: naming the file and entry that is malformed or missing.
    """
    order: list[str] = []
    keywords: dict[str, list[str]] = {}
    actor_types: dict[str, str] = {}
    for path, data in lexicon_layers((DATA_DIR / _BUNDLED,), paths):
        order = _merge(str(path), data, order, keywords, actor_types)
    return SourceLexicon(
        order=tuple(order),
        keywords={k: tuple(v) for k, v in keywords.items()},
        actor_types=dict(actor_types),
    )


@lru_cache(maxsize=1)
def default_source_lexicon() -> SourceLexicon:
    """The bundled lexicon alone, loaded once per process."""
    return load_source_lexicon()


def classify_source(
    lexicon: SourceLexicon,
    *,
    role: str | None = None,
    description: str | None = None,
    actor_types: Iterable[str | None] = (),
) -> str:
    """The affiliation of a quoted source.

    Args:
        lexicon: from :func:`load_source_lexicon`.
        role: the speaker's role as written ("Pentagon spokesman").
        description: the words standing for the speaker ("a U.S. military source"); for named
            speakers their name adds nothing, so callers pass it only for unnamed ones.
        actor_types: the speaker's actor type, then its parents' types, nearest first.

    Returns:
        One of :data:`AFFILIATIONS`.

    >>> lex = load_source_lexicon()
    >>> classify_source(lex, role="former US brigade general")
    'expert_or_former_official'
    >>> classify_source(lex, description="one Western diplomatic source")
    'diplomat'
    >>> classify_source(lex, role=None, actor_types=["person", "militia"])
    'militia'
    """
    text = " ; ".join(t for t in (role, description) if t)
    if text:
        found = lexicon.match(text)
        if found is not None:
            return found
    for actor_type in actor_types:
        if actor_type and actor_type in lexicon.actor_types:
            return lexicon.actor_types[actor_type]
    return "other"
