"""Merging actors across a corpus: defined names and surnames chained between documents."""

from __future__ import annotations

from typing import Any

from allegiance.kb import ActorKB
from allegiance.kb.merge import corpus_merges, merged_rollup


def m(doc: str, text: str, actor_id: str, by: str = "ner", atype: str = "person") -> dict[str, Any]:
    return {"kind": "mention", "doc_id": doc, "text": text, "actor_id": actor_id,
            "actor_type": atype, "resolved_by": by}  # fmt: skip


def test_a_surname_in_another_document_is_the_one_full_name() -> None:
    recs = [
        m("a", "Maj. Adrian Rankine-Galloway", "NER:adrian rankine galloway"),
        m("b", "Rankine-Galloway", "NER:rankine galloway"),
        m("c", "Galloway", "NER:galloway"),
    ]
    merges = corpus_merges(recs)
    assert merges == {
        "NER:rankine galloway": "NER:adrian rankine galloway",
        "NER:galloway": "NER:adrian rankine galloway",
    }


def test_a_surname_shared_by_two_full_names_stays_apart() -> None:
    recs = [
        m("a", "Bill Clinton", "NER:bill clinton"),
        m("b", "Hillary Clinton", "NER:hillary clinton"),
        m("c", "Clinton", "NER:clinton"),
    ]
    assert "NER:clinton" not in corpus_merges(recs)


def test_the_honorific_picks_between_full_names() -> None:
    recs = [
        m("a", "Maria Lopez", "NER:maria lopez"),
        m("a", "Carlos Lopez", "NER:carlos lopez"),
        m("b", "Ms. Lopez", "NER:ms lopez"),
        m("b", "Mr. Lopez", "NER:mr lopez"),
    ]
    merges = corpus_merges(recs)
    assert merges["NER:ms lopez"] == "NER:maria lopez"
    assert merges["NER:mr lopez"] == "NER:carlos lopez"


def test_a_name_defined_in_one_document_holds_in_another() -> None:
    recs = [
        m("fox", "Popular Mobilization Forces", "PMF", "kb", "militia"),
        m("fox", "Shia militias", "PMF", "coref", "militia"),
        m("aj", "Shia militias", "SHIA.MILITIA", "kb", "militia"),
    ]
    assert corpus_merges(recs) == {"SHIA.MILITIA": "PMF"}


def test_a_name_defined_two_ways_is_not_merged() -> None:
    recs = [
        m("a", "the front", "NER:north front", "coref", "rebel"),
        m("b", "the front", "NER:south front", "coref", "rebel"),
        m("c", "the front", "NER:front", "ner", "rebel"),
    ]
    assert corpus_merges(recs) == {}


def test_known_actors_are_never_merged_away() -> None:
    # "Tehran" read as a place-name coreference in one text must not swallow Iran
    recs = [m("a", "Iran", "IRQ", "coref", "state"), m("b", "Iran", "IRN", "kb", "state")]
    assert corpus_merges(recs, ActorKB.load()) == {}


def test_merged_rollup_composes_with_a_level() -> None:
    roll = merged_rollup({"NER:galloway": "NER:adrian galloway"}, lambda a: a.upper())
    assert roll is not None and roll("NER:galloway") == "NER:ADRIAN GALLOWAY"
    assert merged_rollup({}, None) is None
