"""Closed grammatical classes and limits the relation constructions rely on.

These are grammar (dependency labels, relative and reciprocal pronouns), not vocabulary: every
word list a user may want to extend (light verbs, holding verbs, copulas, quantifiers...) is
data, in ``lexicon/data/triggers.yaml`` and ``lexicon/data/relation_words.yaml``.
"""

from __future__ import annotations

SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass")
REL_PRONOUNS = {"who", "which", "that", "whom"}
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod")
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "dative", "compound"}
MUTUAL_OBJECTS = {("each", "other"), ("one", "another")}  # reciprocal pronouns
ENEMY_WINDOW_TOKENS = 400  # how far back an unnamed asset's owner may have been named
