"""Classifying quoted sources by affiliation with the keyword lexicon."""

from __future__ import annotations

import pytest

from allegiance.compare import AFFILIATIONS, classify_source, load_source_lexicon
from allegiance.errors import LexiconError


@pytest.fixture(scope="module")
def lexicon():
    return load_source_lexicon()


@pytest.mark.parametrize(
    ("role", "description", "expected"),
    [
        ("Pentagon spokesman", None, "military"),
        ("Pentagon Press Secretary", None, "military"),
        ("U.S. Marine Corps Maj.", None, "military"),
        (None, "a U.S. military source", "military"),
        (None, "One Kurdish Peshmerga lieutenant general", "military"),
        (None, "a senior official with the Asayish", "military"),
        ("Former US brigade general", None, "expert_or_former_official"),
        ("former Iraqi Parliament member", None, "expert_or_former_official"),
        ("Middle East analyst", None, "expert_or_former_official"),
        ("professor of politics", None, "expert_or_former_official"),
        (None, "one Western diplomatic source", "diplomat"),
        ("US ambassador to Iraq", None, "diplomat"),
        ("PMF Deputy Chief", None, "militia"),
        (None, "A commander for the Badr Brigade", "militia"),
        ("militia commander", None, "militia"),
        ("Iranian foreign minister", None, "government"),
        ("State Department spokeswoman", None, "government"),
        ("Iraqi MP", None, "government"),
        ("a senior Iraqi official", None, "government"),
        (None, "the U.S. source", "other"),
        (None, None, "other"),
    ],
)
def test_roles_and_descriptions(lexicon, role, description, expected):
    assert classify_source(lexicon, role=role, description=description) == expected


def test_keywords_match_whole_words_only(lexicon):
    # "Mpumalanga" holds "MP", "generally" holds "general", "formerly" is its own keyword.
    assert classify_source(lexicon, role="Mpumalanga resident") == "other"
    assert classify_source(lexicon, role="generally well informed person") == "other"


def test_actor_type_decides_when_no_keyword_matches(lexicon):
    assert classify_source(lexicon, role="deputy chief", actor_types=["militia"]) == "militia"
    assert classify_source(lexicon, actor_types=["person", "military", "state"]) == "military"
    assert classify_source(lexicon, actor_types=["person"]) == "other"
    # A keyword in the role wins over the type.
    assert classify_source(lexicon, role="former minister", actor_types=["government"]) == (
        "expert_or_former_official"
    )


def test_every_bundled_affiliation_is_known(lexicon):
    assert set(lexicon.order) <= set(AFFILIATIONS)
    assert set(lexicon.actor_types.values()) <= set(AFFILIATIONS)


def test_user_file_extends_keywords_and_types(tmp_path, lexicon):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "keywords:\n  militia: [Saraya Khorasani]\n  diplomat: [UN envoy]\n"
        "actor_types:\n  ngo: expert_or_former_official\n",
        encoding="utf-8",
    )
    mine = load_source_lexicon([user])
    assert classify_source(lexicon, role="Saraya Khorasani spokesman") == "government"
    assert classify_source(mine, role="Saraya Khorasani spokesman") == "militia"
    assert classify_source(mine, role="Pentagon spokesman") == "military"  # bundled kept
    assert classify_source(mine, actor_types=["ngo"]) == "expert_or_former_official"


def test_user_file_can_reorder(tmp_path):
    user = tmp_path / "order.yaml"
    user.write_text(
        "order: [military, government, militia, diplomat, expert_or_former_official]\n",
        encoding="utf-8",
    )
    assert classify_source(load_source_lexicon([user]), role="former general") == "military"


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("keywords:\n  spies: [agent]\n", "keywords.spies"),
        ("keywords:\n  militia: PMF\n", "keywords.militia"),
        ("actor_types:\n  militia: gang\n", "actor_types.militia"),
        ("order: militia\n", "order"),
        ("colours: [red]\n", "colours"),
        ("- a list\n", None),  # a problem of the whole file names no entry
        ("keywords: [unclosed\n", None),
    ],
)
def test_malformed_user_file_names_file_and_entry(tmp_path, text, entry):
    user = tmp_path / "bad.yaml"
    user.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_source_lexicon([user])
    message = str(info.value)
    assert str(user) in message
    assert entry is None or f"entry {entry!r}" in message
    assert "\n" not in message


def test_missing_user_file(tmp_path):
    with pytest.raises(LexiconError, match=r"nope\.yaml"):
        load_source_lexicon([tmp_path / "nope.yaml"])
