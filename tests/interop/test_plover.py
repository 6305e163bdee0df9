"""PLOVER and CAMEO exports of relations and event records."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest

from allegiance.interop.events import ImportReport
from allegiance.interop.gdelt import read_gdelt
from allegiance.interop.plover import (
    CAMEO_COLUMNS,
    ExportOptions,
    cameo_rows,
    plover_records,
    write_cameo,
    write_plover,
)
from allegiance.kb import ActorKB

GDELT = Path(__file__).resolve().parents[1] / "data" / "interop" / "gdelt_events.export.CSV"


def _rel(rid, category, source, target, **kw):
    text = f"{source[0]} and {target[0]}."
    rel = {
        "kind": "relation", "id": rid, "doc_id": "d1", "category": category,
        "mode": kw.pop("mode", None), "quad_class": kw.pop("quad_class", 4), "sign": -1,
        "intensity": -5.0, "sentence": {"text": text, "start": 0, "end": len(text)},
        "source": {"text": source[0], "actor_id": source[1]},
        "target": {"text": target[0], "actor_id": target[1]},
        "trigger": {"text": "hit", "start": 0, "end": 3},
    }  # fmt: skip
    rel.update(kw)
    return rel


DOC = {"kind": "document", "doc_id": "d1", "published": "2019-05-02", "url": "https://x.org/1",
       "outlet": "x.org"}  # fmt: skip
RECORDS = [
    DOC,
    _rel(
        "r1", "ASSAULT", ("Iranian troops", "IRN.MIL"), ("Kurdish fighters", "KURDS"), mode="aerial"
    ),
    _rel("r2", "SANCTION", ("Washington", "USA.GOV"), ("Tehran", "IRN.GOV"), negated=True),
    _rel("r3", "AID", ("Russia", "RUS"), ("Syria", "SYR.GOV"), hypothetical=True, quad_class=2),
    _rel("r4", "OPPOSE", ("Israel", "ISR"), ("Hezbollah", "HEZBOLLAH"), quad_class=None),
]


def test_plover_records_carry_event_actors_codes_evidence_and_document():
    counts: Counter[str] = Counter()
    out = list(plover_records(RECORDS, kb=ActorKB.load(), counts=counts))
    assert [p["id"] for p in out] == ["r1"]
    p = out[0]
    assert (p["event"], p["mode"], p["quad_class"], p["date"]) == (
        "ASSAULT",
        "aerial",
        4,
        "2019-05-02",
    )
    assert (p["actor_id"], p["actor_country"], p["actor_sector"], p["actor_cameo"], p["actor_agent"]) == (
        "IRN.MIL", "IRN", "military", "IRNMIL", "MIL",
    )  # fmt: skip
    assert p["recipient_id"] == "KURDS" and p["recipient_type"] == "ethnic_group"
    assert p["evidence"] == "Iranian troops and Kurdish fighters." and p["url"] == "https://x.org/1"
    assert p["provenance"] == "allegiance" and p["context"] == []
    assert counts == Counter(exported=1, negated=1, hypothetical=1, stances=1)


def test_negated_hypothetical_and_stances_are_exported_only_when_asked():
    options = ExportOptions(include_negated=True, include_hypothetical=True, include_stances=True)
    out = list(plover_records(RECORDS, options=options))
    assert [p["id"] for p in out] == ["r1", "r2", "r3", "r4"]
    assert out[1]["negated"] is True and out[2]["hypothetical"] is True


def test_event_records_are_accepted_as_plain_dicts():
    event = {
        "kind": "event", "id": "e1", "category": "ASSAULT", "mode": "aerial",
        "source": {"actor_id": "USA.MIL", "text": "US forces"}, "target": "IRN.MIL",
        "first_report": "2020-01-03", "relations": ["r1", "r9"], "outlets": ["a", "b"],
        "location": {"name": "Baghdad", "country": "IRQ"}, "contexts": ["military"],
    }  # fmt: skip
    (p,) = plover_records([event], kb=ActorKB.load())
    assert (p["event"], p["date"], p["actor_cameo"], p["recipient_id"]) == (
        "ASSAULT", "2020-01-03", "USAMIL", "IRN.MIL",
    )  # fmt: skip
    assert p["record_kind"] == "event" and p["relations"] == ["r1", "r9"]
    assert p["location"]["name"] == "Baghdad" and p["context"] == ["military"]


def test_cameo_rows_code_each_relation_and_mark_lossy_cells():
    options = ExportOptions(include_stances=True)
    rows = {r["id"]: r for r in cameo_rows(RECORDS, kb=ActorKB.load(), options=options)}
    assert (rows["r1"]["event_code"], rows["r1"]["root_code"], rows["r1"]["quad_class"]) == (
        "195",
        "19",
        4,
    )
    assert rows["r1"]["date"] == "20190502" and rows["r1"]["lossy"] == ""
    assert rows["r4"]["event_code"] == "110" and "stance" in rows["r4"]["lossy"]
    assert rows["r4"]["source_code"] == "ISR" and rows["r4"]["target_code"] == "HEZ"


def test_gdelt_events_keep_their_cameo_codes_through_import_and_export():
    report = ImportReport(log=False)
    records = list(read_gdelt(GDELT, kb=ActorKB.load(), report=report))
    original = {r.provenance.id: r.provenance.code for r in records if r.kind == "relation"}
    rows = list(cameo_rows(records, kb=ActorKB.load()))
    exported = {r["id"].split(":")[1]: r["event_code"] for r in rows}
    assert exported == original
    by_id = {r["id"].split(":")[1]: r for r in rows}
    assert by_id["1163000004"]["source_code"] == "IRQGOV"
    assert by_id["1163000010"]["source_code"] == "UNO"


def test_writers_give_jsonl_json_and_tsv_with_a_header():
    items = list(plover_records(RECORDS))
    fp = io.StringIO()
    assert write_plover(items, fp) == 1 and json.loads(fp.getvalue())["id"] == "r1"
    fp = io.StringIO()
    write_plover(items, fp, array=True)
    assert [p["id"] for p in json.loads(fp.getvalue())] == ["r1"]
    fp = io.StringIO()
    assert write_cameo(cameo_rows(RECORDS), fp) == 1
    header, row = fp.getvalue().splitlines()
    assert tuple(header.split("\t")) == CAMEO_COLUMNS
    assert len(row.split("\t")) == len(CAMEO_COLUMNS)


@pytest.mark.parametrize("category", ["ALIGN", "OPPOSE"])
def test_stances_are_not_plover_events_by_default(category):
    rec = _rel("s", category, ("A", "USA"), ("B", "IRN"), quad_class=None)
    assert list(plover_records([rec])) == []


def test_a_document_after_its_relations_still_gives_their_date_and_url():
    (p,) = plover_records([RECORDS[1], DOC])
    assert (p["date"], p["url"], p["outlet"]) == ("2019-05-02", "https://x.org/1", "x.org")
