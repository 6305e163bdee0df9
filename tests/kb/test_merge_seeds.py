"""Issue 15 seed checks that depend on actor identity, on the founding articles: the Shia
militias and the Popular Mobilization Forces are one actor in the network, "Shia leaders" make
no "Shia government", and the Pentagon spokesman is one person however he is named.

The seed texts are copied from ../shared/seeds into a temporary folder (never committed).
"""

from __future__ import annotations

import pytest

from allegiance.analysis import bundle_from_records
from allegiance.ingest.document import read_documents
from allegiance.nlp.pipeline import extract
from allegiance.schema import Mention

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def records(seed_texts, tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("seeds")
    for name, text in seed_texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return list(extract(read_documents(sorted(folder.glob("*.txt"))), nlp=nlp))


def test_militias_and_pmf_are_one_node(records) -> None:
    nodes = {n.id for n in bundle_from_records(records).network.nodes}
    assert "PMF" in nodes
    assert "SHIA.MILITIA" not in nodes, nodes


def test_shia_leaders_make_no_shia_government(records) -> None:
    ids = {r.actor_id for r in records if isinstance(r, Mention)}
    assert "SHIA.GOV" not in ids
    leaders = [r for r in records if isinstance(r, Mention) and r.text == "Shia leaders"]
    assert leaders and all(r.actor_id == "SHIA" for r in leaders)


def test_the_spokesman_is_one_person(records) -> None:
    named = {
        r.actor_id
        for r in records
        if isinstance(r, Mention) and "Galloway" in r.text and r.actor_type == "person"
    }
    assert len(named) == 1, named
