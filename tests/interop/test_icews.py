"""ICEWS event files: columns by header name, actors through the KB, bad rows one warning each."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.errors import InputError
from allegiance.interop.events import ImportReport
from allegiance.interop.icews import read_icews
from allegiance.kb import ActorKB
from allegiance.network import build_network
from allegiance.schema import Document, Relation

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "interop" / "icews_events.tab"


def _read(path=FIXTURE, kb=True):
    report = ImportReport(log=False)
    records = list(read_icews(path, kb=ActorKB.load() if kb else None, report=report))
    return records, report


def _relations(records):
    return {r.provenance.id: r for r in records if isinstance(r, Relation)}


@pytest.mark.parametrize(
    ("event", "source", "category", "target"),
    [("26751001", "SYR.MIL", "ASSAULT", "SYR.REB"),  # generic actors by sector words
     ("26751002", "IRN", "CONSULT", "IRQ"),  # country names
     ("26751003", "IND.CVL", "PROTEST", "IND.POL"),
     ("26751004", "PER.VLADIMIR_PUTIN", "SUPPORT", "PER.BASHAR_AL_ASSAD"),  # people in the KB
     ("26751005", "TALIBAN", "ASSAULT", "AFG.GOV"),
     ("26751008", "IRQ.GOV", "ACCUSE", "KRG")],
)  # fmt: skip
def test_events_become_relations_between_kb_actors(event, source, category, target):
    rel = _relations(_read()[0])[event]
    assert (rel.source.actor_id, rel.category, rel.target.actor_id) == (source, category, target)
    assert rel.provenance.dataset == "icews"


def test_event_text_intensity_date_and_publisher_are_kept():
    records, _ = _read()
    rel = _relations(records)["26751005"]
    assert rel.trigger.text == "conduct suicide, car, or other non-military bombing"
    assert rel.mode == "bombing" and rel.intensity == -10.0
    doc = next(d for d in records if isinstance(d, Document) and d.doc_id == rel.doc_id)
    assert doc.published == "2016-03-03" and doc.outlet == "Pajhwok Afghan News"
    assert doc.title == "ICEWS story 33210005, sentence 1"


def test_without_a_kb_actors_keep_their_icews_names_as_ids():
    rel = _relations(_read(kb=False)[0])["26751002"]
    assert rel.source.actor_id == "icews:Iran"


def test_bad_rows_are_one_warning_each_and_a_bad_date_is_left_empty():
    records, report = _read()
    assert [w.split(": ", 1)[0] for w in report.warnings] == [f"{FIXTURE}:{n}" for n in (7, 8, 9)]
    assert report.counts["bad_rows"] == 2 and report.counts["relations"] == 6
    doc = next(d for d in records if isinstance(d, Document) and d.doc_id == "icews:26751008")
    assert doc.published is None


def test_columns_are_found_by_name_in_any_order(tmp_path):
    rows = [line.split("\t") for line in FIXTURE.read_text(encoding="utf-8").splitlines()[:6]]
    order = list(reversed(range(len(rows[0]))))
    shuffled = tmp_path / "shuffled.tab"
    shuffled.write_text(
        "\n".join("\t".join(r[i] for i in order) for r in rows) + "\n", encoding="utf-8"
    )
    got = {
        k: (r.source.actor_id, r.category, r.target.actor_id)
        for k, r in _relations(_read(shuffled)[0]).items()
    }
    want = {
        k: (r.source.actor_id, r.category, r.target.actor_id)
        for k, r in _relations(_read()[0]).items()
    }
    assert got == {k: v for k, v in want.items() if k in got} and len(got) == 5


def test_a_file_without_the_icews_header_is_one_clear_error(tmp_path):
    bad = tmp_path / "no_header.tab"
    bad.write_text("26751001\t2016-03-01\tMilitary (Syria)\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no_header.tab:1: not an ICEWS header"):
        list(read_icews(bad))


def test_an_icews_file_becomes_a_network():
    G = build_network(_read()[0])
    assert G["SYR.MIL"]["SYR.REB"]["sign"] == -1
    assert G["PER.BASHAR_AL_ASSAD"]["PER.VLADIMIR_PUTIN"]["sign"] == 1
