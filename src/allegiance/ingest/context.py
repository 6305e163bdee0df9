"""What every reader is handed: the ingest options and the report it adds skips and warnings to."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Messages
from .model import IngestOptions, IngestReport


@dataclass(frozen=True, slots=True)
class _Ctx:
    options: IngestOptions
    report: IngestReport

    def skip(self, source: str, message: str) -> None:
        self.report.add_skip(source, message)

    def warn(self, message: str) -> None:
        self.report.add_warning(message)

    def bad_field(self, source: str, line: int | str, reason: str) -> None:
        self.skip(
            f"{source}:{line}", Messages.BAD_FIELD.format(path=source, line=line, reason=reason)
        )
