"""Running the pipeline: records in input order, on one process or several, and auto choice."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator

import pytest

from allegiance.ingest import InputDocument, demo_corpus_paths, read_documents
from allegiance.nlp.pipeline import (
    AUTO_MIN_CHARS,
    AUTO_MIN_DOCUMENTS,
    ExtractOptions,
    auto_processes,
    extract,
)


def doc(i: int, text: str = "Iran backs the Shia militias.") -> InputDocument:
    return InputDocument(doc_id=f"d{i}", text=text, sha256=f"{i:064x}")


@pytest.mark.parametrize("batch_size", [3, 16])
def test_two_processes_give_the_same_records_in_the_same_order(nlp, batch_size: int) -> None:
    documents = list(itertools.islice(read_documents(demo_corpus_paths()), 10))
    one = list(extract(documents, nlp=nlp, options=ExtractOptions(n_process=1)))
    two = list(
        extract(documents, nlp=nlp, options=ExtractOptions(n_process=2, batch_size=batch_size))
    )
    assert two == one
    assert {r.kind for r in one} >= {"document", "mention", "relation"}


def test_worker_processes_keep_only_the_wanted_kinds(nlp) -> None:
    documents = [doc(i, f"The US and Iran fight ISIS ({i}).") for i in range(5)]
    options = ExtractOptions(n_process=2, batch_size=2, kinds=frozenset({"document"}))
    records = list(extract(documents, nlp=nlp, options=options))
    assert [r.doc_id for r in records] == [f"d{i}" for i in range(5)]
    assert {r.kind for r in records} == {"document"}


def test_document_over_the_model_limit_is_logged_and_skipped(nlp, caplog) -> None:
    long_doc = doc(1, "word " * (nlp.max_length // 5 + 1))
    with caplog.at_level(logging.WARNING):
        records = list(extract([long_doc, doc(2)], nlp=nlp, options=ExtractOptions(n_process=1)))
    assert {r.doc_id for r in records} == {"d2"}
    assert "over the model's limit" in caplog.text


class Counting:
    """An input stream that counts how many documents were taken from it."""

    def __init__(self, documents: list[InputDocument]) -> None:
        self.documents = documents
        self.taken = 0

    def __iter__(self) -> Iterator[InputDocument]:
        for document in self.documents:
            self.taken += 1
            yield document


@pytest.mark.parametrize(
    ("n_docs", "text", "cores", "expected"),
    [
        (3, "Iran backs Assad.", 2, 1),
        (AUTO_MIN_DOCUMENTS - 1, "Iran backs Assad.", 2, 1),
        (AUTO_MIN_DOCUMENTS, "Iran backs Assad.", 2, 2),
        (2, "x" * AUTO_MIN_CHARS, 2, 2),
        (AUTO_MIN_DOCUMENTS * 3, "Iran backs Assad.", 1, 1),
        (0, "", 2, 1),
    ],
)
def test_auto_processes_uses_two_only_for_a_large_input(
    n_docs: int, text: str, cores: int, expected: int
) -> None:
    documents = [doc(i, text) for i in range(n_docs)]
    n, stream = auto_processes(documents, cores=cores)
    assert n == expected
    assert list(stream) == documents


def test_auto_processes_reads_ahead_only_what_the_choice_needs() -> None:
    source = Counting([doc(i) for i in range(10 * AUTO_MIN_DOCUMENTS)])
    n, stream = auto_processes(source, cores=2)
    assert n == 2 and source.taken == AUTO_MIN_DOCUMENTS
    assert next(stream).doc_id == "d0"
    assert sum(1 for _ in stream) == 10 * AUTO_MIN_DOCUMENTS - 1


def test_worker_processes_stream_without_reading_the_whole_input(nlp) -> None:
    source = Counting([doc(i, f"Iran backs Assad ({i}).") for i in range(200)])
    records = extract(
        source,
        nlp=nlp,
        options=ExtractOptions(n_process=2, batch_size=2, kinds=frozenset({"document"})),
    )
    first = next(records)
    assert first.doc_id == "d0"
    assert source.taken <= 12  # a few batches in flight per worker, not the corpus
    assert sum(1 for _ in records) == 199


def _input(i: int, text: str):
    from allegiance.ingest.document import InputDocument

    return InputDocument(doc_id=f"d{i}", text=text, sha256=f"{i:064x}", source=f"in.jsonl:{i}")


def test_a_document_over_the_model_limit_is_counted_as_skipped(nlp) -> None:
    from allegiance.ingest import IngestReport
    from allegiance.nlp.pipeline import ExtractOptions, extract

    report = IngestReport(log=False)
    report.read = 2  # as the reader counted them
    old = nlp.max_length
    nlp.max_length = 100
    try:
        records = list(
            extract(
                [_input(1, "Iran backs the militias."), _input(2, "word " * 40)],
                nlp=nlp,
                report=report,
                options=ExtractOptions(n_process=1, check_language=False),
            )
        )
    finally:
        nlp.max_length = old
    assert [r.doc_id for r in records if r.kind == "document"] == ["d1"]
    assert report.summary() == "read 1 document, skipped 1"
    source, message = report.skipped[0]
    assert source == "in.jsonl:2" and "over the model's limit of 100" in message


def test_forced_sentence_breaks_are_one_warning_per_document(nlp) -> None:
    from allegiance.ingest import IngestReport

    report = IngestReport(log=False)
    report.read = 2
    run_on = " ".join(["the talks went on and the delegates waited"] * 60)  # no punctuation
    documents = [_input(1, "Iran backs the militias."), _input(2, run_on)]
    options = ExtractOptions(n_process=1, check_language=False)
    records = list(extract(documents, nlp=nlp, report=report, options=options))
    assert [r.doc_id for r in records if r.kind == "document"] == ["d1", "d2"]
    assert len(report.warnings) == 1
    assert report.warnings[0].startswith("in.jsonl:2: long text without sentence punctuation")


def test_cli_default_sentence_cap_is_the_component_default() -> None:
    from allegiance.cli.options import DEFAULT_MAX_TOKENS
    from allegiance.nlp import paragraphs

    assert DEFAULT_MAX_TOKENS == paragraphs.DEFAULT_MAX_TOKENS


def test_one_user_lexicon_file_reaches_quotes_units_agents_and_triggers(tmp_path) -> None:
    """``--lexicon`` reaches every component: one file extends five bundled files."""
    user = tmp_path / "newsroom.yaml"
    user.write_text(
        "quote_cues:\n  verbs: [harrumph]\n"
        "lemmas:\n  harrumph: [harrumphed]\n"
        "quantity_units:\n  currencies: {Ksh: KES}\n"
        "agents:\n  classes:\n    police: {words: {1: [carabinieri]}}\n"
        "verbs:\n  reproach: {category: ACCUSE}\n",
        encoding="utf-8",
    )
    text = (
        '"We will not pay," harrumphed John Smith, a farmer.\n\n'
        "The city paid Ksh 5,000 in fines.\n\n"
        "Italian carabinieri arrested two suspects in Rome.\n\n"
        "France reproached Italy on Tuesday."
    )
    document = InputDocument(doc_id="d", text=text, sha256="0" * 64)

    def run(paths: tuple[str, ...]) -> dict[str, list]:
        out: dict[str, list] = {}
        for record in extract([document], options=ExtractOptions(lexicon_paths=paths, n_process=1)):
            out.setdefault(type(record).__name__, []).append(record)
        return out

    before, after = run(()), run((str(user),))
    speakers = [q.speaker.text for q in after.get("Quote", []) if q.speaker]
    assert "John Smith" in speakers
    assert "John Smith" not in [q.speaker.text for q in before.get("Quote", []) if q.speaker]
    assert "KES" in {q.unit for q in after.get("Quantity", [])}
    assert "KES" not in {q.unit for q in before.get("Quantity", [])}
    police = {m.actor_id for m in after["Mention"] if m.text.lower().endswith("carabinieri")}
    assert police and all(a and a.startswith("ITA.") for a in police)
    pairs = {(r.source.actor_id, r.target.actor_id, r.category) for r in after.get("Relation", [])}
    assert ("FRA", "ITA", "ACCUSE") in pairs
    assert ("FRA", "ITA", "ACCUSE") not in {
        (r.source.actor_id, r.target.actor_id, r.category) for r in before.get("Relation", [])
    }
