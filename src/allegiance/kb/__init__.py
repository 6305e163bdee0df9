"""The actor knowledge base: countries, organisations, groups, communities and people.

>>> from allegiance.kb import ActorKB
>>> ActorKB.load().lookup("Daesh").id
'ISIL'
"""

from __future__ import annotations

from .agents import AgentClass, AgentLexicon, load_agents
from .store import DEFAULT_FILES, Actor, ActorKB, normalize

__all__ = [
    "DEFAULT_FILES",
    "Actor",
    "ActorKB",
    "AgentClass",
    "AgentLexicon",
    "load_agents",
    "normalize",
]
