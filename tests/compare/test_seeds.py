"""The founding articles compared: Al Jazeera (2014) and Fox News (2016) on the same story.

Runs the whole pipeline on the two seed texts (read through ``seed_texts``; never committed)
and checks what a reader takes from comparing them (../shared/seeds/README.md, issue 6).
Actor ids are matched by family (``IRN`` and its sub-actors ``IRN.MIL``, ``IRN.GOV``...), since
the comparison is about who, not about the granularity the extractor picks.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import pytest

from allegiance.compare import OutletComparison, OutletProfile, Tie, compare_outlets

pytestmark = pytest.mark.model

AJ, FOX = "Al Jazeera", "Fox News"
SEEDS = {
    "000_e62be7c73eca7f33.txt": (AJ, "2014-11-10"),
    "004_5ff732ae76819818.txt": (FOX, "2016-10-20"),
}

Pred = Callable[[str, str], bool]


def _family(*prefixes: str) -> Pred:
    return lambda actor_id, name: any(
        actor_id == p or actor_id.startswith(p + ".") for p in prefixes
    )


IRAN = _family("IRN")
TURKEY = _family("TUR")
KURDS = _family("KURDS", "KRG")


def MILITIAS(actor_id: str, name: str) -> bool:
    return "MILITIA" in actor_id or _family("PMF")(actor_id, name) or "militia" in name.lower()


def ASSAD(actor_id: str, name: str) -> bool:
    # "president Bashar al-Assad's regime": the man or the Syrian government he heads.
    return "assad" in name.lower() or _family("PER.BASHAR_AL_ASSAD", "SYR.GOV")(actor_id, name)


US = re.compile(r"(?<!\w)(?:U\.?S\.?|US|American|Pentagon)(?!\w)")
KURDISH = re.compile(r"Kurd|Peshmerga|Asayish", re.IGNORECASE)


@pytest.fixture(scope="module")
def records(nlp, seed_texts):
    from allegiance.ingest import InputDocument, find_furniture
    from allegiance.nlp.pipeline import extract

    docs = []
    for name, (outlet, published) in SEEDS.items():
        text = seed_texts[name]
        docs.append(
            InputDocument(
                doc_id=name,
                text=text,
                title=text.splitlines()[0],
                outlet=outlet,
                published=published,
                source=name,
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                ignore=tuple(find_furniture(text)),
            )
        )
    return list(extract(docs, nlp=nlp))


@pytest.fixture(scope="module")
def comparison(records) -> OutletComparison:
    return compare_outlets(records)


def _ties(profile: OutletProfile, x: Pred, y: Pred) -> list[Tie]:
    return [
        t
        for t in profile.ties
        if (x(t.a, t.a_name) and y(t.b, t.b_name)) or (y(t.a, t.a_name) and x(t.b, t.b_name))
    ]


@pytest.mark.parametrize(
    ("only", "other", "x", "y", "sign"),
    [
        (FOX, AJ, TURKEY, IRAN, -1),  # Turkey watches Iran warily
        (FOX, AJ, KURDS, MILITIAS, -1),  # the Kurds distrust the militias
        (AJ, FOX, IRAN, ASSAD, 1),  # Iran backs Assad in Syria
    ],
    ids=["turkey-iran", "kurds-militias", "iran-assad"],
)
def test_ties_only_one_outlet_reports(comparison, only, other, x, y, sign):
    reported = _ties(comparison.outlets[only], x, y)
    assert reported, f"{only} should report this tie"
    assert not _ties(comparison.outlets[other], x, y), f"{other} should not report this tie"
    only_in = [d for d in comparison.differences.only_in if d.outlet == only and d.tie in reported]
    assert only_in
    assert any(d.tie.sign == sign for d in only_in)


def _anonymous_quotes(profile: OutletProfile, pattern: re.Pattern[str], affiliation=None) -> int:
    return sum(
        e.n
        for e in profile.sources.entries
        if e.anonymous
        and pattern.search(f"{e.speaker} {e.role or ''}")
        and (affiliation is None or e.affiliation == affiliation)
    )


def test_fox_relies_on_anonymous_us_military_and_kurdish_sources(comparison):
    fox, aj = comparison.outlets[FOX], comparison.outlets[AJ]
    # "a U.S. military source within the high ranks of Operation Inherent Resolve", twice more.
    assert _anonymous_quotes(fox, US, "military") >= 2
    # "One Kurdish Peshmerga lieutenant general", "a senior official with the Asayish".
    assert _anonymous_quotes(fox, KURDISH) >= 2
    assert _anonymous_quotes(aj, US, "military") == 0
    assert _anonymous_quotes(aj, KURDISH) == 0
    assert fox.sources.anonymous > aj.sources.anonymous


def test_al_jazeera_relies_on_a_named_former_general_and_an_unnamed_diplomat(comparison):
    aj, fox = comparison.outlets[AJ], comparison.outlets[FOX]
    former = [e for e in aj.sources.entries if not e.anonymous and "kimmit" in e.speaker.lower()]
    assert former, "Mark Kimmit, former US brigade general, is quoted by name"
    assert former[0].affiliation == "expert_or_former_official"
    diplomats = [e for e in aj.sources.entries if e.anonymous and e.affiliation == "diplomat"]
    assert diplomats, "one Western diplomatic source"
    assert fox.sources.by_affiliation["diplomat"] == 0


def test_us_troop_figures_read_as_growth(records):
    # Roll sub-actors up to the country: "U.S. troops" are the United States' troops.
    numbers = compare_outlets(records, rollup="country").differences.numbers
    troops = [n for n in numbers if n.concept == "troops" and n.actor_id == "USA"]
    assert len(troops) == 1
    finding = troops[0]
    assert (finding.kind, finding.direction) == ("change_over_time", "up")
    by_outlet = {v.outlet: v for v in finding.values}
    assert by_outlet[AJ].value == pytest.approx(3000)  # just over the 3,000 mark
    assert by_outlet[AJ].date.startswith("2014")
    assert by_outlet[FOX].value == pytest.approx(5000)  # nearly 5,000
    assert by_outlet[FOX].date.startswith("2016")


# -- ties that tell the story (issue 15) ----------------------------------------------


@pytest.fixture(scope="module")
def network(records):
    from allegiance.network import build_network

    return build_network(records)


def test_iran_and_the_us_are_a_mixed_tie_an_uneasy_alliance_against_isil(network):
    from allegiance.network import uneasy_alliances

    e = network["IRN"]["USA"]
    # "uneasy alliance that has US working with Iran" / "The Americans don't trust the Iranians"
    assert e["state"] == "mixed"
    assert e["material_positive"] > 0 and e["stance_negative"] > 0
    assert e["description"] == "material cooperation; hostile stance"
    found = [u for u in uneasy_alliances(network) if {u["a"], u["b"]} == {"IRN", "USA"}]
    assert found, "Iran - United States is an uneasy alliance"
    assert "mixed" in found[0]["reason"] and "shared_enemy" in found[0]["reason"]
    assert "ISIL" in [s["id"] for s in found[0]["shared_enemies"]]


def test_no_tie_counts_the_same_sentence_twice(network):
    for a, b, e in network.edges(data=True):
        keys = [(r["doc_id"], r["sentence"], r["sign"]) for r in e["reports"]]
        assert len(keys) == len(set(keys)), f"{a} - {b} counts a sentence twice"
        ids = [rid for r in e["reports"] for rid in r["relations"]]
        assert sorted(ids) == sorted(e["relations"])
        assert e["evidence"] == len(e["reports"]) == e["positive"] + e["negative"] + e["neutral"]
    # "... as they both back the war on a common enemy, ISIL": an ASSAULT and an OPPOSE
    # for each of Iran and the US, one hostile report per pair
    for actor in ("IRN", "USA"):
        common = [
            r for r in network[actor]["ISIL"]["reports"] if "common enemy" in (r["sentence"] or "")
        ]
        assert len(common) == 1 and len(common[0]["relations"]) == 2


def test_compare_ties_are_the_networks_rule_per_outlet(records, comparison):
    from allegiance.network import build_network

    fox_docs = {d for d, (outlet, _) in SEEDS.items() if outlet == FOX}
    fox_network = build_network(r for r in records if getattr(r, "doc_id", None) in fox_docs)
    for tie in comparison.outlets[FOX].ties:
        e = fox_network[tie.a][tie.b]
        assert (tie.sign, tie.state, tie.evidence) == (e["sign"], e["state"], e["evidence"])
    fox = {(t.a, t.b): t for t in comparison.outlets[FOX].ties}
    assert fox[("IRN", "USA")].state == "mixed"
