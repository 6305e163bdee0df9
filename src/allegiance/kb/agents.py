"""The agent-noun lexicon: words that name a part of a country or group ("troops", "government").

It drives two things: the sub-actors generated for every country ("IRN.MIL", "USA.GOV") and for
every community ("SHIA.MILITIA"), and the recognition of phrases such as "Iranian troops" or
"Iraqi Army soldiers" (:mod:`allegiance.nlp.actors`). The data lives in
``allegiance/lexicon/data/agents.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeBaseError, Messages

__all__ = ["AgentClass", "AgentLexicon", "load_agents"]


@dataclass(frozen=True, slots=True)
class AgentClass:
    """One kind of sub-actor (government, military, police...) and the words that name it."""

    name: str
    suffix: str
    type: str
    sector: str
    organ: bool
    template: str
    words: dict[str, int]


@dataclass(frozen=True, slots=True)
class AgentLexicon:
    """All agent classes, with the word index, modifiers and person titles."""

    classes: dict[str, AgentClass]
    word_index: dict[str, tuple[str, int]]
    modifiers: frozenset[str]
    titles: frozenset[str]
    community_classes: tuple[str, ...]
    community_map: dict[str, str]
    not_actors: frozenset[str] = frozenset()
    self_nouns: frozenset[str] = frozenset()
    places: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def place(self, key: str) -> frozenset[str]:
        """One word list of the ``places`` section (empty when the file has none)."""
        return self.places.get(key, frozenset())

    def classify(self, word: str) -> tuple[str, int] | None:
        """The agent class and tier a word names, or ``None`` (case-insensitive).

        Args:
            word: a single word such as ``"troops"`` or ``"Army"``.

        Returns:
            ``(class_name, tier)`` or ``None``.

        >>> load_agents().classify("Troops")
        ('military', 1)
        """
        w = word.lower()
        hit = self.word_index.get(w)
        if hit is None and len(w) > 3 and w.endswith("s"):
            hit = self.word_index.get(w[:-1])
        return hit


def _default_path() -> Path:
    return Path(str(resources.files("allegiance.lexicon").joinpath("data/agents.yaml")))


def _parse(data: Any, path: Path) -> AgentLexicon:
    if not isinstance(data, dict) or not isinstance(data.get("classes"), dict):
        raise KnowledgeBaseError(
            Messages.KB_FILE.format(path=path, reason="needs a 'classes' mapping")
        )
    classes: dict[str, AgentClass] = {}
    index: dict[str, tuple[str, int]] = {}
    for name, spec in data["classes"].items():
        if not isinstance(spec, dict):
            raise KnowledgeBaseError(
                Messages.KB_ENTRY.format(path=path, entry=name, reason="must be a mapping")
            )
        missing = [k for k in ("suffix", "type", "sector", "name", "words") if k not in spec]
        if missing:
            raise KnowledgeBaseError(
                Messages.KB_ENTRY.format(path=path, entry=name, reason=f"missing {missing}")
            )
        words: dict[str, int] = {}
        for tier, items in (spec["words"] or {}).items():
            for word in items or ():
                words[str(word).lower()] = int(tier)
        cls = AgentClass(
            name=str(name),
            suffix=str(spec["suffix"]),
            type=str(spec["type"]),
            sector=str(spec["sector"]),
            organ=bool(spec.get("organ", False)),
            template=str(spec["name"]),
            words=words,
        )
        classes[cls.name] = cls
        for word, tier in words.items():
            # A word listed in two classes keeps the higher tier (the more telling class).
            if word not in index or index[word][1] < tier:
                index[word] = (cls.name, tier)
    communities = data.get("communities") or {}
    places = data.get("places") or {}
    if not isinstance(places, dict) or not all(
        isinstance(v, list) or v is None for v in places.values()
    ):
        raise KnowledgeBaseError(
            Messages.KB_FILE.format(path=path, reason="'places' must map names to word lists")
        )
    return AgentLexicon(
        classes=classes,
        word_index=index,
        modifiers=frozenset(str(w).lower() for w in data.get("modifiers") or ()),
        titles=frozenset(str(w).lower() for w in data.get("titles") or ()),
        community_classes=tuple(communities.get("classes") or ()),
        community_map={str(k): str(v) for k, v in (communities.get("map") or {}).items()},
        not_actors=frozenset(str(w).lower() for w in data.get("not_actors") or ()),
        self_nouns=frozenset(str(w).lower() for w in data.get("self_nouns") or ()),
        places={str(k): frozenset(str(w).lower() for w in v or ()) for k, v in places.items()},
    )


@lru_cache(maxsize=8)
def load_agents(path: str | None = None) -> AgentLexicon:
    """Load the agent lexicon (the packaged one by default; cached).

    Args:
        path: a YAML file in the format of ``lexicon/data/agents.yaml``.

    Raises:
        KnowledgeBaseError: when the file is malformed.
    """
    p = Path(path) if path else _default_path()
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(Messages.KB_FILE.format(path=p, reason=exc)) from exc
    return _parse(data, p)
