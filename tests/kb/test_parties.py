"""The political parties of ``kb/data/parties.yaml``: ids, countries, aliases and resolution in text."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pytest
import yaml

from allegiance.kb import ActorKB, normalize
from allegiance.nlp.extensions import ACTORS_KEY

# bare party-family words: each names a party in many countries, never one party by itself
FAMILY_WORDS = {
    "democrats", "republicans", "labour", "labor", "conservatives", "liberals", "socialists",
    "greens", "tories", "communists", "congress", "the left", "left", "national front",
    "democratic party", "liberal party", "labour party", "labor party", "conservative party",
    "socialist party", "people's party", "peoples party", "workers' party", "workers party",
    "green party",
}  # fmt: skip

# acronyms left out on purpose: each is also a common abbreviation or another organisation's
# ("DA" district attorney, "PT" Pacific Time, "PTI" Press Trust of India, "CHP" California
# Highway Patrol, "MAS" Monetary Authority of Singapore, "APC" armoured personnel carrier,
# "PKR" the Pakistani rupee, "BNP" BNP Paribas, "CPC" Canada's Conservatives as well as China's
# Communist Party, "PAS" Moldova's party as well as Malaysia's, "PDP" Nigeria's and Kashmir's)
AMBIGUOUS_ACRONYMS = {
    "DA", "PT", "PTI", "CHP", "MAS", "APC", "PKR", "BNP", "CPC", "PAS", "PDP", "RN", "PS", "PD",
    "EFF", "AAP", "PPP", "DAP", "MDB", "SNS", "RPF", "CCC", "NDC", "NPP", "PSL", "SVP", "ARENA",
}  # fmt: skip

_ID = re.compile(r"^[A-Z]{3}\.[A-Z0-9_]+$")


def _entries() -> list[dict[str, Any]]:
    path = resources.files("allegiance.kb").joinpath("data", "parties.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["actors"]


ENTRIES = _entries()


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_the_file_lists_many_parties_once_each() -> None:
    ids = [e["id"] for e in ENTRIES]
    assert len(ids) >= 150
    assert len(ids) == len(set(ids))
    assert "DEU.CDU" in ids


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_every_party_belongs_to_a_state_named_in_its_id(kb: ActorKB, entry: dict) -> None:
    country = entry["country"]
    state = kb.get(country)
    assert state is not None and state.type == "state", country
    assert entry["id"].startswith(f"{country}."), entry["id"]
    assert _ID.match(entry["id"]), entry["id"]
    actor = kb.get(entry["id"])
    assert actor is not None and actor.type == "party" and actor.sector == "party"
    assert kb.country_of(entry["id"]) == country


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_no_alias_is_a_bare_family_word(entry: dict) -> None:
    for alias in entry.get("aliases") or []:
        assert alias.strip().lower() not in FAMILY_WORDS, (entry["id"], alias)
        assert normalize(alias) not in {normalize(w) for w in FAMILY_WORDS}, (entry["id"], alias)


def test_no_alias_is_an_ambiguous_acronym() -> None:
    aliases = {a for e in ENTRIES for a in e.get("aliases") or []}
    assert not aliases & AMBIGUOUS_ACRONYMS


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_every_alias_looks_up_its_own_party(kb: ActorKB, entry: dict) -> None:
    for alias in entry.get("aliases") or []:
        found = kb.lookup(alias)
        assert found is not None and found.id == entry["id"], (alias, found)


@pytest.mark.parametrize(
    ("text", "phrase", "actor_id"),
    [
        ("Hungary's Fidesz won a fourth term.", "Fidesz", "HUN.FIDESZ"),
        ("Germany's SPD agreed to join the coalition.", "SPD", "DEU.SPD"),
        ("The far-right Alternative for Germany surged in the east.", "Alternative for Germany", "DEU.AFD"),
        ("Spain's PSOE lost the regional vote.", "PSOE", "ESP.PSOE"),
        ("Poland's Law and Justice party lost its majority.", "Law and Justice party", "POL.PIS"),
        ("Pakistan Tehreek-e-Insaf supporters clashed with police.", "Pakistan Tehreek-e-Insaf", "PAK.PTI"),
        ("Bangladesh's Awami League was barred from the election.", "Awami League", "BGD.AL"),
        ("Japan's Komeito quit the ruling coalition.", "Komeito", "JPN.KOMEITO"),
        ("Georgian Dream claimed victory in the parliamentary election.", "Georgian Dream", "GEO.GD"),
        ("The Scottish National Party lost seats in Glasgow.", "Scottish National Party", "GBR.SNP"),
        ("South Africa's Economic Freedom Fighters marched on parliament.", "Economic Freedom Fighters", "ZAF.EFF"),
        ("Kenya's Orange Democratic Movement held a rally in Nairobi.", "Orange Democratic Movement", "KEN.ODM"),
        ("The Chinese Communist Party marked its anniversary.", "Chinese Communist Party", "CHN.CCP"),
        ("Sinn Féin became the largest party in Northern Ireland.", "Sinn Féin", "IRL.SF"),
    ],
)  # fmt: skip
def test_a_party_named_in_a_sentence_resolves_to_its_id(nlp, text, phrase, actor_id) -> None:
    doc = nlp(text)
    found = [(s.text, s._.actor.actor_id) for s in doc.spans[ACTORS_KEY]]
    assert any(a == actor_id and phrase in t for t, a in found), found


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("She fried the onions in a pan before adding the rice.", "MEX.PAN"),
        ("The citation is on pp. 12-14 of the report.", "ESP.PP"),
        ("The Manhattan DA filed charges against the landlord.", "ZAF.DA"),
        ("The loan was worth PKR 5 billion, the finance ministry said.", "MYS.PKR"),
    ],
)
def test_a_common_word_or_other_acronym_is_no_party(nlp, text, actor_id) -> None:
    doc = nlp(text)
    found = [(s.text, s._.actor.actor_id) for s in doc.spans[ACTORS_KEY]]
    assert all(a != actor_id for _, a in found), found


@pytest.mark.parametrize(
    "text", ["The plan would reform UK pensions.", "Ministers want to reform UK planning law."]
)
def test_a_party_name_written_as_ordinary_words_is_no_party(nlp, text: str) -> None:
    doc = nlp(text)
    assert not [s for s in doc.spans["actors"] if s._.actor.actor_id == "GBR.REFORM"]


def test_a_party_name_written_as_a_name_is_the_party(nlp) -> None:
    doc = nlp("Reform UK won five seats.")
    assert [s._.actor.actor_id for s in doc.spans["actors"]] == ["GBR.REFORM"]
