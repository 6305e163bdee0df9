"""The ``allegiance`` command: a thin layer over the library API.

Commands are imported lazily, so that ``allegiance balance`` starts without loading spaCy.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from ..errors import AllegianceError

__all__ = ["COMMANDS", "main"]

#: command name -> ("module:attribute" relative to this package, one-line help for the listing)
COMMANDS: dict[str, tuple[str, str]] = {
    "analyze": (
        "analyze:analyze_cmd",
        "Ingest, extract, analyse; write the HTML report and JSON bundle.",
    ),
    "extract": (
        "extract:extract_cmd",
        "Extract records (documents, mentions, relations, quotes, quantities).",
    ),
    "network": (
        "network:network_cmd",
        "Build the signed actor network from records and export it.",
    ),
    "balance": ("network:balance_cmd", "Structural balance: triads, frustration index, camps."),
    "whatif": ("network:whatif_cmd", "Flip or remove ties and see which triads and camps change."),
    "paths": ("network:paths_cmd", "Exposure paths: friends of friends that lead to an enemy."),
    "coalitions": (
        "network:coalitions_cmd",
        "Signed community detection: coalitions and their ties.",
    ),
    "compare": ("compare:compare_cmd", "Compare how outlets tell the same story."),
    "eval": ("eval:eval_group", "Score extraction against gold annotations (re3d, PLOVER)."),
    "audit": ("audit:audit_group", "Sample relations to judge by hand; score the verdicts."),
    "schema": ("extract:schema_cmd", "Print the JSON Schema of the records."),
    "export": ("interop:export_cmd", "Export relations as PLOVER records or CAMEO-coded rows."),
    "import": ("interop:import_cmd", "Import GDELT or ICEWS event files as records."),
    "kb": ("interop:kb_group", "Knowledge-base tools: import PETRARCH actor dictionaries."),
    "store": ("store:store_group", "The DuckDB corpus store: info, reextract, Parquet, SQL."),
}


class LazyGroup(click.Group):
    """A click group that imports each command's module only when the command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, attr = entry[0].split(":")
        module = importlib.import_module(f"{__name__}.{module_name}")
        command: click.Command = getattr(module, attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Listing commands must not import them (that would load spaCy for --help).
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AllegianceError as exc:
            # Library errors are expected failures: one line, no traceback.
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="allegiance")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """allegiance: read news and tell who stands with whom.

    \b
    Example:
        allegiance analyze                      # the bundled demo corpus
        allegiance analyze articles/ -o report.html
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(
        level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s"
    )
