"""The KB seen as actor facts for roll-up and source affiliation."""

from __future__ import annotations

import pytest

from allegiance.compare import ActorInfo, KBActors, compare_outlets
from allegiance.kb import ActorKB

from ._factory import doc, quote


@pytest.fixture(scope="module")
def kb_actors():
    return KBActors(ActorKB.load())


def test_kb_actors_give_name_type_parent_and_country(kb_actors):
    assert kb_actors["PMF.BADR"] == ActorInfo(
        name=kb_actors["PMF.BADR"].name, actor_type="militia", parent_id="PMF", country="IRQ"
    )
    assert kb_actors["PER.BASHAR_AL_ASSAD"].parent_id == "SYR.GOV"
    assert "USA" in kb_actors
    assert "NOT.AN.ACTOR" not in kb_actors
    assert len(kb_actors) == sum(1 for _ in kb_actors) > 100


def test_kb_decides_a_quoted_persons_affiliation():
    # The records say nothing of Soleimani; the KB knows he commands the Quds Force.
    records = [doc("d", "X"), quote("d", speaker="KADMI")]
    records[1] = records[1].model_copy(
        update={
            "speaker": records[1].speaker.model_copy(update={"actor_id": "PER.QASSEM_SOLEIMANI"})
        }
    )
    plain = compare_outlets(records).outlets["X"].sources.entries[0]
    assert plain.affiliation == "other"
    with_kb = compare_outlets(records, actors=KBActors(ActorKB.load())).outlets["X"]
    assert with_kb.sources.entries[0].affiliation == "military"
    assert with_kb.sources.entries[0].speaker == "Qassem Soleimani"
