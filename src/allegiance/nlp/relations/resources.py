"""What one document's run reads from its component: the loaded lexicon and references, the
trigger patterns by first word, and the switched-off constructions (the knowledge base is the
actor component's alone: what relations need of it comes as ``doc._.agent_words``).

A leaf of the package (it imports no module of it): :mod:`.arguments` and the constructions
type their ``run.c`` against :class:`Resources`, and :class:`.component.RelationExtractor`
satisfies it, so the component imports the rule modules and never the reverse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ...lexicon.triggers import Lexicon, Pattern
    from ..references import ReferenceData

__all__ = ["Resources"]


class Resources(Protocol):
    """The loaded data a run needs; :class:`.component.RelationExtractor` is one."""

    @property
    def lexicon(self) -> Lexicon: ...

    @property
    def references(self) -> ReferenceData: ...

    @property
    def patterns_by_first(self) -> dict[str, list[Pattern]]: ...

    @property
    def disabled(self) -> frozenset[str]: ...
