"""Actor mentions: find who is named in a text and resolve each mention to a canonical actor.

The component ``allegiance_actors`` fills ``doc.spans["actors"]`` with non-overlapping spans in
document order, each carrying ``span._.actor`` (an :class:`~allegiance.nlp.extensions.ActorRef`),
``span.label_`` (the actor type) and ``span.kb_id_`` (the actor id). In order of trust:

1. knowledge-base aliases and metonyms, matched case- and punctuation-tolerantly ("U.S." = "US");
   a demonym or name followed by agent nouns becomes the sub-actor ("Iranian troops" → IRN.MIL,
   "Iraq's army", "the government of Iraq"); a demonym before a named group is absorbed ("Kurdish
   Peshmerga fighters" → Peshmerga). Country names and capitals used as places ("in Iraq",
   "to Baghdad") are not actors; bare demonyms ("an Iraqi city") are not either;
2. named entities the KB lacks: first tried by fuzzy match against KB aliases ("fuzzy"), else kept
   as provisional actors ``NER:<normalised name>`` ("ner");
3. short references resolved within the document: surnames after a full name ("Galloway" after
   "Maj. Adrian Rankine-Galloway") and acronyms defined in the text ("Syrian Democratic Forces
   (SDF)") ("coref").

Titles before a person's name ("Defense Secretary", "Maj.") belong to the person mention, not to
its name or id. Nothing inside ``doc._.ignore`` is kept.

Identity rules (docs/kb.md, "Actor identity"; words in ``lexicon/data/actor_roles.yaml``): names
the text defines as one ("X, known as Y", "Y (X)") are one actor; a surname goes to the agreeing
full name (given name, honorific gender); outlets that report or are told are sources, not
actors; generic actors give way to named examples ("partners such as China"); ships,
agreements, programmes and unknown places are not actors; the first person outside quotations
is the author (``GEN.AUTHOR``); a fuzzy match never makes a person's name a country.
"""

from __future__ import annotations

from .component import FACTORY, ActorRecognizer, make_actor_recognizer
from .mentions import quoted_tokens
from .roles import AUTHOR_ID, ROLES_FILE, ActorRoles, load_actor_roles

__all__ = [
    "AUTHOR_ID",
    "FACTORY",
    "ROLES_FILE",
    "ActorRecognizer",
    "ActorRoles",
    "load_actor_roles",
    "make_actor_recognizer",
    "quoted_tokens",
]
