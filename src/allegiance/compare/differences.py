"""Where outlets differ: ties only one reports, opposite signs, numbers, coverage.

Computed from the per-outlet profiles alone (:class:`~allegiance.compare.model.OutletProfile`),
so any number of outlets can be compared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Literal

from .model import (
    NotCovered,
    NumberDifference,
    NumberValue,
    OnlyIn,
    OppositeSign,
    OutletDifferences,
    OutletProfile,
    ReportedNumber,
)

__all__ = [
    "date_period",
    "figures_agree",
    "not_covered",
    "number_differences",
    "only_in",
    "opposite_sign",
    "outlet_differences",
]

#: Relative tolerance within which an approximate figure ("nearly 5,000") agrees with another.
APPROX_TOLERANCE = 0.05

_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_YEAR = re.compile(r"^(\d{4})")


def only_in(profiles: Mapping[str, OutletProfile]) -> list[OnlyIn]:
    """Ties that exactly one outlet reports (none when fewer than two outlets are compared)."""
    if len(profiles) < 2:
        return []
    reporters: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, profile in profiles.items():
        for tie in profile.ties:
            reporters[(tie.a, tie.b)].append(name)
    out = []
    for name, profile in profiles.items():
        for tie in profile.ties:
            if reporters[(tie.a, tie.b)] == [name]:
                out.append(OnlyIn(outlet=name, tie=tie))
    return out


def opposite_sign(profiles: Mapping[str, OutletProfile]) -> list[OppositeSign]:
    """Ties whose net sign is positive in one outlet and negative in another."""
    signs: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for name, profile in profiles.items():
        for tie in profile.ties:
            signs[(tie.a, tie.b)][name] = tie.sign
    return [
        OppositeSign(a=a, b=b, signs=by_outlet)
        for (a, b), by_outlet in sorted(signs.items())
        if 1 in by_outlet.values() and -1 in by_outlet.values()
    ]


def not_covered(
    profiles: Mapping[str, OutletProfile], *, min_mentions: int = 3
) -> list[NotCovered]:
    """Actors that some outlets mention at least ``min_mentions`` times and others never do.

    Outlets that mention an actor fewer times than the threshold count neither as covering
    nor as ignoring it, so that a passing mention is not read as coverage.
    """
    if len(profiles) < 2:
        return []
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    names: dict[str, str] = {}
    for outlet, profile in profiles.items():
        for actor in profile.actors:
            counts[actor.actor_id][outlet] = actor.mentions
            names.setdefault(actor.actor_id, actor.name)
    found = []
    for actor_id, by_outlet in counts.items():
        covered = tuple(o for o in profiles if by_outlet.get(o, 0) >= max(min_mentions, 1))
        ignored = tuple(o for o in profiles if by_outlet.get(o, 0) == 0)
        if covered and ignored:
            found.append((sum(by_outlet.values()), actor_id, covered, ignored))
    found.sort(key=lambda t: (-t[0], t[1]))
    return [
        NotCovered(actor_id=a, name=names[a], covered_by=c, ignored_by=i) for _, a, c, i in found
    ]


def date_period(date: str | None, *, year_only: bool = False) -> str | None:
    """The period a date falls in: its month ("2014-11"), its year when only that is known.

    >>> date_period("2014-11-10"), date_period("2016"), date_period("2014-11-10", year_only=True)
    ('2014-11', '2016', '2014')
    """
    if not date:
        return None
    month = _MONTH.match(date)
    if month and not year_only:
        return f"{month.group(1)}-{month.group(2)}"
    year = _YEAR.match(date)
    return year.group(1) if year else None


def _interval(q: ReportedNumber) -> tuple[float, float]:
    low = q.low if q.low is not None else q.value
    high = q.high if q.high is not None else q.value
    if q.approximate:
        low -= abs(low) * APPROX_TOLERANCE
        high += abs(high) * APPROX_TOLERANCE
    return min(low, high), max(low, high)


def figures_agree(x: ReportedNumber, y: ReportedNumber) -> bool:
    """Whether two figures can describe the same number ("just over 3,000" and "3,000" do)."""
    a, b = _interval(x), _interval(y)
    return a[0] <= b[1] and b[0] <= a[1]


def _value(outlet: str, q: ReportedNumber) -> NumberValue:
    return NumberValue(outlet=outlet, value=q.value, date=q.date, text=q.text)


def _all_agree(figures: list[ReportedNumber]) -> bool:
    return all(figures_agree(x, y) for i, x in enumerate(figures) for y in figures[i + 1 :])


def number_differences(
    profiles: Mapping[str, OutletProfile], *, country: Callable[[str], str] | None = None
) -> list[NumberDifference]:
    """Figures on the same concept and actor that differ across outlets, read against dates.

    Only levels (``change`` "=") are compared: "1,500 more troops" is a change, not a count.
    Within one outlet and period the largest level stands for the total (smaller ones are
    usually parts: a deployment, the killed). Periods are months (years when a figure is dated
    only by year); undated figures are compared only with undated ones. Two outlets' totals in
    one period that cannot agree are a ``discrepancy``; totals that move between periods are a
    ``change_over_time`` with the direction from the first period to the last.

    With ``country`` (actor id -> the id of its country), figures are compared at the country
    level: "3,000 US troops" and "5,000 American forces" are the same count whether the text
    named the United States or its military.
    """
    if len(profiles) < 2:
        return []
    by_key: dict[tuple[str, str | None], list[tuple[str, ReportedNumber]]] = defaultdict(list)
    for outlet, profile in profiles.items():
        for q in profile.quantities:
            if q.concept and q.change == "=":
                owner = country(q.actor_id) if q.actor_id and country else q.actor_id
                by_key[(q.concept.strip().lower(), owner)].append((outlet, q))
    out: list[NumberDifference] = []
    for (concept, actor_id), entries in sorted(
        by_key.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")
    ):
        if len({outlet for outlet, _ in entries}) < 2:
            continue
        # A year known only as a year swallows the months of that year, to stay comparable.
        year_only = {p for _, q in entries if (p := date_period(q.date)) and len(p) == 4}
        # Headline per (period, outlet): the largest level figure.
        headline: dict[tuple[str | None, str], ReportedNumber] = {}
        for outlet, q in entries:
            year = date_period(q.date, year_only=True)
            period = date_period(q.date, year_only=year in year_only)
            current = headline.get((period, outlet))
            if current is None or q.value > current.value:
                headline[(period, outlet)] = q
        periods: dict[str | None, list[tuple[str, ReportedNumber]]] = defaultdict(list)
        for (period, outlet), q in sorted(
            headline.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])
        ):
            periods[period].append((outlet, q))
        for _period, items in periods.items():
            if len(items) > 1 and not _all_agree([q for _, q in items]):
                out.append(
                    NumberDifference(
                        concept=concept,
                        actor_id=actor_id,
                        kind="discrepancy",
                        direction=None,
                        values=tuple(_value(o, q) for o, q in items),
                    )
                )
        dated = sorted(p for p in periods if p is not None)
        if len(dated) < 2:
            continue
        timeline = [(o, q) for p in dated for o, q in periods[p]]
        if len({o for o, _ in timeline}) < 2:
            continue
        first = max((q for _, q in periods[dated[0]]), key=lambda q: q.value)
        last = max((q for _, q in periods[dated[-1]]), key=lambda q: q.value)
        representatives = [max((q for _, q in periods[p]), key=lambda q: q.value) for p in dated]
        if _all_agree(representatives):
            continue
        direction: Literal["up", "down"] | None = None
        if not figures_agree(first, last):
            direction = "up" if last.value > first.value else "down"
        out.append(
            NumberDifference(
                concept=concept,
                actor_id=actor_id,
                kind="change_over_time",
                direction=direction,
                values=tuple(_value(o, q) for o, q in timeline),
            )
        )
    return out


def outlet_differences(
    profiles: Mapping[str, OutletProfile],
    *,
    min_mentions: int = 3,
    country: Callable[[str], str] | None = None,
) -> OutletDifferences:
    """All differences between the outlets' profiles.

    Args:
        profiles: outlet name -> profile, from :func:`~allegiance.compare.compare_outlets`.
        min_mentions: mentions an outlet needs to count as covering an actor.
        country: actor id -> its country's id, to compare numbers at the country level.
    """
    return OutletDifferences(
        only_in=tuple(only_in(profiles)),
        opposite_sign=tuple(opposite_sign(profiles)),
        numbers=tuple(number_differences(profiles, country=country)),
        not_covered=tuple(not_covered(profiles, min_mentions=min_mentions)),
    )
