"""``allegiance compare`` run in-process on a JSONL records file."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import pytest
from click.testing import CliRunner

from allegiance.cli import main
from allegiance.schema import (
    ActorArg,
    Document,
    Mention,
    Quantity,
    Quote,
    Relation,
    SentenceRef,
    TextSpan,
    write_jsonl,
)

_SENT = SentenceRef(text="A sentence.", start=0, end=11)


def _mention(doc_id: str, i: int, actor_id: str, name: str, actor_type: str = "state") -> Mention:
    return Mention(
        id=f"{doc_id}:m{i}", doc_id=doc_id, text=name, start=0, end=len(name), actor_id=actor_id,
        actor_name=name, actor_type=actor_type, resolved_by="kb", confidence=1.0,  # type: ignore[arg-type]
    )  # fmt: skip


def _relation(doc_id: str, i: int, a: str, b: str, sign: int) -> Relation:
    return Relation(
        id=f"{doc_id}:r{i}", doc_id=doc_id, sentence=_SENT,
        source=ActorArg(text=a, start=0, end=1, actor_id=a, actor_name=a),
        target=ActorArg(text=b, start=2, end=3, actor_id=b, actor_name=b),
        category="ALIGN" if sign > 0 else "OPPOSE", quad_class=None, sign=sign,  # type: ignore[arg-type]
        intensity=0.0, trigger=TextSpan(text="x", start=1, end=2), confidence=0.9,
    )  # fmt: skip


def _quantity(doc_id: str, value: float, text: str) -> Quantity:
    return Quantity(
        id=f"{doc_id}:n{value}", doc_id=doc_id, text=text, start=0, end=len(text), value=value,
        concept="troops", actor_id="USA", sentence=_SENT,
    )  # fmt: skip


def _records() -> list:
    records: list = [
        Document(doc_id="aj", outlet="Al Jazeera", published="2014-11-10", n_chars=10, sha256="a"),
        Document(doc_id="fox", outlet="Fox News", published="2016-10-20", n_chars=10, sha256="f"),
    ]
    records += [_mention("aj", i, "SYR.ASSAD", "Bashar al-Assad", "person") for i in range(3)]
    records += [_mention("fox", i, "TUR", "Turkey") for i in range(3)]
    records += [
        _relation("aj", 1, "IRN", "SYR.ASSAD", 1),
        _relation("aj", 2, "USA", "IRN", -1),
        _relation("fox", 1, "TUR", "IRN", -1),
        _relation("fox", 2, "USA", "IRN", 1),
        Quote(id="fox:q1", doc_id="fox", text="It is complete madness", start=0, end=22,
              direct=True, speaker=ActorArg(text="a U.S. military source", start=0, end=22),
              anonymous=True),
        Quote(id="aj:q1", doc_id="aj", text="There is a key distinction", start=0, end=26,
              direct=True, speaker_role="Former US brigade general",
              speaker=ActorArg(text="Mark Kimmitt", start=0, end=12, actor_name="Mark Kimmitt")),
        _quantity("aj", 3000, "just over the 3,000 mark"),
        _quantity("fox", 5000, "nearly 5,000"),
    ]  # fmt: skip
    return records


@pytest.fixture
def records_file(tmp_path):
    path = tmp_path / "records.jsonl"
    with path.open("w", encoding="utf-8") as fp:
        write_jsonl(_records(), fp)
    return path


def test_json_output_has_the_bundle_shape(records_file):
    result = CliRunner().invoke(main, ["compare", str(records_file), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["outlets"]) == {"Al Jazeera", "Fox News"}
    fox = data["outlets"]["Fox News"]
    assert fox["sources"]["anonymous"] == 1
    assert fox["sources"]["by_affiliation"]["military"] == 1
    diffs = data["outlet_differences"]
    assert {(d["outlet"], d["a"], d["b"]) for d in diffs["only_in"]} == {
        ("Al Jazeera", "IRN", "SYR.ASSAD"),
        ("Fox News", "IRN", "TUR"),
    }
    assert diffs["opposite_sign"] == [
        {"a": "IRN", "b": "USA", "signs": {"Al Jazeera": -1, "Fox News": 1}}
    ]
    (troops,) = diffs["numbers"]
    assert (troops["kind"], troops["direction"]) == ("change_over_time", "up")
    assert {d["actor_id"] for d in diffs["not_covered"]} == {"SYR.ASSAD", "TUR"}


def test_tables_in_the_terminal(records_file):
    result = CliRunner().invoke(main, ["compare", str(records_file)])
    assert result.exit_code == 0, result.output
    for heading in ("Outlets", "Quotes by source", "Sources quoted", "Numbers reported",
                    "Where outlets differ"):  # fmt: skip
        assert heading in result.output
    assert "Al Jazeera" in result.output
    assert "change over time (up)" in result.output
    assert "opposite signs" in result.output


def test_several_files_and_stdin(records_file, tmp_path):
    lines = records_file.read_text(encoding="utf-8").splitlines(keepends=True)
    first = tmp_path / "aj.jsonl"
    first.write_text("".join(line for line in lines if '"aj' in line), encoding="utf-8")
    rest = "".join(line for line in lines if '"aj' not in line)
    result = CliRunner().invoke(main, ["compare", str(first), "-", "--json"], input=rest)
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.output)["outlets"]) == {"Al Jazeera", "Fox News"}


@pytest.mark.parametrize(("by", "groups"), [("year", {"2014", "2016"}), ("doc_id", {"aj", "fox"})])
def test_group_by(records_file, by, groups):
    result = CliRunner().invoke(main, ["compare", str(records_file), "--by", by, "--json"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.output)["outlets"]) == groups


def test_kb_roll_up_as_the_network_does(records_file):
    args = ["compare", str(records_file), "--level", "country", "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    aj = json.loads(result.output)["outlets"]["Al Jazeera"]
    # Mentions of an actor the bundled KB does not know are left as they are.
    assert aj["actors"][0]["actor_id"] == "SYR.ASSAD"
    assert {(t["a"], t["b"]) for t in aj["ties"]} == {("IRN", "USA"), ("IRN", "SYR.ASSAD")}


def test_user_kb_file_names_and_rolls_up(records_file, tmp_path):
    kb = tmp_path / "kb.yaml"
    kb.write_text(
        "actors:\n- {id: SYR.ASSAD, name: Assad, type: person, parent: SYR.GOV, country: SYR}\n",
        encoding="utf-8",
    )
    args = ["compare", str(records_file), "--kb", str(kb), "--rollup", "country", "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    aj = json.loads(result.output)["outlets"]["Al Jazeera"]
    assert aj["actors"] == [{"actor_id": "SYR", "name": "Syria", "mentions": 3, "share": 1.0}]


def test_lexicon_file_extends_affiliations(records_file, tmp_path):
    lexicon = tmp_path / "aff.yaml"
    lexicon.write_text("order: [military, expert_or_former_official]\n", encoding="utf-8")
    args = ["compare", str(records_file), "--lexicon", str(lexicon), "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    aj = json.loads(result.output)["outlets"]["Al Jazeera"]
    assert aj["sources"]["list"][0]["affiliation"] == "military"


def test_missing_outlet_is_unknown_with_a_warning(tmp_path, caplog):
    path = tmp_path / "r.jsonl"
    with path.open("w", encoding="utf-8") as fp:
        write_jsonl(
            [Document(doc_id="d", n_chars=1, sha256="x"), _mention("d", 0, "IRN", "Iran")], fp
        )
    with caplog.at_level(logging.WARNING, logger="allegiance.compare"):
        result = CliRunner().invoke(main, ["compare", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert list(json.loads(result.stdout)["outlets"]) == ["unknown"]
    assert [r.levelno for r in caplog.records if r.name == "allegiance.compare"] == [
        logging.WARNING
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"kind": "document", "doc_id": "d"}\n', "r.jsonl:1: not a valid allegiance record"),
        ("not json\n", "r.jsonl:1: not a valid allegiance record"),
        (None, "no-such.jsonl"),
    ],
)
def test_bad_records_give_one_line_errors(tmp_path, content, expected):
    path = tmp_path / ("r.jsonl" if content is not None else "no-such.jsonl")
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(path)])
    assert result.exit_code == 2
    assert expected in result.output
    assert result.output.startswith("Error: ")
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_bad_kb_file_is_one_line_error(records_file, tmp_path):
    kb = tmp_path / "kb.yaml"
    kb.write_text("actors:\n- {name: no id}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(records_file), "--kb", str(kb)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ")
    assert "kb.yaml" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["compare", "--help"])
    assert result.exit_code == 0
    assert "Example:\n      allegiance" in result.output


def test_compare_does_not_import_spacy(records_file):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from allegiance.cli import main\n"
        f"r = CliRunner().invoke(main, ['compare', {str(records_file)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


_LONG_A = ("CJTF.OIR", "Combined Joint Task Force – Operation Inherent Resolve")
_LONG_B = ("ISIL", "Islamic State of Iraq and the Levant")
_LONG_C = ("PMF.KH", "Kata'ib Hezbollah (Popular Mobilization Forces)")


def _long_records() -> list:
    records: list = [
        Document(doc_id="a", outlet="The International Herald Tribune Weekend Edition",
                 published="2016-01-01", n_chars=10, sha256="a"),
        Document(doc_id="b", outlet="Deutsche Welle Arabic Service", published="2016-02-01",
                 n_chars=10, sha256="b"),
    ]  # fmt: skip
    for doc in ("a", "b"):
        records += [
            _mention(doc, i, a, n, "military") for i, (a, n) in enumerate([_LONG_A, _LONG_B])
        ]
    for i, (doc, (a, an), (b, bn), sign) in enumerate(
        [("a", _LONG_A, _LONG_B, -1), ("b", _LONG_A, _LONG_B, 1), ("a", _LONG_C, _LONG_A, -1)]
    ):
        rel = _relation(doc, i, a, b, sign)
        records.append(
            rel.model_copy(
                update={
                    "source": ActorArg(text=a, start=0, end=1, actor_id=a, actor_name=an),
                    "target": ActorArg(text=b, start=2, end=3, actor_id=b, actor_name=bn),
                }
            )
        )
    records.append(
        Quote(id="b:q1", doc_id="b", text="We will not stop", start=0, end=16, direct=True,
              speaker_role="spokesman for the Combined Joint Task Force",
              speaker=ActorArg(text="Colonel Ryan Dillon", start=0, end=19,
                               actor_name="Colonel Ryan Dillon"))
    )  # fmt: skip
    return records


def test_tables_fit_80_columns_and_wrap_instead_of_cutting(tmp_path):
    path = tmp_path / "long.jsonl"
    with path.open("w", encoding="utf-8") as fp:
        write_jsonl(_long_records(), fp)
    result = CliRunner().invoke(main, ["compare", str(path)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "…" not in result.output
    # No table runs past the right edge: each drawn line ends with its border.
    for line in lines:
        if line[:1] in "┏┃┡│└":
            assert line.rstrip()[-1] in "┓┃┩│┘", line
    # Every cell is printed whole, wrapped over lines: each word of the long names is there.
    words = " ".join(lines)
    for _, name in (_LONG_A, _LONG_B, _LONG_C):
        for word in name.split():
            assert word in words, word
    for word in ("International", "Herald", "Tribune", "Weekend", "expert", "former", "other"):
        assert word in words, word
