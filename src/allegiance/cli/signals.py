"""Stopping a run cleanly on SIGINT (Ctrl-C) and SIGTERM.

Inside :func:`interruptible`, either signal raises :class:`Interrupted` in the main thread,
so that the command can stop its workers, keep what is finished and exit with the
conventional status (130 for SIGINT, 143 for SIGTERM). Further signals while it cleans up
are ignored: a second Ctrl-C does not cut the cleanup short.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import NoReturn

__all__ = ["Interrupted", "exit_now", "interruptible"]

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """The run was asked to stop by a signal (like KeyboardInterrupt, not an error)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.name = signal.Signals(signum).name
        super().__init__(self.name)

    @property
    def exit_status(self) -> int:
        """128 plus the signal number: 130 for SIGINT, 143 for SIGTERM."""
        return 128 + self.signum


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`Interrupted` while the block runs.

    Example:
        >>> with interruptible():
        ...     pass
    """
    fired = False

    def handler(signum: int, frame: FrameType | None) -> None:
        nonlocal fired
        if fired:  # already stopping
            return
        fired = True
        raise Interrupted(signum)

    previous = {s: signal.signal(s, handler) for s in _SIGNALS}
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)


def exit_now(status: int) -> NoReturn:
    """End a stopped command with ``status``, even when a thread of a library is stuck.

    A run that was interrupted has kept and reported what it finished; if a thread other than
    the main one is still alive (a worker pool's manager thread that deadlocked while shutting
    down), the interpreter would wait for it at exit forever, so the streams are flushed and
    the process ends at once. Otherwise this is :func:`sys.exit`.
    """
    stuck = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    if not stuck:
        sys.exit(status)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)
