"""The network commands, run in-process with click's CliRunner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from allegiance.cli import main

HIGHLAND = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "signed" / "highland_tribes.csv"
)


@pytest.fixture()
def highland() -> str:
    if not HIGHLAND.exists():
        pytest.skip("../shared/data/signed/highland_tribes.csv is not beside the checkout")
    return str(HIGHLAND)


def _rel(rid: str, a: str, b: str, sign: int, doc: str = "d1") -> dict:
    text = f"{a} and {b}."
    arg = lambda x: {"text": x, "start": 0, "end": len(x), "actor_id": x, "actor_name": x}  # noqa: E731
    return {
        "kind": "relation", "id": rid, "doc_id": doc,
        "sentence": {"text": text, "start": 0, "end": len(text)},
        "source": arg(a), "target": arg(b),
        "category": "COOPERATE" if sign > 0 else "ASSAULT", "quad_class": 1 if sign > 0 else 4,
        "sign": sign, "intensity": 5.0 * sign, "trigger": {"text": "and", "start": 0, "end": 3},
        "confidence": 0.9,
    }  # fmt: skip


@pytest.fixture()
def records(tmp_path: Path) -> Path:
    recs = [
        {"kind": "document", "doc_id": "d1", "outlet": "AP", "published": "2024-01-01",
         "n_chars": 10, "sha256": "0" * 64},
        {"kind": "document", "doc_id": "d2", "outlet": "BBC", "published": "2024-08-01",
         "n_chars": 10, "sha256": "1" * 64},
        _rel("r1", "USA", "IRQ", 1), _rel("r2", "IRQ", "IRN", 1, "d2"),
        _rel("r3", "USA", "IRN", -1), _rel("r4", "USA", "ISIL", -1, "d2"),
        _rel("r5", "IRN", "ISIL", -1),
    ]  # fmt: skip
    p = tmp_path / "records.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    return p


def test_balance_json_has_the_contract_keys(highland: str) -> None:
    result = CliRunner().invoke(main, ["balance", highland, "--exact", "--json", "--weak"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["nodes"] == 16 and out["edges"] == 58 and out["negative_edges"] == 29
    assert out["triangles"]["census"] == {"+++": 19, "++-": 2, "+--": 40, "---": 7}
    assert out["triangles"]["strong_balance_ratio"] == pytest.approx(59 / 68)
    assert out["triangles"]["weak_balance_ratio"] == pytest.approx(66 / 68)
    assert len(out["triangles"]["unbalanced"]) == 2 + 7  # ++- and --- (strong balance)
    fr = out["frustration"]
    assert {"index", "exact", "lower_bound", "partition", "frustrated_edges", "seconds"} <= set(fr)
    assert fr["index"] == 7 and fr["exact"] is True
    assert len(fr["frustrated_edges"]) == 7
    assert out["weak_balance"]["index"] == 2


def test_balance_tables(highland: str) -> None:
    result = CliRunner().invoke(main, ["balance", highland, "--time-limit", "2"])
    assert result.exit_code == 0, result.output
    assert "frustration index L = 7" in result.output


def test_network_exports(records: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "net.gexf"
    result = runner.invoke(main, ["network", str(records), "--export", "gexf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    G = nx.read_gexf(out)
    assert G.number_of_edges() == 5
    result = runner.invoke(
        main, ["network", str(records), "--since", "2024-06-01", "-o", str(tmp_path / "n.csv")]
    )
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "n.csv").read_text().splitlines()
    assert lines[0].startswith("source,target,sign") and len(lines) == 3
    result = runner.invoke(
        main, ["network", str(records), "--window", "6M", "-o", str(tmp_path / "s.graphml")]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("s_*.graphml")) == [
        "s_2024-01-01.graphml", "s_2024-07-01.graphml"]  # fmt: skip
    result = runner.invoke(main, ["network", str(records)])
    assert result.exit_code == 0 and "5 ties" in result.output


def test_balance_reads_an_exported_graph(records: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "net.graphml"
    assert runner.invoke(main, ["network", str(records), "-o", str(out)]).exit_code == 0
    result = runner.invoke(main, ["balance", str(out), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["triangles"]["census"] == {"+++": 0, "++-": 1, "+--": 0, "---": 1}


def test_balance_tells_the_bundles_account_of_the_same_records(records: Path) -> None:
    from allegiance.analysis import bundle_from_records
    from allegiance.schema import read_records

    result = CliRunner().invoke(main, ["balance", str(records), "--json", "--exact", "--weak"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    bundle = bundle_from_records(read_records(records), time_limit=5.0)
    assert bundle.triangles is not None and bundle.frustration is not None
    assert out["triangles"] == bundle.triangles.model_dump(mode="json")
    assert out["frustration"]["index"] == bundle.frustration.index
    assert out["edges"] == bundle.counts.ties
    assert out["negative_edges"] == bundle.counts.negative


def test_whatif_paths_coalitions(highland: str, records: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["whatif", highland, "--flip", "5:8=+", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["after"]["index"] == 6
    result = runner.invoke(main, ["whatif", highland, "--remove", "5:8"])
    assert result.exit_code == 0 and "7 -> 6" in result.output
    result = runner.invoke(main, ["paths", str(records), "--actor", "USA", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["path"] == ["USA", "IRQ", "IRN"]
    result = runner.invoke(main, ["coalitions", highland, "--k", "3", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["disagreements"] == 2


def test_errors_are_one_line(highland: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["whatif", highland, "--flip", "5:99=+"])
    assert result.exit_code == 2 and "not in the network" in result.output
    result = runner.invoke(main, ["balance", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2 and "no such file" in result.output
    result = runner.invoke(main, ["whatif", highland, "--flip", "5:8=?"])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["network", "balance", "whatif", "paths", "coalitions"])
def test_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_network_commands_do_not_import_spacy() -> None:
    code = (
        "import sys, allegiance.cli.network; "
        "assert 'spacy' not in sys.modules, 'spacy imported'; "
        "assert 'allegiance.nlp' not in sys.modules, 'allegiance.nlp imported'"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("command", ["balance", "whatif", "paths", "coalitions"])
@pytest.mark.parametrize("text", ["", "source,target,sign\n"])
def test_an_empty_edge_list_is_one_error(tmp_path: Path, command: str, text: str) -> None:
    p = tmp_path / "empty.csv"
    p.write_text(text, encoding="utf-8")
    extra = {"whatif": ["--remove", "a:b"], "paths": ["--actor", "a"]}.get(command, [])
    result = CliRunner().invoke(main, [command, str(p), *extra])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {p}: no edges to analyse"


def test_balance_reads_plus_minus_signs_and_warns_on_stderr(tmp_path: Path) -> None:
    p = tmp_path / "ties.csv"
    p.write_text(
        "source,target,sign\na,b,+\nb,c,\u2212\na,c,-\nc,c,+\nc,a,+\na,c,-\nb,d,maybe\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["balance", str(p), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["nodes"] == 3 and out["edges"] == 3 and out["negative_edges"] == 2
    assert out["triangles"]["census"] == {"+++": 0, "++-": 0, "+--": 1, "---": 0}
    lines = result.stderr.splitlines()
    assert lines == [
        f"warning: {p}:8: sign 'maybe' is not a sign (use +, -, +1, -1, 0, positive, negative, "
        "friendly or hostile); row skipped",
        f"warning: {p}: 1 self-loop skipped (a tie needs two actors)",
        f"warning: {p}: 1 pair of actors with rows of both signs (e.g. a-c: 1 +, 2 -); kept "
        "with the sign of the sum of their rows, 0 dropped where the signs cancel",
    ]


def test_whatif_flip_accepts_the_sign_spellings(highland: str) -> None:
    result = CliRunner().invoke(main, ["whatif", highland, "--flip", "5:8=positive", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["after"]["index"] == 6


def _named_rel(rid: str, a: tuple[str, str], b: tuple[str, str], sign: int) -> dict:
    rel = _rel(rid, a[0], b[0], sign)
    rel["source"]["actor_name"], rel["target"]["actor_name"] = a[1], b[1]
    return rel


USA, IRQ, IRN, ISIL = (
    ("USA", "United States"),
    ("IRQ", "Iraq"),
    ("IRN", "Iran"),
    ("ISIL", "Islamic State"),
)


@pytest.fixture()
def named_records(tmp_path: Path) -> Path:
    """Records whose actors have names unlike their ids, two of them sharing one name."""
    mahdi1, mahdi2 = ("MAHDI.1", "Mahdi Army"), ("MAHDI.2", "Mahdi Army")
    recs = [
        {"kind": "document", "doc_id": "d1", "outlet": "AP", "published": "2024-01-01",
         "n_chars": 10, "sha256": "0" * 64},
        _named_rel("r1", USA, IRQ, 1), _named_rel("r2", IRQ, IRN, 1),
        _named_rel("r3", USA, IRN, -1), _named_rel("r4", USA, ISIL, -1),
        _named_rel("r5", IRN, ISIL, -1), _named_rel("r6", mahdi1, IRQ, -1),
        _named_rel("r7", mahdi2, USA, -1),
    ]  # fmt: skip
    p = tmp_path / "named.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    return p


@pytest.mark.parametrize("actor", ["USA", "United States", "united  states", "usa"])
def test_paths_takes_an_actor_by_id_or_by_name(named_records: Path, actor: str) -> None:
    runner = CliRunner()
    by_id = runner.invoke(main, ["paths", str(named_records), "--actor", "USA", "--json"])
    result = runner.invoke(main, ["paths", str(named_records), "--actor", actor, "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found == json.loads(by_id.output)
    assert any(p["names"] == ["United States", "Iraq", "Iran"] for p in found)


def test_paths_table_prints_names(named_records: Path) -> None:
    result = CliRunner().invoke(
        main, ["paths", str(named_records), "--actor", "United States"], env={"COLUMNS": "120"}
    )
    assert result.exit_code == 0, result.output
    assert "exposure paths from United States" in result.output
    assert "United States -> Iraq -> Iran" in result.output


def test_an_unknown_actor_name_is_one_error_with_the_closest_names(named_records: Path) -> None:
    result = CliRunner().invoke(main, ["paths", str(named_records), "--actor", "Untied States"])
    assert result.exit_code == 2
    line = result.stderr.strip().splitlines()[-1]
    assert "no actor with the id or name 'Untied States'" in line
    assert "did you mean 'United States'" in line


def test_an_ambiguous_actor_name_lists_the_ids_to_choose_from(named_records: Path) -> None:
    result = CliRunner().invoke(main, ["paths", str(named_records), "--actor", "Mahdi Army"])
    assert result.exit_code == 2
    assert (
        "'Mahdi Army' names 2 actors: MAHDI.1 (Mahdi Army), MAHDI.2 (Mahdi Army)" in result.stderr
    )
    ok = CliRunner().invoke(main, ["paths", str(named_records), "--actor", "MAHDI.1", "--json"])
    assert ok.exit_code == 0, ok.output


def test_balance_prints_camps_and_frustrated_ties_by_name(named_records: Path) -> None:
    result = CliRunner().invoke(main, ["balance", str(named_records)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    camps = [line for line in result.output.splitlines() if line.startswith("camp ")]
    assert len(camps) == 2
    text = "\n".join(camps)
    for name in ("United States", "Iraq", "Iran", "Islamic State", "Mahdi Army"):
        assert name in text
    for node_id in ("USA", "IRQ", "IRN", "MAHDI.1"):
        assert node_id not in text
    frustrated = [line for line in result.output.splitlines() if line.startswith("frustrated")]
    assert frustrated and " - " in frustrated[0] and "IRN" not in frustrated[0]
