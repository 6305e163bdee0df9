"""Closed word classes and limits the relation constructions rely on.

These are grammar (dependency labels, relative pronouns, copulas), not domain vocabulary; the
domain word lists (light verbs, instrument verbs, holding verbs...) live in the lexicon data.
"""

from __future__ import annotations

SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass")
QUANTIFIERS = frozenset({"all", "some", "many", "most", "each", "both", "several", "few"})
INCLUDE = frozenset({"include", "comprise"})  # "ISIL targets, which include ..."
REL_PRONOUNS = {"who", "which", "that", "whom"}
COPULAS = {"be", "become", "remain", "seem", "appear", "stay"}
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod")
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "dative", "compound"}
MUTUAL_OBJECTS = {("each", "other"), ("one", "another")}
ENEMY_WINDOW_TOKENS = 400  # how far back an unnamed asset's owner may have been named
INSTRUMENTAL = {"use", "employ", "exploit", "deploy", "send", "dispatch", "mobilize", "mobilise"}
HOLDING = {"hold", "control", "occupy", "run", "seize", "capture", "dominate"}
RECEIVING = {"receive", "take", "face", "suffer", "endure", "sustain", "absorb", "get"}
AGENTIVE_PASSIVES = {"involve", "engage", "implicate", "task"}
POSSESSING = {"have", "send", "deploy", "dispatch", "station", "keep", "maintain", "commit"}
ASPECTUAL = {"continue", "keep", "begin", "start", "resume", "remain", "tend"}
OBJECT_CONTROL = {
    "urge",
    "ask",
    "help",
    "allow",
    "force",
    "order",
    "encourage",
    "call",
    "push",
    "press",
    "enable",
    "permit",
    "persuade",
    "convince",
    "invite",
    "train",
    "assist",
    "empower",
    "equip",
    "aid",
    "support",
    "require",
    "pressure",
    "tell",
}
