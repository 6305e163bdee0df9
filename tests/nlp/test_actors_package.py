"""The actors package keeps its public names, its factory and its bundled data after the split."""

from __future__ import annotations

import spacy

import allegiance.nlp.actors as actors
from allegiance.nlp.actors import FACTORY, ROLES_FILE, ActorRecognizer, load_actor_roles


def test_every_public_name_is_exported() -> None:
    for name in actors.__all__:
        assert getattr(actors, name) is not None, name


def test_the_bundled_roles_file_is_found_from_the_package() -> None:
    assert ROLES_FILE.is_file(), ROLES_FILE
    roles = load_actor_roles()
    # the bundled lists are read, not empty defaults
    assert roles.outlet_subject_verbs and roles.alias_cues and roles.place_prepositions


def test_the_factory_name_builds_the_recognizer() -> None:
    nlp = spacy.blank("en")
    assert isinstance(nlp.add_pipe(FACTORY), ActorRecognizer)
    assert FACTORY == "allegiance_actors"
