"""Constructions are registered by name, named on each record, and switchable in config."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from allegiance.errors import ModelError
from allegiance.nlp.relations import (
    DEFAULT_CONSTRUCTIONS,
    READINGS,
    Candidate,
    DocRun,
    RelationExtractor,
    constructions,
)
from allegiance.nlp.relations.names import COMPOUND, PASSIVE_AGENT, REGARDED_AS, VERB

from .helpers import find

PASSIVE = "ISIS was driven out by Kurdish Peshmerga forces."
BACKED = "But it is the Iranian-backed Shia militias who incite the most fear."
REGARDS = "Turkey regards the YPG as an enemy."


def _rerun(nlp, text, **config):
    """The relations of ``text`` from a relation component built with ``config``."""
    doc = nlp(text)
    component = RelationExtractor(nlp, "test_relations", **config)
    return component(doc)._.relations


def test_every_builtin_is_registered_under_a_versioned_name():
    for name in (*DEFAULT_CONSTRUCTIONS, *READINGS):
        assert name.startswith("allegiance.relations.") and name.endswith(".v1")
        assert callable(constructions.get(name))
        assert constructions.get(name).__doc__, f"{name} has no docstring"


@pytest.mark.parametrize(
    ("text", "source", "target", "construction"),
    [
        (PASSIVE, "KRG", "ISIL", PASSIVE_AGENT),
        (BACKED, "IRN", "SHIA", COMPOUND),
        ("Iran has been arming the Houthis in Yemen.", "IRN", "HOUTHIS", VERB),
        (REGARDS, "TUR", "SDF", REGARDED_AS),
    ],
)
def test_each_relation_names_the_construction_that_made_it(nlp, text, source, target, construction):
    rels = find(nlp(text)._.relations, source, target)
    assert rels, [(r.source.actor_id, r.target.actor_id) for r in nlp(text)._.relations]
    assert {r.construction for r in rels} == {construction}


def test_every_relation_of_a_text_has_a_registered_construction(nlp):
    text = f"{PASSIVE} {BACKED} Russia and Iran are allies of the Assad regime."
    rels = nlp(text)._.relations
    assert len(rels) >= 3
    for r in rels:
        assert r.construction is not None and constructions.get(r.construction)


@pytest.mark.parametrize(
    ("text", "source", "target", "name"),
    [(PASSIVE, "KRG", "ISIL", PASSIVE_AGENT), (BACKED, "IRN", "SHIA", COMPOUND)],
)
def test_a_construction_switched_off_by_name_reads_nothing(nlp, text, source, target, name):
    assert find(_rerun(nlp, text), source, target)
    rels = _rerun(nlp, text, disabled_constructions=[name])
    assert not find(rels, source, target)
    assert all(r.construction != name for r in rels)


def test_switching_off_one_construction_leaves_the_others(nlp):
    text = f"{PASSIVE} {BACKED}"
    rels = _rerun(nlp, text, disabled_constructions=[PASSIVE_AGENT])
    assert find(rels, "IRN", "SHIA") and not find(rels, "KRG", "ISIL")


def test_an_unknown_construction_name_is_one_clear_error(nlp):
    with pytest.raises(ModelError, match="allegiance.relations.no_such.v1"):
        RelationExtractor(nlp, "x", disabled_constructions=["allegiance.relations.no_such.v1"])


_VERSUS = "tests.relations.versus.v1"


@constructions.register(_VERSUS)
def _versus(run: DocRun, tok, sent) -> Iterator[Candidate]:
    """ "the rivalry of Iran versus Saudi Arabia": the actors on both sides of "versus"."""
    if tok.lower_ not in ("versus", "vs."):
        return
    left = run.tok2span.get(tok.i - 1)
    right = run.tok2span.get(tok.i + 1)
    if left is None or right is None:
        return
    yield from run.pairs(
        [run.span_arg(left)],
        [run.span_arg(right)],
        run.lex.stance_nouns["rival"],
        tok.i,
        tok.i + 1,
        tok,
        0.6,
        2,
        construction=_VERSUS,
    )


def test_a_users_construction_runs_when_listed(nlp):
    text = "The match pits Iran versus Saudi Arabia."
    assert not any(r.construction == _VERSUS for r in _rerun(nlp, text))
    listed = [*DEFAULT_CONSTRUCTIONS, _VERSUS]
    rels = _rerun(nlp, text, constructions=listed)
    mine = [r for r in rels if r.construction == _VERSUS]
    assert [(r.source.actor_id, r.target.actor_id, r.category) for r in mine] == [
        ("IRN", "SAU", "OPPOSE")
    ]


def test_the_config_survives_serialisation(nlp, tmp_path):
    component = RelationExtractor(nlp, "x", disabled_constructions=[COMPOUND])
    component.to_disk(tmp_path)
    other = RelationExtractor(nlp, "x").from_disk(tmp_path)
    assert other.disabled == {COMPOUND}
    assert other.constructions == list(DEFAULT_CONSTRUCTIONS)
