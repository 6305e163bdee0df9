"""The reference data (``references.yaml``): pronoun families, descriptions, windows.

Every component that reads pronouns or definite descriptions reads these lists; the one that
resolves them is ``allegiance_references`` (:mod:`allegiance.nlp.references`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import LexiconError
from .io import lexicon_layers, word_list

__all__ = [
    "DEFAULT_REFERENCES",
    "ReferenceData",
    "definite_determiners",
    "load_references",
    "pronouns",
]

DEFAULT_REFERENCES = Path(__file__).resolve().parent / "data" / "references.yaml"


@dataclass(frozen=True)
class ReferenceData:
    """Which actor types each pronoun or description may refer to."""

    pronouns: dict[str, frozenset[str]]
    descriptions: dict[str, frozenset[str]]
    event_agents: frozenset[str]
    window_sentences: int = 3
    modifiers: frozenset[str] = frozenset()
    expletive_predicates: frozenset[str] = frozenset()
    #: pronoun families by name ("we", "they", "speaker", "person", "controllable", ...)
    pronoun_sets: dict[str, frozenset[str]] = field(default_factory=dict)
    definite: frozenset[str] = frozenset()

    def family(self, name: str) -> frozenset[str]:
        """The pronouns of one family of ``pronoun_sets`` (empty when the data names none)."""
        return self.pronoun_sets.get(name, frozenset())

    @property
    def first_person(self) -> frozenset[str]:
        """The speaker, the speaker's side and the one addressed: never a "they"."""
        return self.family("speaker") | self.family("we") | self.family("addressee")


def pronouns(name: str) -> frozenset[str]:
    """One pronoun family of the bundled references.yaml (``pronouns("we")``), for the
    components that read pronoun words (actors, quotes)."""
    return load_references().family(name)


def definite_determiners() -> frozenset[str]:
    """The determiners that make a noun phrase refer back, from the bundled references.yaml."""
    return load_references().definite


@lru_cache(maxsize=4)
def load_references(paths: tuple[str, ...] = ()) -> ReferenceData:
    """Load the bundled reference data and user files over it."""
    pronouns: dict[str, frozenset[str]] = {}
    descriptions: dict[str, frozenset[str]] = {}
    agents: set[str] = set()
    modifiers: set[str] = set()
    expletive: set[str] = set()
    sets: dict[str, frozenset[str]] = {}
    definite: frozenset[str] = frozenset()
    window = 3
    for path, data in lexicon_layers((DEFAULT_REFERENCES,), paths):
        window = int(data.get("window_sentences", window))
        for key, types in (data.get("pronouns") or {}).items():
            pronouns[str(key).lower()] = frozenset(types or ())
        for key, types in (data.get("descriptions") or {}).items():
            descriptions[str(key).lower()] = frozenset(types or ())
        agents.update(word_list(data.get("event_agents"), path, "event_agents"))
        modifiers.update(word_list(data.get("modifiers"), path, "modifiers"))
        expletive.update(word_list(data.get("expletive_predicates"), path, "expletive_predicates"))
        families = data.get("pronoun_sets") or {}
        if not isinstance(families, dict):
            raise LexiconError(f"{path}: pronoun_sets must map a family name to a list of words")
        for key, words in families.items():
            sets[str(key)] = frozenset(word_list(words, path, f"pronoun_sets.{key}"))
        if "definite_determiners" in data:
            definite = frozenset(
                word_list(data.get("definite_determiners"), path, "definite_determiners")
            )
    return ReferenceData(
        pronouns,
        descriptions,
        frozenset(agents),
        window,
        frozenset(modifiers),
        frozenset(expletive),
        sets,
        definite,
    )
