"""GDELT 2.0 events files become valid records and a network; bad rows are one warning each."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from allegiance.interop.events import ImportReport
from allegiance.interop.gdelt import GDELT_COLUMNS, read_gdelt
from allegiance.kb import ActorKB
from allegiance.network import build_network
from allegiance.schema import Document, Relation, record_from_dict

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "interop" / "gdelt_events.export.CSV"


def _read(source=FIXTURE, **kw):
    report = ImportReport(log=False)
    records = list(read_gdelt(source, kb=ActorKB.load(), report=report, **kw))
    return records, report


def _relations(records):
    return {r.provenance.id: r for r in records if isinstance(r, Relation)}


def test_the_column_layout_is_the_gdelt_2_codebook():
    assert len(GDELT_COLUMNS) == 61
    positions = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    assert positions["Actor1Code"] == 5 and positions["Actor2Code"] == 15
    assert positions["EventCode"] == 26 and positions["QuadClass"] == 29
    assert positions["GoldsteinScale"] == 30 and positions["ActionGeo_FeatureID"] == 58
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_events_become_relations_with_codes_actors_dates_and_provenance():
    records, report = _read()
    rels = _relations(records)
    assert report.counts["relations"] == len(rels) == 10
    strike = rels["1163000001"]
    assert (strike.source.actor_id, strike.category, strike.mode, strike.target.actor_id) == (
        "USA", "ASSAULT", "aerial", "IRN",
    )  # fmt: skip
    assert strike.intensity == -10.0 and strike.sign == -1 and strike.quad_class == 4
    assert strike.provenance.dataset == "gdelt" and strike.provenance.code == "195"
    assert strike.provenance.quad_class == 4
    doc = next(d for d in records if isinstance(d, Document) and d.doc_id == strike.doc_id)
    assert doc.published == "2024-01-05" and doc.outlet == "reuters.com"
    assert doc.url == "https://www.reuters.com/world/a1" and doc.source == "gdelt"
    # sub-actors and known groups through the CAMEO actor codes
    assert rels["1163000004"].source.actor_id == "IRQ.GOV"
    assert rels["1163000004"].target.actor_id == "IRN.GOV"
    assert rels["1163000005"].source.actor_id == "ISR.MIL"
    assert rels["1163000005"].target.actor_id == "HAMAS"
    assert rels["1163000010"].source.actor_id == "UN"


def test_offsets_index_the_evidence_line_and_records_round_trip_through_json():
    records, _ = _read()
    for rec in records:
        assert record_from_dict(json.loads(rec.model_dump_json())) == rec
        if isinstance(rec, Relation):
            line = rec.sentence.text
            for span in (rec.source, rec.target, rec.trigger):
                assert line[span.start : span.end] == span.text


def test_each_bad_row_is_one_warning_naming_file_and_line_and_the_rest_is_read():
    records, report = _read()
    lines = {w.split(": ", 1)[0] for w in report.warnings}
    assert lines == {f"{FIXTURE}:{n}" for n in (9, 10, 11, 13, 14)}
    assert report.counts["rows"] == 16  # the header is not a row
    assert report.counts["bad_rows"] == 3  # short, long, no event code
    assert report.counts["one_sided"] == 1 and report.counts["not_plover"] == 1
    assert report.counts["self_loops"] == 1
    assert "1163000008" not in _relations(records)  # the short row


def test_quirky_rows_that_can_be_read_are_read():
    rels = _relations(_read()[0])
    # bad SQLDATE: the DATEADDED day is used
    assert rels["1163000010"].category == "ACCUSE"
    # empty EventCode: EventBaseCode is used
    assert (rels["1163000011"].category, rels["1163000011"].mode) == ("COERCE", "arrest")
    # Windows-1252 bytes
    assert rels["1163000013"].source.text == "MÉXICO"
    # GDELT 1.0 layout (58 columns)
    assert (rels["1163000014"].category, rels["1163000014"].mode) == ("AGREE", "agreement")
    # dropped leading zero and trailing tabs
    assert rels["1163000015"].provenance.code == "042"


def test_a_file_without_the_header_line_reads_the_same():
    data = FIXTURE.read_bytes().split(b"\n", 1)[1]
    records, report = _read(io.BytesIO(data), name="noheader.CSV")
    assert _relations(records).keys() == _relations(_read()[0]).keys()
    assert all(w.startswith("noheader.CSV:") for w in report.warnings)


def test_a_missing_file_is_an_input_error():
    from allegiance.errors import InputError

    with pytest.raises(InputError, match="cannot read"):
        list(read_gdelt("/nonexistent/file.CSV"))


def test_a_gdelt_file_becomes_a_signed_network():
    records, _ = _read()
    G = build_network(records)
    assert G["USA"]["IRN"]["sign"] == -1 and G["USA"]["IRN"]["state"] == "hostile"
    assert G["USA"]["IRQ.GOV"]["sign"] == 1
    assert G["HAMAS"]["ISR.MIL"]["first"] == "2024-01-08"
    assert G["USA"]["IRN"]["outlets"] == ["reuters.com", "apnews.com"]
    # the period filter reads the event dates
    window = build_network(records, since="2024-01-07", until="2024-01-08")
    assert set(map(frozenset, window.edges)) == {
        frozenset({"IRQ.GOV", "IRN.GOV"}), frozenset({"ISR.MIL", "HAMAS"}),
    }  # fmt: skip
    # roll-up to countries through the KB
    kb = ActorKB.load()
    C = build_network(records, rollup=lambda a: kb.roll_up(a, "country"))
    assert C["IRQ"]["IRN"]["evidence"] == 2


def test_a_zipped_file_as_gdelt_publishes_it_is_read(tmp_path):
    import zipfile

    archive = tmp_path / "20240105.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURE, "20240105.export.CSV")
    records, report = _read(archive)
    assert _relations(records).keys() == _relations(_read()[0]).keys()
    assert report.counts["bad_rows"] == 3


def test_a_zip_of_several_files_is_one_clear_error(tmp_path):
    import zipfile

    from allegiance.errors import InputError

    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.CSV", "")
        z.writestr("b.CSV", "")
    with pytest.raises(InputError, match="zip archive of 2 files"):
        list(read_gdelt(archive))
