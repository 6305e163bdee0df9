"""Files written whole or not at all: a temporary file beside the target, renamed at the end.

A reader (or a later run) never sees a half-written report, bundle or table: until the rename
the target keeps whatever it held before.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

__all__ = ["replacing", "temp_beside", "write_text_atomic"]


def temp_beside(target: str | Path, tag: str = "tmp") -> Path:
    """A temporary path in the target's folder (so that the rename stays on one file system).

    Example:
        >>> temp_beside("out/records.jsonl").name.startswith(".records.jsonl.")
        True
    """
    target = Path(target)
    return target.with_name(f".{target.name}.{os.getpid()}.{tag}")


@contextlib.contextmanager
def replacing(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target``, on error it is removed.

    Example:
        >>> import tempfile, pathlib
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "report.html"
        >>> with replacing(out) as tmp:
        ...     _ = tmp.write_text("<p>done</p>")
        >>> out.read_text()
        '<p>done</p>'
    """
    target = Path(target)
    tmp = temp_beside(target)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_text_atomic(target: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``target`` through a temporary file and a rename."""
    with replacing(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(target)
