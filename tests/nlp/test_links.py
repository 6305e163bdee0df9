"""Only mentions are arguments: every actor argument names a mention record of its document."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from allegiance.ingest import InputDocument, demo_corpus_paths, read_documents
from allegiance.nlp.links import MentionLinks
from allegiance.nlp.pipeline import ExtractOptions, extract
from allegiance.schema import ActorArg, Mention, Quote, Relation


def _arguments(records: Iterable[object]) -> list[tuple[str, ActorArg]]:
    out: list[tuple[str, ActorArg]] = []
    for r in records:
        if isinstance(r, Relation):
            args = (r.source, r.target, r.attributed_to)
        elif isinstance(r, Quote):
            args = (r.speaker, r.reporting_source)
        else:
            continue
        out.extend((r.doc_id, a) for a in args if a is not None and a.actor_id)
    return out


def _broken(records: list[object]) -> list[str]:
    """Arguments whose mention_id is missing, unknown, names another actor or document, or
    points away from the argument's words although a mention is at them (only an implicit
    agent, whose words hold no mention, may name the earlier mention of its actor)."""
    mentions = {m.id: m for m in records if isinstance(m, Mention)}
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions.values():
        by_doc.setdefault(m.doc_id, []).append(m)
    bad = []
    for doc_id, arg in _arguments(records):
        m = mentions.get(arg.mention_id or "")
        if m is None or m.actor_id != arg.actor_id or m.doc_id != doc_id:
            bad.append(f"{doc_id}: {arg.text!r} {arg.actor_id} -> {arg.mention_id}")
            continue
        here = [x for x in by_doc[doc_id] if x.start < arg.end and arg.start < x.end]
        if here and not (m.start < arg.end and arg.start < m.end):
            bad.append(f"{doc_id}: {arg.text!r} {arg.actor_id} is not the mention at its words")
    return bad


def test_every_argument_of_the_demo_corpus_and_the_seeds_is_a_mention(nlp, seed_texts) -> None:
    documents = list(read_documents(demo_corpus_paths()))
    documents += [
        InputDocument(doc_id=name, text=text, sha256=f"{i:064x}")
        for i, (name, text) in enumerate(seed_texts.items())
    ]
    records = list(extract(documents, nlp=nlp, options=ExtractOptions(n_process=1)))
    args = _arguments(records)
    assert len(args) > 500  # relations and quotes of 47 documents
    assert _broken(records) == []
    # most arguments are a mention at their own words (the rest: "Gen. Joseph Votel" for
    # "Joseph Votel", and implicit agents such as "strikes" in a coalition release)
    mentions = {m.id: m for m in records if isinstance(m, Mention)}
    at_place = [
        a
        for _, a in args
        if mentions[a.mention_id or ""].start < a.end and a.start < mentions[a.mention_id or ""].end
    ]
    assert len(at_place) / len(args) > 0.6


def _mention(i: int, start: int, end: int, actor: str) -> Mention:
    return Mention(id=f"d:m{i}", doc_id="d", text="x" * (end - start), start=start, end=end,
                   actor_id=actor, actor_name=actor, actor_type="state", resolved_by="kb",
                   confidence=1.0)  # fmt: skip


@pytest.mark.parametrize(
    ("start", "end", "actor", "expected"),
    [
        (10, 15, "IRN", "d:m1"),  # the mention at the argument's words
        (12, 15, "IRN", "d:m1"),  # inside a longer mention ("Gen. Joseph Votel")
        (30, 40, "USA", "d:m0"),  # an implicit agent: the earlier mention of its actor
        (0, 4, "ISIL", "d:m2"),  # no earlier one: the first later one
        (0, 4, "RUS", None),  # an actor never mentioned
    ],
)
def test_an_argument_names_the_mention_its_actor_is_read_from(start, end, actor, expected):
    links = MentionLinks([_mention(0, 0, 4, "USA"), _mention(1, 10, 15, "IRN"),
                          _mention(2, 50, 54, "ISIL")])  # fmt: skip
    arg = links.arg(ActorArg(text="x", start=start, end=end, actor_id=actor))
    assert arg is not None and arg.mention_id == expected


@pytest.mark.parametrize(
    ("text", "word", "actors"),
    [
        # "they" after a coordination: a mention for each actor (diplomacy, business, courts)
        ("The US and Britain met in London, and they imposed sanctions on Russia.", "they",
         {"USA", "GBR"}),
        ("Iran and Russia sent troops to Syria, and they attacked the rebels in Aleppo.", "they",
         {"IRN", "RUS"}),
    ],
)  # fmt: skip
def test_a_coordinated_they_is_a_mention_of_each_actor_a_relation_reads(nlp, text, word, actors):
    from allegiance.nlp.extensions import ACTORS_KEY

    doc = nlp(text)
    found = {s._.actor.actor_id for s in doc.spans[ACTORS_KEY] if s.text == word}
    used = {r.source.actor_id for r in doc._.relations if r.source.text == word}
    assert used == actors, used
    assert found >= actors, found


def test_an_adopted_reference_is_trusted_less_than_its_antecedent(nlp) -> None:
    from allegiance.nlp.extensions import ACTORS_KEY

    doc = nlp("The US and Britain met in London, and they imposed sanctions on Russia.")
    spans = doc.spans[ACTORS_KEY]
    named = next(s for s in spans if s.text == "Britain")._.actor.confidence
    they = next(s for s in spans if s.text == "they" and s._.actor.actor_id == "GBR")
    assert they._.actor.resolved_by == "coref"
    assert they._.actor.confidence < named
