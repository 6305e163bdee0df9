"""PETRARCH/TABARI actor and agent dictionaries into the KB and agent formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.interop.events import ImportReport
from allegiance.interop.petrarch import (
    agents_yaml,
    kb_entries,
    kb_yaml,
    read_agents,
    read_petrarch,
)
from allegiance.kb import ActorKB
from allegiance.kb.agents import load_agents

DATA = Path(__file__).resolve().parents[1] / "data" / "interop"
ACTORS = DATA / "petrarch_actors.txt"
AGENTS = DATA / "petrarch_agents.txt"


@pytest.fixture(scope="module")
def kb():
    return ActorKB.load()


def _import(kb, tmp_path, **kw):
    report = ImportReport(log=False)
    entries = kb_entries(read_petrarch(ACTORS, report), kb, report=report, where=str(ACTORS), **kw)
    out = tmp_path / "petrarch_kb.yaml"
    out.write_text(kb_yaml(entries, ACTORS.name), encoding="utf-8")
    return {e["id"]: e for e in entries}, ActorKB.load([out]), report


def test_entries_names_synonyms_and_dated_roles_are_read():
    report = ImportReport(log=False)
    entries = {e.names[0]: e for e in read_petrarch(ACTORS, report)}
    assert entries["United States"].names == [
        "United States",
        "United States of America",
        "Yankeeland",
    ]
    person = entries["John Quincy Testperson"]
    assert [(r.code, r.start, r.end) for r in person.roles] == [
        ("USAELI", "1961-08-04", "2009-01-19"),
        ("USAGOV", "2009-01-20", "2017-01-20"),
        ("USAELI", "2017-01-21", None),
    ]
    # two-digit years (TABARI) and a comment after a code
    assert [(r.start, r.end) for r in entries["Hassan Rouhani"].roles] == [
        ("2013-08-03", "2021-08-03")
    ]
    assert entries["Iran"].roles[0].code == "IRN"
    # the multi-line comment block is not read as entries
    assert not any("Countries" in name for name in entries)


def test_each_unreadable_line_is_one_warning_with_file_and_line():
    report = ImportReport(log=False)
    read_petrarch(ACTORS, report)
    assert [w.split(": ", 1)[0] for w in report.warnings] == [
        f"{ACTORS}:{n}" for n in (2, 30, 31, 32)
    ]


def test_the_imported_file_loads_with_the_kb_and_adds_spellings_and_actors(kb, tmp_path):
    entries, kb2, _ = _import(kb, tmp_path)
    # bare country codes extend the country, keeping its packaged aliases
    assert kb2.lookup("Yankeeland").id == "USA" and kb2.lookup("U.S.").id == "USA"
    assert kb2.lookup("Islamic Republic of Persia").id == "IRN"
    # an organisation goes under the actor of its code
    brigade = kb2.lookup("Northern Testland Brigade")
    assert (brigade.type, brigade.parent, brigade.country) == ("militia", "IRQ.MILITIA", "IRQ")
    assert kb2.roll_up(brigade.id, "country") == "IRQ"
    assert kb2.lookup("Kata'ib Example").parent == "IRQ.REB"
    # a person with dated roles, affiliated by the latest role
    person = kb2.lookup("J Q Testperson")
    assert person.type == "person" and person.affiliation == "USA"
    assert "USAGOV 2009-01-20–2017-01-20" in person.role
    # a KB person with nothing new is not repeated
    assert "PER.HASSAN_ROUHANI" not in entries


def test_an_alias_the_kb_gives_another_actor_is_dropped_with_a_warning(kb, tmp_path):
    _, kb2, report = _import(kb, tmp_path)
    assert kb2.lookup("Persia").id == "IRN"
    assert any("'Persia' already names IRN; alias dropped" in w for w in report.warnings)


def test_as_of_picks_the_role_held_that_day(kb, tmp_path):
    entries, _, _ = _import(kb, tmp_path, as_of="2012-06-30")
    assert entries["PER.JOHN_QUINCY_TESTPERSON"]["affiliation"] == "USA.GOV"


def test_people_flag_makes_undated_entries_people(kb, tmp_path):
    entries, kb2, _ = _import(kb, tmp_path, people=True)
    assert entries["PER.MARIAM_EXAMPLEVA"]["affiliation"] == "IRN.GOV"
    assert kb2.lookup("Mariam Exampleva").type == "person"
    assert kb2.roll_up("PER.MARIAM_EXAMPLEVA", "country") == "IRN"
    default, _, _ = _import(kb, tmp_path)
    assert default["MARIAM_EXAMPLEVA"]["type"] == "government"


def test_agent_dictionary_words_join_their_agent_classes(tmp_path):
    report = ImportReport(log=False)
    words = read_agents(AGENTS, report)
    assert ("constables", "COP") in {(w.word, w.code) for w in words}
    out = tmp_path / "agents.yaml"
    out.write_text(agents_yaml(words, report=report, where=str(AGENTS)), encoding="utf-8")
    lexicon = load_agents(str(out))
    assert lexicon.classify("carabinieri") == ("police", 1)
    assert lexicon.classify("constables") == ("police", 1)
    assert lexicon.classify("legionnaire") == ("military", 1)
    assert lexicon.classify("shopkeeper") is None  # CAMEO BUS has no agent class
    assert load_agents().classify("carabinieri") is None  # the packaged lexicon is untouched
    assert [w.split(": ", 1)[0] for w in report.warnings] == [f"{AGENTS}:{n}" for n in (8, 9, 7)]


@pytest.mark.parametrize(
    ("as_of", "affiliation"),
    [("2012-06-30", "USA.GOV"), ("2009-01-20", "USA.GOV"), ("2020-01-01", "USA"),
     ("1950-01-01", "USA")],
)  # fmt: skip
def test_as_of_falls_back_to_the_nearest_role(kb, tmp_path, as_of, affiliation):
    entries, _, _ = _import(kb, tmp_path, as_of=as_of)
    assert entries["PER.JOHN_QUINCY_TESTPERSON"]["affiliation"] == affiliation
