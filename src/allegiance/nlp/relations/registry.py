"""The registry of constructions, in the spaCy manner (``catalogue``).

A *construction* is one way a sentence states a relation ("X was driven out by Y", "the
Iranian-backed militias", "Turkey regards the YPG as an enemy"). Each is registered under a
name ``allegiance.relations.<family>.v1``; every relation record names the construction that
made it (``Relation.construction``), and the component config can switch any of them off
(``disabled_constructions``) or add a user's own (``constructions``).

Two kinds share the registry:

* **token constructions** are called for every token of a sentence, in the order of the
  component's ``constructions`` list, as ``fn(run, token, sentence)`` and yield
  :class:`~allegiance.nlp.relations.candidates.Candidate` objects;
* **readings** are alternatives a token construction tries inside its own argument reading
  (e.g. ``regarded_as`` inside stance nouns); switching one off makes its host skip it.

Other packages can register constructions through the ``allegiance_constructions`` entry
point group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import catalogue
from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from .candidates import Candidate
    from .run import DocRun

__all__ = ["PREFIX", "TokenConstruction", "construction_name", "constructions"]

PREFIX = "allegiance.relations."

#: fn(run, token, sentence) -> candidates
TokenConstruction = Callable[["DocRun", Token, Span], Iterable["Candidate"]]

constructions = catalogue.create("allegiance", "constructions", entry_points=True)


def construction_name(family: str, version: int = 1) -> str:
    """The registered name of a built-in construction: ``allegiance.relations.<family>.v1``."""
    return f"{PREFIX}{family}.v{version}"


def get(name: str) -> Any:
    """The registered function, or ``None`` when no construction has that name."""
    try:
        return constructions.get(name)
    except catalogue.RegistryError:
        return None
