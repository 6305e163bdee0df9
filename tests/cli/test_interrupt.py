"""SIGINT and SIGTERM stop ``extract`` cleanly: counts, exit status, no orphans, resumable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from allegiance.ingest import demo_corpus_paths

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")

EXE = str(Path(sys.executable).with_name("allegiance"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 135 documents: enough for two worker processes and several batches."""
    texts = []
    for path in demo_corpus_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    out = tmp_path_factory.mktemp("interrupt") / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as fp:
        for k in range(3):
            for i, text in enumerate(texts):
                fp.write(json.dumps({"id": f"c{k}-{i}", "text": f"{text}\n\nCopy {k}."}) + "\n")
    return out


def _group_alive(pgid: int) -> list[int]:
    """Processes still in the process group (the command and its workers)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(entry.name))
    return alive


def _run_until_records(args: list[str], out: Path) -> subprocess.Popen[str]:
    """Start the command in its own process group; return once records are being written."""
    proc = subprocess.Popen(
        [EXE, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    tmp = out.with_name(f".{out.name}.{proc.pid}.tmp")
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if tmp.exists() and tmp.stat().st_size > 0:
            return proc
        time.sleep(0.05)
    proc.kill()
    pytest.fail("no records were written")


@pytest.mark.parametrize(
    ("signum", "to_group", "status"),
    [(signal.SIGTERM, False, 143), (signal.SIGINT, True, 130)],
)
def test_signal_stops_workers_keeps_records_and_resume_completes(
    corpus: Path, tmp_path: Path, signum: int, to_group: bool, status: int
) -> None:
    out = tmp_path / "out.jsonl"
    args = ["extract", str(corpus), "-o", str(out), "--processes", "2"]
    proc = _run_until_records(args, out)
    if to_group:  # Ctrl-C at a terminal reaches the whole process group
        os.killpg(proc.pid, signum)
    else:  # kill PID, timeout(1), a service manager: only the command itself
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == status, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "interrupted by" in lines[0] and "--resume" in lines[0], err
    time.sleep(0.5)
    assert _group_alive(proc.pid) == [], "a worker outlived the command"

    # the file ends on a complete line; the note says how far the run got
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    kept = [json.loads(line) for line in text.splitlines()]
    n_docs = sum(r["kind"] == "document" for r in kept)
    note = json.loads(Path(f"{out}.partial.json").read_text(encoding="utf-8"))
    assert note["status"] == "interrupted" and note["documents"] == n_docs > 0
    assert f"after {n_docs} documents" in lines[0]

    # --resume continues without repeating a finished document
    done = subprocess.run(
        [EXE, *args, "--resume"], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = [r["doc_id"] for r in records if r["kind"] == "document"]
    assert len(ids) == len(set(ids)) == len(corpus.read_text(encoding="utf-8").splitlines())
    assert ids[:n_docs] == [r["doc_id"] for r in kept if r["kind"] == "document"]
    assert not Path(f"{out}.partial.json").exists()
