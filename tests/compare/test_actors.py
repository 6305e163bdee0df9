"""Actor facts from KB YAML files for roll-up and source affiliation."""

from __future__ import annotations

import pytest

from allegiance.compare import ActorInfo
from allegiance.compare.actors import read_actor_info
from allegiance.errors import KnowledgeBaseError


def _write(tmp_path, text, name="kb.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_entries_with_defaults_and_affiliation_as_parent(tmp_path):
    path = _write(
        tmp_path,
        "defaults: {type: militia}\n"
        "actors:\n"
        "- {id: PMF, name: Popular Mobilization Forces, country: IRQ}\n"
        "- {id: PMF.BADR, name: Badr Organization, parent: PMF}\n"
        "- {id: PER.KADMI, name: Moen Al Kadmi, type: person, affiliation: PMF}\n",
    )
    infos = read_actor_info([path])
    assert infos["PMF"] == ActorInfo(
        name="Popular Mobilization Forces", actor_type="militia", country="IRQ"
    )
    assert infos["PMF.BADR"].parent_id == "PMF"
    assert infos["PER.KADMI"] == ActorInfo(
        name="Moen Al Kadmi", actor_type="person", parent_id="PMF"
    )


def test_later_files_win(tmp_path):
    first = _write(tmp_path, "actors:\n- {id: X, name: First}\n", "a.yaml")
    second = _write(tmp_path, "actors:\n- {id: X, name: Second}\n", "b.yaml")
    assert read_actor_info([first, second])["X"].name == "Second"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("actors:\n- {name: nameless}\n", "needs a string id"),
        ("actors:\n- {id: X, type: gang}\n", "unknown actor type 'gang'"),
        ("actors: {id: X}\n", "'actors' list"),
        ("defaults: [1]\nactors: []\n", "'defaults' must be a mapping"),
        ("actors: [unclosed\n", "kb.yaml"),
    ],
)
def test_malformed_files_name_the_file_and_reason(tmp_path, text, reason):
    path = _write(tmp_path, text)
    with pytest.raises(KnowledgeBaseError) as info:
        read_actor_info([path])
    assert str(path) in str(info.value)
    assert reason in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="no-kb"):
        read_actor_info([tmp_path / "no-kb.yaml"])
