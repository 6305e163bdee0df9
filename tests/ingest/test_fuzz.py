"""Fuzz every reader: whatever one file holds, nothing escapes and the rest of the batch is read."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allegiance.ingest import IngestOptions, IngestReport, read_documents

EXTENSIONS = [".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".tsv"]
GOOD_TEXT = "The US advises the Iraqi army near Mosul."
GOOD_JSONL = '{"id": "good2", "text": "Turkey watches Iran warily."}\n'
# Small limits, so that the size and depth checks are reached too.
OPTIONS = IngestOptions(max_bytes=4000, max_json_depth=8)

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "text", "title", "published", "url", "x"]) | st.text(max_size=5),
            children,
            max_size=4,
        )
    ),
    max_leaves=25,
)
cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


def _check(name: str, data: bytes) -> None:
    """Read [good.txt, the fuzzed file, good2.jsonl]: nothing raises, both good ones come out."""
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        (d / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
        (d / "good2.jsonl").write_text(GOOD_JSONL, encoding="utf-8")
        (d / name).write_bytes(data)
        report = IngestReport(log=False)
        docs = list(read_documents([d / "good.txt", d / name, d / "good2.jsonl"], OPTIONS, report))
    texts = [doc.text for doc in docs]
    assert texts[0] == GOOD_TEXT
    # The fuzzed file may hold the same text as good2 (then good2 is the duplicate).
    assert texts[-1] == "Turkey watches Iran warily." or any(
        "good2.jsonl" in source for source, _ in report.skipped
    )
    assert all("\n" not in message for message in report.warnings)


@FUZZ
@given(ext=st.sampled_from(EXTENSIONS), data=st.binary(max_size=600))
def test_arbitrary_bytes(ext: str, data: bytes) -> None:
    _check(f"fuzz{ext}", data)


@FUZZ
@given(
    ext=st.sampled_from(EXTENSIONS),
    text=st.text(max_size=300),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1"]),
)
def test_arbitrary_text_in_any_encoding(ext: str, text: str, codec: str) -> None:
    _check(f"fuzz{ext}", text.encode(codec, "surrogatepass" if "utf" in codec else "replace"))


@FUZZ
@given(value=json_values, lines=st.booleans())
def test_arbitrary_json_shapes(value: Any, lines: bool) -> None:
    if lines:
        records = value if isinstance(value, list) else [value]
        data = "\n".join(json.dumps(r) for r in records)
        _check("fuzz.jsonl", data.encode())
    else:
        _check("fuzz.json", json.dumps(value).encode())


@FUZZ
@given(
    rows=st.lists(st.lists(cells, max_size=5), max_size=6),
    header=st.lists(st.sampled_from(["id", "text", "title", "body", "x", ""]), max_size=5),
    tsv=st.booleans(),
)
def test_arbitrary_csv_shapes(rows: list[list[str]], header: list[str], tsv: bool) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t" if tsv else ",")
    writer.writerow(header)
    writer.writerows(rows)
    _check("fuzz.tsv" if tsv else "fuzz.csv", buf.getvalue().encode("utf-8", "surrogatepass"))


@FUZZ
@given(
    prefix=st.text(alphabet='[]{}",:0 a\\\n', max_size=200),
    ext=st.sampled_from([".json", ".jsonl"]),
)
def test_bracket_soup(prefix: str, ext: str) -> None:
    _check(f"fuzz{ext}", prefix.encode())
