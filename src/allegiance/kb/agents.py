"""The agent-noun lexicon: words that name a part of a country or group ("troops", "government").

It drives two things: the sub-actors generated for every country ("IRN.MIL", "USA.GOV") and for
every community ("SHIA.MILITIA"), and the recognition of phrases such as "Iranian troops" or
"Iraqi Army soldiers" (:mod:`allegiance.nlp.actors`). The data lives in
``allegiance/lexicon/data/agents.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KnowledgeBaseError, LexiconError, Messages
from ..lexicon.io import DATA_DIR, lexicon_layers

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
    #: the class its members are when an armed-force word follows ("opposition forces" are
    #: rebels, the "opposition" alone a political one)
    armed: str | None = None


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
    weapon_nouns: frozenset[str] = frozenset()
    firm_name_words: frozenset[str] = frozenset()
    envoy_words: frozenset[str] = frozenset()
    descriptor_nouns: frozenset[str] = frozenset()
    #: countries whose people's family name comes first ("Wang Yi" ... "Wang")
    family_first_countries: frozenset[str] = frozenset()
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
    return DATA_DIR / "agents.yaml"


_LISTS = (
    "modifiers",
    "titles",
    "not_actors",
    "self_nouns",
    "weapon_nouns",
    "firm_name_words",
    "envoy_words",
    "descriptor_nouns",
    "family_first_countries",
)


def _merge_class(path: Path, name: str, old: dict[str, Any], spec: Any) -> dict[str, Any]:
    """A class spec over an earlier one: fields replace, word tiers add words."""
    if not isinstance(spec, dict) or not isinstance(spec.get("words") or {}, dict):
        raise KnowledgeBaseError(
            Messages.KB_ENTRY.format(
                path=path, entry=name, reason="must be a mapping with a 'words' mapping of tiers"
            )
        )
    words: dict[int, list[Any]] = {}
    for tier, items in (*(old.get("words") or {}).items(), *(spec.get("words") or {}).items()):
        try:
            words.setdefault(int(tier), []).extend(items or ())
        except (TypeError, ValueError) as exc:
            raise KnowledgeBaseError(
                Messages.KB_ENTRY.format(
                    path=path, entry=name, reason=f"tier {tier!r} must be a number with a list"
                )
            ) from exc
    return {**old, **spec, "words": words}


def _merge_layers(
    layers: Sequence[tuple[Path, Mapping[str, Any]]],
) -> tuple[dict[str, Any], dict[str, Path]]:
    """One agents mapping from the layers, with the file each class was last given in."""
    merged: dict[str, Any] = {
        "classes": {},
        "communities": {"classes": [], "map": {}},
        "places": {},
    }
    origin: dict[str, Path] = {}
    for path, data in layers:
        classes = data.get("classes") or {}
        if not isinstance(classes, dict):
            raise KnowledgeBaseError(
                Messages.KB_FILE.format(path=path, reason="'classes' must be a mapping")
            )
        for name, spec in classes.items():
            if spec is None:  # null removes a class
                merged["classes"].pop(str(name), None)
                continue
            merged["classes"][str(name)] = _merge_class(
                path, str(name), merged["classes"].get(str(name), {}), spec
            )
            origin[str(name)] = path
        for key in _LISTS:
            merged.setdefault(key, []).extend(data.get(key) or ())
        communities = data.get("communities") or {}
        places = data.get("places") or {}
        if (
            not isinstance(communities, dict)
            or not isinstance(places, dict)
            or not all(isinstance(v, list) or v is None for v in places.values())
        ):
            raise KnowledgeBaseError(
                Messages.KB_FILE.format(
                    path=path,
                    reason="'places' must map names to word lists, 'communities' must be a mapping",
                )
            )
        merged["communities"]["classes"].extend(
            c for c in communities.get("classes") or () if c not in merged["communities"]["classes"]
        )
        merged["communities"]["map"].update(communities.get("map") or {})
        for key, words in places.items():
            merged["places"].setdefault(str(key), []).extend(words or ())
    return merged, origin


def _parse(data: Any, path: Path, origin: Mapping[str, Path] | None = None) -> AgentLexicon:
    origin = origin or {}
    if not isinstance(data, dict) or not isinstance(data.get("classes"), dict):
        raise KnowledgeBaseError(
            Messages.KB_FILE.format(path=path, reason="needs a 'classes' mapping")
        )
    classes: dict[str, AgentClass] = {}
    index: dict[str, tuple[str, int]] = {}
    for name, spec in data["classes"].items():
        where = origin.get(str(name), path)
        if not isinstance(spec, dict):
            raise KnowledgeBaseError(
                Messages.KB_ENTRY.format(path=where, entry=name, reason="must be a mapping")
            )
        missing = [k for k in ("suffix", "type", "sector", "name", "words") if k not in spec]
        if missing:
            raise KnowledgeBaseError(
                Messages.KB_ENTRY.format(path=where, entry=name, reason=f"missing {missing}")
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
            armed=None if spec.get("armed") is None else str(spec["armed"]),
        )
        classes[cls.name] = cls
        for word, tier in words.items():
            # A word listed in two classes keeps the higher tier (the more telling class).
            if word not in index or index[word][1] < tier:
                index[word] = (cls.name, tier)
    communities = data.get("communities") or {}
    places = data.get("places") or {}
    return AgentLexicon(
        classes=classes,
        word_index=index,
        modifiers=frozenset(str(w).lower() for w in data.get("modifiers") or ()),
        titles=frozenset(str(w).lower() for w in data.get("titles") or ()),
        community_classes=tuple(communities.get("classes") or ()),
        community_map={str(k): str(v) for k, v in (communities.get("map") or {}).items()},
        not_actors=frozenset(str(w).lower() for w in data.get("not_actors") or ()),
        self_nouns=frozenset(str(w).lower() for w in data.get("self_nouns") or ()),
        weapon_nouns=frozenset(str(w).lower() for w in data.get("weapon_nouns") or ()),
        firm_name_words=frozenset(str(w).lower() for w in data.get("firm_name_words") or ()),
        envoy_words=frozenset(str(w).lower() for w in data.get("envoy_words") or ()),
        descriptor_nouns=frozenset(str(w).lower() for w in data.get("descriptor_nouns") or ()),
        family_first_countries=frozenset(
            str(w).upper() for w in data.get("family_first_countries") or ()
        ),
        places={str(k): frozenset(str(w).lower() for w in v or ()) for k, v in places.items()},
    )


#: ``places`` lists read from the relation lexicon rather than the agents file
_SHARED_PLACE_LISTS = ("locus_prepositions", "frame_of_nouns")


@lru_cache(maxsize=8)
def load_agents(paths: str | tuple[str, ...] | None = None) -> AgentLexicon:
    """Load the packaged agent lexicon and the user's files over it (cached).

    Args:
        paths: user lexicon files (``--lexicon``) or one file; an ``agents:`` section or the
            flat entries of ``lexicon/data/agents.yaml`` (``classes``, ``titles``...). A class
            given again keeps its fields unless the file sets them, and gains its new words.

    Raises:
        KnowledgeBaseError: when a file is malformed, naming it.
    """
    user = (paths,) if isinstance(paths, str) else tuple(paths or ())
    try:
        layers = lexicon_layers((_default_path(),), user)
    except LexiconError as exc:
        raise KnowledgeBaseError(str(exc)) from exc
    merged, origin = _merge_layers(layers)
    parsed = _parse(merged, layers[-1][0], origin)
    return replace(parsed, places={**parsed.places, **_shared_places(user)})


def _shared_places(user: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The word lists the place reading shares with the relations, kept once in the relation
    lexicon (``relation_words.yaml``) so both read the same words: the prepositions of a
    protest's or a restriction's state (``locus_prepositions``) and the frame nouns of "a
    state of emergency" (``frame_of_nouns``)."""
    from ..lexicon.triggers import load_lexicon

    try:
        lex = load_lexicon(user)
    except LexiconError as exc:
        raise KnowledgeBaseError(str(exc)) from exc
    return {key: getattr(lex, key) for key in _SHARED_PLACE_LISTS}
