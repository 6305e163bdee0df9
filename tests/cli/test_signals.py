"""Ending a stopped command: at once when a library thread is stuck, normally otherwise."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from allegiance.cli.signals import exit_now
from allegiance.nlp import pipeline


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_exit_now_ends_a_process_a_stuck_thread_would_hold() -> None:
    # a non-daemon thread that never ends: sys.exit would wait for it forever
    done = _run(
        """
        import threading, sys
        from allegiance.cli.signals import exit_now
        threading.Thread(target=threading.Event().wait).start()
        print("kept", flush=False)
        exit_now(143)
        """
    )
    assert done.returncode == 143
    assert done.stdout == "kept\n"  # the streams are flushed before the process ends


def test_exit_now_without_stuck_threads_is_sys_exit() -> None:
    with pytest.raises(SystemExit) as stop:
        exit_now(130)
    assert stop.value.code == 130


def test_stopped_pool_shutdown_waits_a_bounded_time(monkeypatch: pytest.MonkeyPatch) -> None:
    pool = ProcessPoolExecutor(max_workers=1)
    assert pool.submit(int, "7").result() == 7
    release = threading.Event()
    stuck = threading.Thread(target=release.wait, daemon=True)
    stuck.start()
    monkeypatch.setattr(pool, "_executor_manager_thread", stuck)  # as if it deadlocked
    monkeypatch.setattr(pipeline, "_SHUTDOWN_WAIT", 0.2)
    pipeline._stop_workers(pool)
    shutdown = threading.Thread(target=pipeline._shutdown_stopped, args=(pool,), daemon=True)
    shutdown.start()
    shutdown.join(timeout=60)  # a guard against hanging the suite, not a time measured
    assert not shutdown.is_alive(), "the shutdown waited for the stuck thread"
    assert stuck.is_alive()
    release.set()
