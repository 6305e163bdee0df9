"""The bundled demo corpus is found and reads cleanly."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from allegiance.ingest import IngestReport, demo_corpus_paths, read_documents


def test_demo_corpus_reads_without_problems() -> None:
    paths = demo_corpus_paths()
    assert [p.parent.name for p in paths] == ["CENTCOM", "US_State_Department"]
    for p in paths:
        assert (p.parent / "LICENSE").is_file() and (p.parent / "ATTRIBUTION").is_file()
    report = IngestReport()
    docs = list(read_documents(paths, report=report))
    assert len(docs) == report.read > 0
    assert not report.skipped and not report.warnings
    assert all(d.outlet and d.url and d.title for d in docs)
    assert len({d.doc_id for d in docs}) == len(docs)


ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "demo_dates.py"


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("demo_dates", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_demo_documents_carry_dates_and_two_outlets() -> None:
    docs = list(read_documents(demo_corpus_paths()))
    assert {d.outlet for d in docs} == {"CENTCOM", "US State Department"}
    dated = [d for d in docs if d.published]
    assert len(dated) >= 20
    for d in dated:
        date.fromisoformat(d.published)  # a real calendar date
    by_outlet = {d.outlet for d in dated}
    assert by_outlet == {"CENTCOM", "US State Department"}


def test_demo_dates_are_what_the_script_reads_from_the_documents() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("title", "text", "url", "expected"),
    [
        # State Department: year and month from the address
        ("Terrorist Attacks in Iraq", "We condemn the attacks today.",
         "https://www.state.gov/r/pa/prs/ps/2016/10/263174.htm", ("2016-10-01", "month", "url")),
        # a CENTCOM daily release: the title's date line gives the day
        ("January 9: Military airstrikes continue", "On Jan. 8, forces conducted 34 strikes.",
         "https://example.mil/2017/01/1044663.htm", ("2017-01-09", "day", "url+title")),
        # a title date line of another month than the address is not trusted for the day
        ("May 4: statement", "", "https://x.gov/2016/06/1.htm", ("2016-06-01", "month", "url")),
        # no dated address: the first full date in the text, at month precision
        ("Statement on the SDF advance", "They began their advance Nov. 6, 2016. More.",
         "http://www.centcom.mil/Article/997561/", ("2016-11-01", "month", "text")),
        # a span of days in the text
        ("Jordan Armed Forces partner with USARCENT", "a live-fire exercise October 25-26, 2016",
         "http://www.centcom.mil/Article/994950/", ("2016-10-01", "month", "text")),
        # the address wins over a date in the text (a past event)
        ("Rocket Attack", "Since December 25, 2011, the camp ...",
         "https://www.state.gov/2015/10/248970.htm", ("2015-10-01", "month", "url")),
        # nothing dated: no guess, and a bare year or a day without a year is not a date
        ("Death of a leader", "On Monday, Dec. 26, he was killed. Work ends in 2017.",
         "http://www.centcom.mil/Article/1039229/", (None, None, None)),
    ],
)  # fmt: skip
def test_demo_date_rules(title: str, text: str, url: str, expected: tuple) -> None:
    assert _script().find_date(title, text, url) == expected
