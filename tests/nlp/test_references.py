"""Reference data (references.yaml): pronoun families are data read by every component."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.errors import LexiconError
from allegiance.nlp.extensions import ACTORS_KEY
from allegiance.nlp.references import Resolver, load_references, pronouns

# every family the actor, quote and relation components read
FAMILIES = (
    "speaker",
    "we",
    "addressee",
    "they",
    "person",
    "it",
    "controllable",
    "speaker_subjects",
    "group_heads",
    "government_heads",
)


@pytest.mark.parametrize("name", FAMILIES)
def test_bundled_data_names_every_family_the_code_reads(name: str) -> None:
    assert pronouns(name), name


def test_bundled_families_keep_first_person_apart_from_they() -> None:
    data = load_references()
    assert {"we", "our", "i"} <= data.first_person
    assert not data.first_person & data.family("they")
    assert {"the", "these"} <= data.definite


def test_a_user_file_replaces_one_family_and_keeps_the_others(tmp_path: Path) -> None:
    user = tmp_path / "refs.yaml"
    user.write_text("pronoun_sets:\n  we: [we, us]\n", encoding="utf-8")
    data = load_references((str(user),))
    assert data.family("we") == {"we", "us"}
    assert data.family("they") == load_references().family("they")


@pytest.mark.parametrize(
    "body", ["pronoun_sets: [we, us]\n", "pronoun_sets:\n  we: we\n"], ids=["list", "string"]
)
def test_a_malformed_family_names_the_file(tmp_path: Path, body: str) -> None:
    user = tmp_path / "bad_refs.yaml"
    user.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError, match="bad_refs.yaml"):
        load_references((str(user),))


def _resolve(nlp, text: str, word: str, data) -> list[str]:
    doc = nlp(text)
    resolver = Resolver(doc, doc.spans[ACTORS_KEY], data)
    token = next(t for t in doc if t.lower_ == word)
    return [a.actor.actor_id for a in resolver.resolve(token)]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("The United States urged Russia to stop its bombing of Aleppo.", "RUS"),
        ("France called on Iran to end its support for the militias.", "IRN"),
        ("Turkey pressed Iraq to close its border crossings.", "IRQ"),
    ],
)
def test_the_controllable_family_decides_who_is_asked_to_act(
    nlp, tmp_path: Path, text: str, asked: str
) -> None:
    assert _resolve(nlp, text, "its", load_references()) == [asked]
    user = tmp_path / "refs.yaml"
    user.write_text("pronoun_sets:\n  controllable: []\n", encoding="utf-8")
    # without the family, "its" follows the subject as any other pronoun does
    assert _resolve(nlp, text, "its", load_references((str(user),))) != [asked]


def test_every_typed_pronoun_belongs_to_a_family() -> None:
    # a pronoun given actor types but in no family would resolve without the family's rules
    data = load_references()
    families = frozenset().union(
        *(data.family(k) for k in ("speaker", "we", "they", "person", "it"))
    )
    assert set(data.pronouns) <= families, set(data.pronouns) - families
