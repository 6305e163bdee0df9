"""``doc._.agent_words``: what the actor component reads around mentions for the relations
(agent nouns, the parts of states they name, actors inside hyphenated compounds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.nlp.extensions import ActorRef, AgentWords
from allegiance.nlp.pipeline import build_pipeline


def _inner(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {doc[i].text: ref.actor_id for i, ref in doc._.agent_words.inner.items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "But it is the Iranian-backed Shia militias who incite the most fear.",
            {"Iranian": "IRN"},
        ),
        ("Kremlin-funded outlets attacked the opposition leader.", {"Kremlin": "RUS.GOV"}),
        ("Turkish-trained police officers patrolled the market.", {"Turkish": "TUR"}),
        # a word no actor has, and a compound whose first word is a mention already
        ("The well-known lawyer represented the union.", {}),
        ("The US-led coalition struck ISIL.", {}),
    ],
)
def test_an_actor_inside_a_hyphenated_compound_is_read_once(nlp, text, expected) -> None:
    assert _inner(nlp, text) == expected


def test_the_agent_nouns_and_the_parts_of_the_states_they_name(nlp) -> None:
    doc = nlp("The U.S. has some 200 advisers deployed alongside Iraqi units near Troy.")
    words = doc._.agent_words
    assert sorted(doc[i].text for i in words.nouns) == ["advisers", "units"]
    usa = next(s._.actor for s in doc.spans["actors"] if s._.actor.actor_id == "USA")
    part = words.part(usa, "Advisers")
    assert part is not None and part.actor_id == "USA.MIL"
    assert part.confidence == usa.confidence  # trusted as much as the whole
    assert words.part(usa, "lawyers") is None  # no agent noun of this document


def test_an_organisation_has_no_parts(nlp) -> None:
    doc = nlp("ISIL fighters and Turkish troops clashed near the border.")
    assert not any(whole == "ISIL" for whole, _ in doc._.agent_words.parts)


def test_a_document_without_the_actor_component_reads_no_agent_words() -> None:
    empty = AgentWords()
    ref = ActorRef("IRQ", "Iraq", "state")
    assert empty.part(ref, "forces") is None and not empty.nouns and not empty.inner


def test_relations_read_the_actor_components_knowledge_base(tmp_path: Path) -> None:
    """A user's actor file reaches the relations through the actor component only (the
    relation component loads no knowledge base of its own)."""
    user = tmp_path / "mine.yaml"
    user.write_text(
        "actors:\n- {id: ZRL, name: Zorland, type: state, aliases: [Zorland],"
        " adjectives: [Zorlandian]}\n",
        encoding="utf-8",
    )
    nlp = build_pipeline(kb_paths=(str(user),))
    assert not hasattr(nlp.get_pipe("allegiance_relations"), "kb")
    doc = nlp("It is the Zorlandian-backed Shia militias who incite the most fear.")
    assert _inner(nlp, doc.text) == {"Zorlandian": "ZRL"}
    pairs = {(r.source.actor_id, r.target.actor_id) for r in doc._.relations if r.target}
    assert ("ZRL", "SHIA.MILITIA") in pairs, pairs
