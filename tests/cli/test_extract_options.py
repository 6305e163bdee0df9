"""``allegiance extract``: --processes and --furniture, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import main

ARTICLES = [
    "Iran backs the Shia militias.\n\nThe Iranian-backed militias fought alongside the Iraqi "
    "army against ISIS in Diyala.",
    "U.S. advisers work with Kurdish Peshmerga fighters near Erbil.\n\nTurkey is wary of Iran.",
    "Hezbollah fighters clashed with Syrian rebels.\n\nFollow Jane Doe on Twitter @janedoe",
    "The US-led coalition struck ISIS positions near Mosul on Tuesday, officials said.",
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    with path.open("w", encoding="utf-8") as fp:
        for i, text in enumerate(ARTICLES * 2):
            fp.write(json.dumps({"id": f"a{i}", "text": text + " " * i}) + "\n")
    return path


def test_two_processes_write_the_same_records_as_one(corpus: Path, nlp) -> None:
    runner = CliRunner()
    one = runner.invoke(main, ["extract", str(corpus), "--processes", "1"])
    two = runner.invoke(main, ["extract", str(corpus), "--processes", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert two.stdout == one.stdout
    assert len(one.stdout.splitlines()) > len(ARTICLES) * 2


def mentions(result) -> list[str]:
    return [
        obj["text"]
        for obj in map(json.loads, result.stdout.splitlines())
        if obj["kind"] == "mention"
    ]


def test_furniture_rules_and_keep(tmp_path: Path, nlp) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Iran backs the Shia militias.\n\nSponsored by Hezbollah Media\n", encoding="utf-8"
    )
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: sponsored_by\n    pattern: 'Sponsored by .{1,60}'\n")
    runner = CliRunner()
    detect = runner.invoke(main, ["extract", str(story), "--furniture-rules", str(rules)])
    keep = runner.invoke(
        main, ["extract", str(story), "--furniture", "keep", "--furniture-rules", str(rules)]
    )
    assert detect.exit_code == 0 and keep.exit_code == 0, detect.output
    assert "Hezbollah" not in " ".join(mentions(detect))
    assert "Hezbollah" in " ".join(mentions(keep))
    assert "Iran" in mentions(detect)


def test_malformed_furniture_rules_are_one_line_error(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Iran backs the Shia militias.\n", encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: bad\n    pattern: '('\n")
    result = CliRunner().invoke(main, ["extract", str(story), "--furniture-rules", str(rules)])
    assert result.exit_code == 2
    assert str(rules) in result.stderr and "'bad'" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_error_midway_keeps_the_finished_documents(tmp_path: Path, monkeypatch) -> None:
    """A fatal error after two documents: their records stay, the note says it failed."""
    from allegiance.errors import ModelError
    from allegiance.nlp import pipeline
    from allegiance.schema import Document

    def failing(documents, **_):
        for i, document in enumerate(documents):
            if i == 2:
                raise ModelError("an extraction worker process stopped unexpectedly")
            yield [Document(doc_id=document.doc_id, n_chars=1, sha256=document.sha256)]

    monkeypatch.setattr(pipeline, "extract_grouped", failing)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(f'{{"id": "d{i}", "text": "Text {i}."}}\n' for i in range(4)))
    out = tmp_path / "out.jsonl"
    out.write_text("from an earlier run\n")
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 2
    assert "stopped by an error after 2 documents" in result.stderr
    assert [json.loads(x)["doc_id"] for x in out.read_text().splitlines()] == ["d0", "d1"]
    note = json.loads(Path(f"{out}.partial.json").read_text())
    assert note["status"] == "failed" and "worker" in note["reason"]


def test_a_document_in_another_language_is_skipped_with_its_name(tmp_path: Path, nlp) -> None:
    src = tmp_path / "mixed.jsonl"
    texts = [
        "Iran backs the Shia militias in Iraq, officials said on Monday.",
        "قالت وزارة الخارجية إن المحادثات ستستمر الأسبوع المقبل في جنيف",
        "中国外交部发言人周二表示，中方将继续推动和平谈判，并呼吁各方保持克制。",
    ]
    src.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts))
    )
    result = CliRunner().invoke(main, ["extract", str(src)])
    assert result.exit_code == 0, result.output
    assert f"{src}:2: looks like Arabic (ar), not English; skipped" in result.stderr
    assert f"{src}:3: looks like Chinese (zh)" in result.stderr
    assert "read 1 document, skipped 2" in result.stderr
    docs = [json.loads(x) for x in result.stdout.splitlines() if '"kind":"document"' in x]
    assert [(d["doc_id"], d["lang"]) for d in docs] == [("d0", "en")]
    anyway = CliRunner().invoke(
        main, ["extract", str(src), "--any-language", "--kinds", "document"]
    )
    langs = [json.loads(x)["lang"] for x in anyway.stdout.splitlines()]
    assert langs == ["en", "ar", "zh"]
