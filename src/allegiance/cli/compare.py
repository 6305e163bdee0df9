"""``allegiance compare``: how outlets tell the same story, from saved records.

Reads records only (never loads spaCy) and prints rich tables, or the JSON data with ``--json``.
"""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..compare import (
    AFFILIATIONS,
    KBActors,
    OutletComparison,
    compare_outlets,
    load_source_lexicon,
)
from ..network.read import read_record_files
from ..network.rollup import LEVELS, actor_rollup
from .options import kb_option

__all__ = ["compare_cmd", "print_comparison"]

_TOP_ACTORS = 5
_MAX_WORD = 16
_SHORT = {
    "government": "gov",
    "military": "mil",
    "militia": "militia",
    "diplomat": "dipl",
    "expert_or_former_official": "expert / former",
    "other": "other",
}


def _longest_word(markup: str) -> int:
    return max((len(w) for w in Text.from_markup(markup).plain.split()), default=0)


class _Rows:
    """Rows collected first, so that each column can be told its longest word.

    Cells then wrap at spaces and never shrink below their longest word (up to
    ``_MAX_WORD`` characters, beyond which a word is folded), so at 80 columns a table wraps
    instead of cutting a name or a tie with an ellipsis.
    """

    def __init__(self, title: str, columns: list[tuple[str, str]]) -> None:
        self.title = title
        self.columns = columns
        self.rows: list[tuple[str, ...]] = []

    def add_row(self, *cells: str) -> None:
        self.rows.append(cells)

    def table(self, width: int) -> Table:
        """The rich table for a console ``width`` characters wide."""
        mins = [
            min(_MAX_WORD, max([_longest_word(name)] + [_longest_word(r[i]) for r in self.rows]))
            for i, (name, _) in enumerate(self.columns)
        ]
        # Too wide even at one word per line: fold the widest columns' words (never cut).
        while sum(mins) + 3 * len(mins) + 1 > width and max(mins) > 4:
            mins[mins.index(max(mins))] -= 1
        table = Table(title=self.title, title_justify="left")
        for (name, justify), low in zip(self.columns, mins, strict=True):
            table.add_column(
                _fold(name, low),
                justify=justify,  # type: ignore[arg-type]
                overflow="fold",
                min_width=low,
                # counts take their width exactly, so the text columns get the rest
                width=low if justify == "right" else None,
            )
        for row in self.rows:
            table.add_row(*(_fold(cell, low) for cell, low in zip(row, mins, strict=True)))
        return table


def _fold(cell: str, width: int) -> str:
    """``cell`` with each word longer than ``width`` split in pieces (plain text only)."""
    if _longest_word(cell) <= width or Text.from_markup(cell).plain != cell.replace("\\[", "["):
        return cell
    return " ".join(
        " ".join(word[i : i + width] for i in range(0, len(word), width))
        for word in cell.split(" ")
    )


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _sign(sign: int) -> str:
    return {1: "[green]+[/green]", -1: "[red]−[/red]"}.get(sign, "0")


def _state(state: str, sign: int) -> str:
    """A tie's state as one mark: +, −, 0, or ± for a mixed tie (with its dominant side)."""
    return f"[yellow]±[/yellow]{_sign(sign)}" if state == "mixed" else _sign(sign)


def _summary_table(result: OutletComparison, width: int = 80) -> Table:
    columns = ("outlet", "docs", "mentions", "top actors (share)", "ties + / − / ±", "numbers")
    table = _Rows(
        "Outlets", [(c, "right" if c in ("docs", "mentions") else "left") for c in columns]
    )
    for name, p in result.outlets.items():
        top = ", ".join(f"{escape(a.name)} {a.share:.0%}" for a in p.actors[:_TOP_ACTORS])
        pos = sum(1 for t in p.ties if t.state == "friendly")
        neg = sum(1 for t in p.ties if t.state == "hostile")
        mixed = sum(1 for t in p.ties if t.state == "mixed")
        table.add_row(
            escape(name),
            str(p.documents),
            str(sum(a.mentions for a in p.actors)),
            top,
            f"{len(p.ties)}: {pos} / {neg} / {mixed}",
            str(len(p.quantities)),
        )
    return table.table(width)


def _affiliation_table(result: OutletComparison, width: int = 80) -> Table:
    table = _Rows(
        "Quotes by source",
        [("outlet", "left"), ("named", "right"), ("anonymous", "right")]
        + [(_SHORT[aff], "right") for aff in AFFILIATIONS],
    )
    for name, p in result.outlets.items():
        s = p.sources
        table.add_row(
            escape(name),
            str(s.named),
            str(s.anonymous),
            *(str(s.by_affiliation.get(aff, 0)) for aff in AFFILIATIONS),
        )
    return table.table(width)


def _sources_table(result: OutletComparison, width: int = 80) -> Table:
    columns = ("outlet", "source", "role", "anonymous", "affiliation", "quotes")
    table = _Rows("Sources quoted", [(c, "right" if c == "quotes" else "left") for c in columns])
    for name, p in result.outlets.items():
        for e in p.sources.entries:
            table.add_row(
                escape(name),
                escape(e.speaker),
                escape(e.role if e.role and e.role != e.speaker else ""),
                "yes" if e.anonymous else "",
                e.affiliation.replace("_", " "),
                str(e.n),
            )
    return table.table(width)


def _numbers_table(result: OutletComparison, width: int = 80) -> Table:
    columns = ("outlet", "concept", "actor", "value", "change", "date", "as written")
    table = _Rows("Numbers reported", [(c, "right" if c == "value" else "left") for c in columns])
    for name, p in result.outlets.items():
        for q in p.quantities:
            table.add_row(
                escape(name),
                escape(q.concept or ""),
                escape(q.actor_id or ""),
                ("~" if q.approximate else "") + _num(q.value),
                q.change,
                q.date or "",
                escape(q.text),
            )
    return table.table(width)


def _names(result: OutletComparison) -> dict[str, str]:
    names: dict[str, str] = {}
    for p in result.outlets.values():
        for a in p.actors:
            names.setdefault(a.actor_id, a.name)
        for t in p.ties:
            names.setdefault(t.a, t.a_name)
            names.setdefault(t.b, t.b_name)
    return names


def _differences_table(result: OutletComparison, width: int = 80) -> Table:
    d = result.differences
    names = _names(result)
    table = _Rows(
        "Where outlets differ", [("difference", "left"), ("what", "left"), ("outlets", "left")]
    )
    for only in d.only_in:
        t = only.tie
        table.add_row(
            "tie only in",
            f"{escape(t.a_name)} {_state(t.state, t.sign)} {escape(t.b_name)} "
            f"({t.state}, {t.evidence} report{'s' if t.evidence != 1 else ''})",
            escape(only.outlet),
        )
    for opp in d.opposite_sign:
        signs = ", ".join(f"{escape(o)} {_sign(s)}" for o, s in opp.signs.items())
        table.add_row(
            "opposite signs",
            f"{escape(names.get(opp.a, opp.a))} – {escape(names.get(opp.b, opp.b))}",
            signs,
        )
    for n in d.numbers:
        kind = "change over time" if n.kind == "change_over_time" else "discrepancy"
        if n.direction:
            kind += f" ({n.direction})"
        values = " → ".join(
            f"{escape(v.outlet)} {_num(v.value)}{' (' + v.date + ')' if v.date else ''}"
            for v in n.values
        )
        table.add_row(kind, escape(f"{n.concept} of {n.actor_id or 'anyone'}"), values)
    for nc in d.not_covered:
        table.add_row(
            "coverage",
            escape(nc.name),
            f"covered by {escape(', '.join(nc.covered_by))}; "
            f"ignored by {escape(', '.join(nc.ignored_by))}",
        )
    return table.table(width)


def print_comparison(result: OutletComparison, console: Console | None = None) -> None:
    """Print a comparison as rich tables: summary, sources, numbers, differences.

    Args:
        result: from :func:`allegiance.compare.compare_outlets`.
        console: where to print (default: stdout).
    """
    out = console if console is not None else Console()
    if not result.outlets:
        out.print("No records to compare.")
        return
    out.print(_summary_table(result, out.width))
    out.print(_affiliation_table(result, out.width))
    if any(p.sources.entries for p in result.outlets.values()):
        out.print(_sources_table(result, out.width))
    if any(p.quantities for p in result.outlets.values()):
        out.print(_numbers_table(result, out.width))
    if len(result.outlets) < 2:
        out.print(f"Only one {result.by} ({escape(next(iter(result.outlets)))}): no differences.")
    else:
        out.print(_differences_table(result, out.width))


@click.command("compare")
@click.argument(
    "records",
    metavar="RECORDS...",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
)
@click.option(
    "--by",
    type=click.Choice(["outlet", "doc_id", "year"]),
    default="outlet",
    show_default=True,
    help="Group documents by outlet, by document or by published year.",
)
@click.option(
    "--level",
    "--rollup",
    "level",
    type=click.Choice(LEVELS),
    default="actor",
    show_default=True,
    help="Roll actors up to their parent organisation or country, as `analyze --level` "
    "(--rollup is the old name).",
)
@click.option(
    "--min-mentions",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Mentions an outlet needs to count as covering an actor.",
)
@kb_option
@click.option(
    "--lexicon",
    "lexicon_paths",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Source-affiliation YAML extending the bundled keywords (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, default=False, help="Print the data as JSON.")
def compare_cmd(
    records: tuple[str, ...],
    by: str,
    level: str,
    min_mentions: int,
    kb_paths: tuple[str, ...],
    lexicon_paths: tuple[str, ...],
    as_json: bool,
) -> None:
    """Compare how outlets tell the same story, from saved RECORDS files (JSONL; - for stdin).

    Per outlet: actors covered, ties and their sign, tone, sources quoted (named or anonymous,
    by affiliation) and numbers reported; then where outlets differ: ties only one reports,
    opposite signs, figures that change over time or disagree, actors one ignores.

    \b
    Example:
        allegiance extract aj/ --outlet "Al Jazeera" -o aj.jsonl
        allegiance extract fox/ --outlet "Fox News" -o fox.jsonl
        allegiance compare aj.jsonl fox.jsonl
        allegiance compare records.jsonl --level parent --json > outlets.json
    """
    from ..kb import ActorKB

    recs = list(read_record_files(records))
    kb = ActorKB.load(kb_paths)
    result = compare_outlets(
        recs,
        by=by,  # type: ignore[arg-type]
        rollup=actor_rollup(recs, level=level, kb=kb),
        min_mentions=min_mentions,
        actors=KBActors(kb) if kb_paths or level != "actor" else None,
        lexicon=load_source_lexicon(lexicon_paths) if lexicon_paths else None,
    )
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_comparison(result)
