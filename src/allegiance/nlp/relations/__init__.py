"""Relations between actors, read off the dependency parse.

For each sentence the component finds trigger words from the lexicon (verbs, phrasal verbs,
event nouns, stance nouns, adjectives, "X-backed" compounds, prepositions such as "alongside"
and "against", fixed patterns such as "at war with"), collects their arguments through the
parse (subjects, objects, passive agents, prepositional objects, possessives, coordination,
relative clauses, appositions, pronouns and descriptions resolved to earlier actors), and
flags negation, modality (future, conditional, intended, asked-for, questions) and who claims
the relation (reported speech, "according to", quotes).

The package:

* :mod:`.component`: the spaCy component (sentences -> candidates -> selection -> records);
* :mod:`.registry` and :mod:`.names`: the registered constructions and their order;
* :mod:`.arguments`, :mod:`.run`: argument reading and one document's state (no knowledge
  base access: arguments are the actor component's spans, and the agent nouns and compound
  demonyms it read, ``doc._.agent_words``);
* :mod:`.resources`: what a run reads from its component (a protocol; a leaf, so the
  component imports the rule modules and never the reverse);
* :mod:`.modality`, :mod:`.attribution`, :mod:`.selection`, :mod:`.records`;
* one module per family of constructions: :mod:`.verbs`, :mod:`.event_nouns`,
  :mod:`.stance_nouns`, :mod:`.regarded`, :mod:`.backers`, :mod:`.prepositions`,
  :mod:`.patterns`, :mod:`.assets`.

Work per sentence is linear in its tokens times the (small) number of arguments per trigger.
"""

from __future__ import annotations

# the families register their constructions on import
from . import (  # noqa: F401
    assets,
    backers,
    clauses,
    event_nouns,
    patterns,
    prepositions,
    regarded,
    rulings,
    stance_nouns,
    verbs,
)
from .candidates import Arg, Candidate
from .component import RelationExtractor, make_relations
from .names import DEFAULT_CONSTRUCTIONS, READINGS
from .registry import constructions
from .run import DocRun

__all__ = [
    "DEFAULT_CONSTRUCTIONS",
    "READINGS",
    "Arg",
    "Candidate",
    "DocRun",
    "RelationExtractor",
    "constructions",
    "make_relations",
]
