"""Derived, display-ready data for the HTML report: key findings, camps, timeline by month.

The report's JavaScript draws what it is given; everything that is a judgement about what to
say (the plain-language findings) or a summary of the records (ties per month) is computed
here, in Python, where it can be tested without a browser.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from pathlib import PurePath
from typing import Any

from allegiance.report.story import (
    common_enemies,
    exposure_paths,
    headline,
    reason_text,
    unbalanced_triangles,
)

__all__ = [
    "camp_of",
    "derive_timeline",
    "json_ready",
    "key_findings",
    "summary_counts",
    "tie_state",
    "view_model",
]

SIGN_WORD = {1: "friendly", -1: "hostile", 0: "neutral"}


def tie_state(edge: Mapping[str, Any]) -> str:
    """A tie's state (``friendly``, ``hostile``, ``mixed``, ``neutral``), from its sign when
    the bundle predates states.

    >>> tie_state({"sign": 1, "state": "mixed"}), tie_state({"sign": -1})
    ('mixed', 'hostile')
    """
    state = edge.get("state")
    if state in ("friendly", "hostile", "mixed", "neutral"):
        return str(state)
    sign = edge.get("sign")
    return SIGN_WORD[sign] if sign in (1, -1) else "neutral"


_TOP_PAIRS = 12


def json_ready(obj: Any) -> Any:
    """Return a copy of ``obj`` that ``json.dumps`` accepts and that JavaScript can parse.

    NaN and infinities become ``None`` (JSON has no such numbers), tuples and sets become
    lists, dates become ISO strings, pydantic models become dicts; anything else unknown
    becomes its ``str``.

    Args:
        obj: Bundle data, possibly with non-JSON values.

    Returns:
        The same structure made of dict, list, str, int, float, bool and None only.

    >>> json_ready({"a": float("nan"), "b": (1, 2), 3: {"x"}})
    {'a': None, 'b': [1, 2], '3': ['x']}
    """
    if obj is None or isinstance(obj, bool | int | str):
        return obj
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, Mapping):
        return {str(k): json_ready(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [json_ready(v) for v in obj]
    if isinstance(obj, set | frozenset):
        return [json_ready(v) for v in sorted(obj, key=str)]
    if isinstance(obj, _dt.date | _dt.datetime | _dt.time):
        return obj.isoformat()
    if isinstance(obj, PurePath):
        return str(obj)
    dump = getattr(obj, "model_dump", None)
    if callable(dump):
        return json_ready(dump(mode="json"))
    item = getattr(obj, "item", None)  # numpy scalars
    if callable(item):
        try:
            return json_ready(item())
        except (TypeError, ValueError):
            pass
    return str(obj)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _names(bundle: Mapping[str, Any]) -> dict[str, str]:
    names: dict[str, str] = {}
    for r in _as_list(bundle.get("relations")):
        for side in ("source", "target"):
            arg = _as_dict(_as_dict(r).get(side))
            if arg.get("actor_id") and arg.get("actor_name"):
                names.setdefault(str(arg["actor_id"]), str(arg["actor_name"]))
    for n in _as_list(_as_dict(bundle.get("network")).get("nodes")):
        n = _as_dict(n)
        if n.get("id") is not None:
            names[str(n["id"])] = str(n.get("name") or n["id"])
    return names


def camp_of(bundle: Mapping[str, Any]) -> dict[str, int]:
    """Map each actor id to its camp number, from the first source that has camps.

    The order is: ``network.nodes[].camp``, then ``coalitions.camps``, then
    ``frustration.partition``.

    Args:
        bundle: The report bundle.

    Returns:
        Actor id to camp index (0, 1, ...); actors in no camp are absent.
    """
    camps: dict[str, int] = {}
    for n in _as_list(_as_dict(bundle.get("network")).get("nodes")):
        n = _as_dict(n)
        if n.get("id") is not None and isinstance(n.get("camp"), int):
            camps[str(n["id"])] = n["camp"]
    if camps:
        return camps
    for k, members in enumerate(_as_list(_as_dict(bundle.get("coalitions")).get("camps"))):
        for m in _as_list(members):
            camps[str(m)] = k
    if camps:
        return camps
    for node, side in _as_dict(_as_dict(bundle.get("frustration")).get("partition")).items():
        if isinstance(side, int):
            camps[str(node)] = side
    return camps


def _month(date: Any) -> str | None:
    if not isinstance(date, str) or len(date) < 7 or not date[:4].isdigit():
        return None
    month = date[:7]
    return month if month[4] == "-" and month[5:7].isdigit() else None


def _month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    y2, m2 = int(last[:4]), int(last[5:7])
    out: list[str] = []
    while (y, m) <= (y2, m2) and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


#: relation times precise enough to be placed in a month of the timeline
_MONTH_PRECISE = ("day", "week", "month")


def _relation_month(r: Mapping[str, Any], published: Any) -> tuple[str | None, bool]:
    """The month a relation is about: its own time when that is precise to a month, else
    its document's date; and whether its own time placed it."""
    time = _as_dict(r.get("time"))
    if time.get("precision") in _MONTH_PRECISE:
        month = _month(time.get("start")) or _month(time.get("end"))
        if month is not None:
            return month, True
    return _month(published), False


def _history_item(r: Mapping[str, Any]) -> dict[str, Any]:
    time = _as_dict(r.get("time"))
    words = _as_dict(time.get("expression")).get("text") or _as_dict(time.get("marker")).get("text")
    return {
        "id": r.get("id"),
        "a": _as_dict(r.get("source")).get("actor_id"),
        "b": _as_dict(r.get("target")).get("actor_id"),
        "sign": r.get("sign"),
        "category": r.get("category"),
        "start": time.get("start"),
        "end": time.get("end"),
        "precision": time.get("precision"),
        "text": words,
        "sentence": _as_dict(r.get("sentence")).get("text"),
    }


def derive_timeline(bundle: Mapping[str, Any]) -> dict[str, Any]:
    """Count relations per month by the time they are about, and per pair of actors.

    A relation is placed by its own time when the text gives one precise to a month ("last
    week", "on March 3, 2016"), else by its document's date. Historical relations ("the
    days of the US occupation", "in 2003" in a 2016 article) are not placed: they are listed
    under ``history``, oldest first (undated ones last). Negated and hypothetical relations
    are counted apart (``excluded``): they are not ties.

    Args:
        bundle: The report bundle (uses ``relations`` and ``documents``).

    Returns:
        ``{"months": [...], "counts": {month: {"positive", "negative", "neutral",
        "excluded"}}, "pairs": [{"a", "b", "evidence", "months": {month: {"positive",
        "negative", "neutral"}}}], "undated": n, "by_own_time": n, "history": [{"id", "a",
        "b", "sign", "category", "start", "end", "precision", "text", "sentence"}]}``;
        ``months`` is empty when no relation has a date; ``by_own_time`` counts the relations
        placed by their own time.
    """
    dates = {
        str(d.get("doc_id")): d.get("published")
        for d in map(_as_dict, _as_list(bundle.get("documents")))
    }
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    pairs: dict[tuple[str, str], dict[str, Counter[str]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    undated = own_time = 0
    history: list[dict[str, Any]] = []
    for r in map(_as_dict, _as_list(bundle.get("relations"))):
        if _as_dict(r.get("time")).get("historical"):
            if not (r.get("negated") or r.get("hypothetical")):
                history.append(_history_item(r))
            continue
        month, own = _relation_month(r, dates.get(str(r.get("doc_id"))))
        if month is None:
            undated += 1
            continue
        if r.get("negated") or r.get("hypothetical"):
            counts[month]["excluded"] += 1
            continue
        own_time += own
        sign = r.get("sign")
        key = "positive" if sign == 1 else "negative" if sign == -1 else "neutral"
        counts[month][key] += 1
        a = _as_dict(r.get("source")).get("actor_id")
        b = _as_dict(r.get("target")).get("actor_id")
        if a and b and a != b:
            pair = (str(min(a, b)), str(max(a, b)))
            pairs[pair][month][key] += 1
    months = _month_range(min(counts), max(counts)) if counts else []
    history.sort(
        key=lambda h: (
            h["start"] is None and h["end"] is None,
            str(h["start"] or h["end"] or ""),
            str(h["id"]),
        )
    )
    return {
        "months": months,
        "counts": {
            m: {k: counts[m][k] for k in ("positive", "negative", "neutral", "excluded")}
            for m in months
        },
        "pairs": _top_pairs(pairs),
        "undated": undated,
        "by_own_time": own_time,
        "history": history,
    }


def _top_pairs(pairs: Mapping[tuple[str, str], Mapping[str, Counter[str]]]) -> list[dict[str, Any]]:
    """The pairs of actors with the most dated relations (at most ``_TOP_PAIRS``), each with
    its counts by month."""
    ranked = sorted(
        pairs.items(), key=lambda kv: (-sum(sum(c.values()) for c in kv[1].values()), kv[0])
    )[:_TOP_PAIRS]
    return [
        {
            "a": a,
            "b": b,
            "evidence": sum(sum(c.values()) for c in per.values()),
            "months": {m: dict(c) for m, c in sorted(per.items())},
        }
        for (a, b), per in ranked
    ]


def summary_counts(bundle: Mapping[str, Any]) -> dict[str, Any]:
    """Headline counts: documents, outlets, date range, actors, ties by sign, relations.

    Args:
        bundle: The report bundle.

    Returns:
        A flat dict of counts (missing parts count as zero) plus ``first``/``last`` dates.
        Actors and ties come from the bundle's ``counts`` when it has them (the one account
        the CLI summary also prints); ``positive``/``negative`` count ties by sign (a mixed
        tie under its dominant side), ``friendly``/``hostile``/``mixed`` by state.
    """
    meta = _as_dict(bundle.get("meta"))
    docs = [_as_dict(d) for d in _as_list(bundle.get("documents"))]
    network = _as_dict(bundle.get("network"))
    edges = [_as_dict(e) for e in _as_list(network.get("edges"))]
    relations = [_as_dict(r) for r in _as_list(bundle.get("relations"))]
    quotes = [_as_dict(q) for q in _as_list(bundle.get("quotes"))]
    dates = sorted(str(d["published"])[:10] for d in docs if d.get("published"))
    n_docs = meta.get("n_documents")
    out: dict[str, Any] = {
        "documents": n_docs if isinstance(n_docs, int) else len(docs),
        "skipped": meta.get("n_skipped") or len(_as_list(meta.get("skipped"))),
        "outlets": len({d.get("outlet") for d in docs if d.get("outlet")}),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "actors": len(_as_list(network.get("nodes"))),
        "actors_mentioned": None,
        "ties": len(edges),
        "positive": sum(e.get("sign") == 1 for e in edges),
        "negative": sum(e.get("sign") == -1 for e in edges),
        "neutral": sum(tie_state(e) == "neutral" for e in edges),
        "friendly": sum(tie_state(e) == "friendly" for e in edges),
        "hostile": sum(tie_state(e) == "hostile" for e in edges),
        "mixed": sum(tie_state(e) == "mixed" for e in edges),
        "relations": len(relations),
        "not_counted": sum(bool(r.get("negated") or r.get("hypothetical")) for r in relations),
        "quotes": len(quotes),
        "anonymous_quotes": sum(bool(q.get("anonymous")) for q in quotes),
        "quantities": len(_as_list(bundle.get("quantities"))),
        "acts": len(_as_list(bundle.get("acts"))),
    }
    counts = _as_dict(bundle.get("counts"))
    for key in ("actors", "actors_mentioned", "ties", "friendly", "hostile", "mixed", "neutral"):
        if isinstance(counts.get(key), int):
            out[key] = counts[key]
    for key, alias in (("positive", "positive"), ("negative", "negative")):
        if isinstance(counts.get(alias), int):
            out[key] = counts[alias]
    return out


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _fmt_number(value: Any) -> str:
    if isinstance(value, int | float) and math.isfinite(value):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return str(value)


def key_findings(bundle: Mapping[str, Any], limit: int = 3) -> list[dict[str, str]]:
    """Plain-language findings for the top of the report, most telling first.

    Args:
        bundle: The report bundle.
        limit: How many uneasy alliances and number changes to name at most.

    Returns:
        A list of ``{"kind", "title", "text"}``; ``kind`` is one of ``uneasy``, ``camps``,
        ``frustration``, ``triangles``, ``tie``, ``quotes``, ``numbers``, ``empty``.
    """
    names = _names(bundle)

    def name(actor: Any) -> str:
        return names.get(str(actor), str(actor))

    counts = summary_counts(bundle)
    out = _uneasy_findings(bundle, name, limit)
    out += _camp_findings(bundle, name)
    out += _frustration_findings(bundle, counts)
    out += _triangle_findings(bundle)
    out += _tie_findings(bundle, name)
    out += _quote_findings(counts)
    out += _number_findings(bundle, name, limit)
    if not out:
        out.append({
            "kind": "empty",
            "title": "No findings",
            "text": "No ties between actors were found in these documents.",
        })  # fmt: skip
    return out


#: an actor id -> its display name
_Namer = Callable[[Any], str]


def _uneasy_findings(bundle: Mapping[str, Any], name: _Namer, limit: int) -> list[dict[str, str]]:
    """One finding per uneasy alliance (at most ``limit``), naming the enemies they share."""
    out: list[dict[str, str]] = []
    for u in map(_as_dict, _as_list(bundle.get("uneasy_alliances"))[:limit]):
        a = str(u.get("a_name") or name(u.get("a")))
        b = str(u.get("b_name") or name(u.get("b")))
        pos = u.get("positive")
        pos = pos if isinstance(pos, int) else len(_as_list(u.get("positive_evidence")))
        neg = u.get("negative")
        neg = neg if isinstance(neg, int) else len(_as_list(u.get("negative_evidence")))
        found = common_enemies(bundle, str(u.get("a")), str(u.get("b")))
        enemies = [name(e["id"]) for e in found]
        text = (
            f"{a} and {b} are reported both working together ({pos} report"
            f"{'s' if pos != 1 else ''}) and at odds ({neg} report{'s' if neg != 1 else ''})"
        )
        if u.get("state") == "mixed":
            text += ": a mixed tie"
            if u.get("description"):
                text += f" ({u['description']})"
        if enemies:
            text += f", while both oppose {_join(enemies[:3])}"
            if not all(e["counted"] for e in found[:3]):
                text += " (partly in statements not counted as facts)"
        text += "."
        title = f"Uneasy alliance: {a} and {b}"
        if enemies:
            title += f" against {enemies[0]}"
        out.append({"kind": "uneasy", "title": title, "text": text})
    return out


def _camp_findings(bundle: Mapping[str, Any], name: _Namer) -> list[dict[str, str]]:
    """The camps, most mentioned members first, when the actors split into two or more."""
    camps: dict[int, list[str]] = defaultdict(list)
    for actor, k in camp_of(bundle).items():
        camps[k].append(actor)
    if len(camps) < 2:
        return []
    weight = {
        str(n.get("id")): (n.get("mentions") or 0)
        for n in map(_as_dict, _as_list(_as_dict(bundle.get("network")).get("nodes")))
    }
    parts = []
    for k in sorted(camps):
        members = sorted(camps[k], key=lambda m: (-(weight.get(m) or 0), name(m)))
        shown = [name(m) for m in members[:4]]
        more = len(members) - len(shown)
        parts.append(_join(shown) + (f" (+{more} more)" if more > 0 else ""))
    return [{
        "kind": "camps",
        "title": f"{len(camps)} camps",
        "text": "The actors split best into these camps: " + "; versus ".join(parts) + ".",
    }]  # fmt: skip


def _frustration_findings(
    bundle: Mapping[str, Any], counts: Mapping[str, Any]
) -> list[dict[str, str]]:
    """The frustration index in words, when there is one and ties to measure it on."""
    fr = _as_dict(bundle.get("frustration"))
    if not (isinstance(fr.get("index"), int | float) and counts["ties"]):
        return []
    index = fr["index"]
    exact = (
        ""
        if fr.get("exact", True)
        else " (an estimate; at least " + _fmt_number(fr.get("lower_bound")) + ")"
    )
    return [{
        "kind": "frustration",
        "title": f"Frustration index {_fmt_number(index)}{exact}",
        "text": f"{_fmt_number(index)} of the {counts['ties']} ties go against the camps "
        "(a friendly tie across camps or a hostile one inside a camp). Zero would mean a "
        "world cleanly split into friends and enemies; the higher it is, the more tangled "
        "the alliances.",
    }]  # fmt: skip


def _triangle_findings(bundle: Mapping[str, Any]) -> list[dict[str, str]]:
    """How many of the network's triangles are unbalanced, when it has any."""
    census = _as_dict(_as_dict(bundle.get("triangles")).get("census"))
    total = sum(v for v in census.values() if isinstance(v, int))
    if not total:
        return []
    unbalanced = len(unbalanced_triangles(bundle))
    return [{
        "kind": "triangles",
        "title": f"{unbalanced} unbalanced triangle{'s' if unbalanced != 1 else ''}",
        "text": f"Of {total} triangles of three mutually tied actors, {unbalanced} break "
        "the rule that the friend of a friend is a friend and the enemy of an enemy is a "
        "friend: these are the strained spots of the network.",
    }]  # fmt: skip


def _tie_findings(bundle: Mapping[str, Any], name: _Namer) -> list[dict[str, str]]:
    """The strongest friendly and the strongest hostile tie, where there are such ties."""
    network = _as_dict(bundle.get("network"))
    edges = [_as_dict(e) for e in _as_list(network.get("edges"))]
    mentions: dict[str, float] = {}
    for n in map(_as_dict, _as_list(network.get("nodes"))):
        count = n.get("mentions")
        mentions[str(n.get("id"))] = float(count) if isinstance(count, int | float) else 0.0

    def strength(e: dict[str, Any]) -> tuple[float, float]:
        # most reports first; among equals, the tie between the most mentioned actors
        prominence = mentions.get(str(e.get("source")), 0) + mentions.get(str(e.get("target")), 0)
        return (e.get("evidence") or 0, prominence)

    out: list[dict[str, str]] = []
    for state, label in (
        ("friendly", "Strongest friendly tie"),
        ("hostile", "Strongest hostile tie"),
    ):
        best = max((e for e in edges if tie_state(e) == state), key=strength, default=None)
        if best:
            out.append({
                "kind": "tie",
                "title": f"{label}: {name(best.get('source'))} and {name(best.get('target'))}",
                "text": f"Backed by {_count(best.get('evidence') or 0, 'report')} in "
                f"{_count(len(_as_list(best.get('outlets'))), 'outlet')}.",
            })  # fmt: skip
    return out


def _quote_findings(counts: Mapping[str, Any]) -> list[dict[str, str]]:
    """How many quotes, named and anonymous, when there are any."""
    if not counts["quotes"]:
        return []
    anon = counts["anonymous_quotes"]
    return [{
        "kind": "quotes",
        "title": f"{counts['quotes']} quotes",
        "text": f"{counts['quotes'] - anon} from named sources and {anon} from anonymous ones.",
    }]  # fmt: skip


def _number_findings(bundle: Mapping[str, Any], name: _Namer, limit: int) -> list[dict[str, str]]:
    """Numbers the outlets report differently or that change (at most ``limit``), as a trail
    of values by date."""
    out: list[dict[str, str]] = []
    diffs = _as_dict(bundle.get("outlet_differences"))
    for num in map(_as_dict, _as_list(diffs.get("numbers"))[:limit]):
        values = sorted(
            (_as_dict(v) for v in _as_list(num.get("values"))), key=lambda v: str(v.get("date"))
        )
        if len(values) < 2:
            continue
        trail = " → ".join(
            f"{_fmt_number(v.get('value'))} ({v.get('outlet') or '?'}, "
            f"{str(v.get('date') or 'undated')[:7]})"
            for v in values
        )
        word = "changes over time" if num.get("kind") == "change_over_time" else "differs"
        who = name(num["actor_id"]) + " " if num.get("actor_id") else ""
        out.append({
            "kind": "numbers",
            "title": f"Reported {who}{num.get('concept') or 'number'} {word}",
            "text": trail,
        })  # fmt: skip
    return out


def view_model(bundle: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the page script needs besides the bundle itself.

    Args:
        bundle: The report bundle.

    Returns:
        ``{"findings", "headline", "summary", "camps", "timeline", "triangles",
        "alliances", "exposure"}``; ``alliances`` follows ``uneasy_alliances`` item by item
        with ``reasons`` in plain words and the common ``enemies`` ``[{"id", "counted"}]``; ``timeline`` is the bundle's own when it has the shape of
        :func:`derive_timeline`'s result, else derived; ``triangles`` and ``exposure`` are
        the unbalanced triangles and exposure paths in one shape whatever the bundle's.
    """
    timeline = bundle.get("timeline")
    if not (isinstance(timeline, dict) and isinstance(timeline.get("months"), list)):
        timeline = derive_timeline(bundle)
    camps = camp_of(bundle)
    return {
        "findings": key_findings(bundle),
        "headline": headline(bundle, camps),
        "summary": summary_counts(bundle),
        "camps": camps,
        "timeline": timeline,
        "triangles": unbalanced_triangles(bundle),
        "alliances": [
            {
                "reasons": reason_text(u.get("reason")),
                "enemies": [
                    {"id": e["id"], "counted": e["counted"]}
                    for e in common_enemies(bundle, str(u.get("a")), str(u.get("b")))
                ],
            }
            for u in map(_as_dict, _as_list(bundle.get("uneasy_alliances")))
        ],
        "exposure": exposure_paths(bundle),
    }
