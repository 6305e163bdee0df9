"""The report's headline: the top uneasy alliance with its evidence, its common enemies, the camps.

A first-time reader should see at once who works with whom against whom. This module picks
what to put at the top of the report and says where each claim comes from: a common enemy is
either backed by counted ties on both sides or only by statements the network does not count
(hypothetical ones), and the headline says which.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

__all__ = [
    "common_enemies",
    "exposure_paths",
    "headline",
    "pick_evidence",
    "reason_text",
    "unbalanced_triangles",
]

_REASONS = {
    "shared_enemy": "both are hostile to the same third actor",
    "cooperation": "hostile overall, yet also reported working together",
    "mixed": "reported both working together and at odds",
}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _actor(side: Any) -> str | None:
    actor = _as_dict(side).get("actor_id")
    return str(actor) if actor not in (None, "") else None


def _relations(bundle: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for r in map(_as_dict, _as_list(bundle.get("relations"))):
        if r.get("id") is not None:
            out[str(r["id"])] = r
    return out


def _edges(bundle: Mapping[str, Any]) -> dict[frozenset[str], dict[str, Any]]:
    out: dict[frozenset[str], dict[str, Any]] = {}
    for e in map(_as_dict, _as_list(_as_dict(bundle.get("network")).get("edges"))):
        if e.get("source") is not None and e.get("target") is not None:
            out[frozenset((str(e["source"]), str(e["target"])))] = e
    return out


def _family(actor: str, other: str) -> bool:
    """Whether ``other`` is ``actor`` or one of its units (KB ids nest: ``IRN.IRGC.QUDS``)."""
    return other == actor or other.startswith(actor + ".")


def reason_text(reasons: Any) -> list[str]:
    """Plain words for the reason codes of an uneasy alliance (unknown codes pass through).

    >>> reason_text(["mixed", "shared_enemy"])
    ['reported both working together and at odds', 'both are hostile to the same third actor']
    """
    return [_REASONS.get(str(r), str(r).replace("_", " ")) for r in _as_list(reasons)]


def common_enemies(bundle: Mapping[str, Any], a: str, b: str) -> list[dict[str, Any]]:
    """Actors that both ``a`` and ``b`` are hostile to, with what each side's hostility rests on.

    A side counts as hostile to X through a hostile tie in the network (``ties``: the relation
    ids behind it), by the actor itself or one of its units (``United States`` through ``US
    armed forces``), or through hostile statements the network does not count because they
    are hypothetical (``statements``). Negated statements say the opposite and never count.
    An enemy is listed when both sides have one or the other and at least one side has a tie.
    ``shared_enemies`` from the bundle come first, then the others by both sides' evidence (a
    statement weighs half a tie) times the share of the enemy's ties that are hostile.

    Args:
        bundle: The report bundle.
        a: One actor id of the pair.
        b: The other.

    Returns:
        ``[{"id", "counted" (both sides have ties), "sides": {a: {"tie" (bool), "ties"
        (relation ids), "statements" (relation ids)}, b: {...}}}]``, strongest first.
    """

    def blank() -> dict[str, dict[str, Any]]:
        return {s: {"tie": False, "ties": [], "statements": []} for s in (a, b)}

    found: dict[str, dict[str, dict[str, Any]]] = defaultdict(blank)
    for pair, e in _edges(bundle).items():
        if e.get("sign") != -1 or len(pair) != 2:
            continue
        x, y = sorted(pair)
        for me, other in ((x, y), (y, x)):
            for side in (a, b):
                if _family(side, me) and not _family(a, other) and not _family(b, other):
                    found[other][side]["tie"] = True
                    found[other][side]["ties"].extend(str(i) for i in _as_list(e.get("relations")))
    for rid, r in _relations(bundle).items():
        if r.get("sign") != -1 or r.get("negated") or not r.get("hypothetical"):
            continue
        s, t = _actor(r.get("source")), _actor(r.get("target"))
        if not s or not t:
            continue
        for me, other in ((s, t), (t, s)):
            for side in (a, b):
                if _family(side, me) and not _family(a, other) and not _family(b, other):
                    found[other][side]["statements"].append(rid)
    declared = [
        str(x) for x in _as_list(_as_dict(_find_uneasy(bundle, a, b)).get("shared_enemies"))
    ]
    out = []
    for enemy, sides in found.items():
        have = [bool(sides[s]["tie"] or sides[s]["statements"]) for s in (a, b)]
        ties = [bool(sides[s]["tie"]) for s in (a, b)]
        if (all(have) and any(ties)) or enemy in declared:
            out.append({"id": enemy, "counted": all(ties), "sides": sides})
    for enemy in declared:
        if enemy not in found:
            sides = blank()
            for side in (a, b):
                sides[side]["tie"] = True
            out.append({"id": enemy, "counted": True, "sides": sides})
    hostile: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pair, e in _edges(bundle).items():
        for n in pair:
            hostile[n][0] += e.get("sign") == -1
            hostile[n][1] += 1

    def weight(x: dict[str, Any]) -> float:
        # both sides' evidence (a statement weighs half a counted report), scaled by how
        # hostile the enemy is overall: a pure foe of everyone beats an actor with mixed ties
        ev = sum(
            max(len(x["sides"][s]["ties"]), int(x["sides"][s]["tie"]))
            + 0.5 * len(x["sides"][s]["statements"])
            for s in (a, b)
        )
        h, n = hostile.get(x["id"], [1, 1])
        return ev * (h / n if n else 1.0)

    out.sort(key=lambda x: (x["id"] not in declared, -weight(x), x["id"]))
    return out


def _find_uneasy(bundle: Mapping[str, Any], a: str, b: str) -> dict[str, Any] | None:
    for u in map(_as_dict, _as_list(bundle.get("uneasy_alliances"))):
        if {str(u.get("a")), str(u.get("b"))} == {a, b}:
            return u
    return None


def pick_evidence(
    bundle: Mapping[str, Any], ids: Any, limit: int = 2, outlets: Mapping[str, str] | None = None
) -> list[str]:
    """The most telling relation ids among ``ids``: facts, then confident ones, one per outlet first.

    Args:
        bundle: The report bundle.
        ids: Relation ids to choose from.
        limit: How many to return.
        outlets: Document id to outlet (computed from the bundle when not given).

    Returns:
        Up to ``limit`` relation ids.
    """
    rels = _relations(bundle)
    if outlets is None:
        outlets = {
            str(d.get("doc_id")): str(d.get("outlet") or "")
            for d in map(_as_dict, _as_list(bundle.get("documents")))
        }
    known = [rels[str(i)] for i in _as_list(ids) if str(i) in rels]

    def rank(r: dict[str, Any]) -> tuple[bool, float, int]:
        # statements of fact before negated or hypothetical ones, then the most confident
        conf = r.get("confidence")
        text = _as_dict(r.get("sentence")).get("text")
        excluded = bool(r.get("negated") or r.get("hypothetical"))
        return (excluded, -(conf if isinstance(conf, int | float) else 0.0), len(str(text or "")))

    known.sort(key=rank)
    picked: list[str] = []
    seen: set[str] = set()
    for r in known:  # first pass: one per outlet, so both sides of a story are heard
        outlet = outlets.get(str(r.get("doc_id")), "")
        if outlet not in seen and len(picked) < limit:
            picked.append(str(r["id"]))
            seen.add(outlet)
    for r in known:
        if len(picked) >= limit:
            break
        if str(r["id"]) not in picked:
            picked.append(str(r["id"]))
    return picked


def _camp_groups(bundle: Mapping[str, Any], camps: Mapping[str, int]) -> list[dict[str, Any]]:
    nodes = {
        str(n.get("id")): n
        for n in map(_as_dict, _as_list(_as_dict(bundle.get("network")).get("nodes")))
    }
    weight: dict[str, float] = {}
    for key, n in nodes.items():
        ev, mentions = n.get("evidence"), n.get("mentions")
        weight[key] = (ev if isinstance(ev, int | float) else 0) * 1000 + (
            mentions if isinstance(mentions, int | float) else 0
        )
    groups: dict[int, list[str]] = defaultdict(list)
    for actor, k in camps.items():
        groups[k].append(actor)
    return [
        {"camp": k, "size": len(groups[k]),
         "members": sorted(groups[k], key=lambda m: (-weight.get(m, 0), m))}
        for k in sorted(groups)
    ]  # fmt: skip


def headline(bundle: Mapping[str, Any], camps: Mapping[str, int]) -> dict[str, Any]:
    """What the top of the report says: the top uneasy alliance, the camps, the frustration.

    Args:
        bundle: The report bundle.
        camps: Actor id to camp index (see :func:`allegiance.report.view.camp_of`).

    Returns:
        ``{"alliance": {...} | None, "camps": [{"camp", "size", "members"}], "frustration":
        {"index", "exact", "ties"} | None, "unbalanced": n}``; the alliance has ``a``, ``b``,
        ``reasons`` (plain words), ``enemies`` (see :func:`common_enemies`), ``positive`` and
        ``negative`` (counts) and ``show_positive``/``show_negative`` (chosen relation ids).
    """
    alliance = None
    top = next(iter(map(_as_dict, _as_list(bundle.get("uneasy_alliances")))), None)
    if top and top.get("a") is not None and top.get("b") is not None:
        a, b = str(top["a"]), str(top["b"])
        pos, neg = _as_list(top.get("positive_evidence")), _as_list(top.get("negative_evidence"))
        enemies = common_enemies(bundle, a, b)[:3]
        # the enemies are named beside the reasons: "hostile to the same actor" would repeat it
        codes = [r for r in _as_list(top.get("reason")) if not (enemies and r == "shared_enemy")]
        alliance = {
            "a": a,
            "b": b,
            "reasons": reason_text(codes),
            "enemies": enemies,
            "positive": top.get("positive") if isinstance(top.get("positive"), int) else len(pos),
            "negative": top.get("negative") if isinstance(top.get("negative"), int) else len(neg),
            "show_positive": pick_evidence(bundle, pos),
            "show_negative": pick_evidence(bundle, neg),
        }
    fr = _as_dict(bundle.get("frustration"))
    n_ties = len(_as_list(_as_dict(bundle.get("network")).get("edges")))
    frustration = None
    if isinstance(fr.get("index"), int | float) and n_ties:
        frustration = {"index": fr["index"], "exact": fr.get("exact"), "ties": n_ties}
    return {
        "alliance": alliance,
        "camps": _camp_groups(bundle, camps),
        "frustration": frustration,
        "unbalanced": len(unbalanced_triangles(bundle)),
    }


def unbalanced_triangles(bundle: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The unbalanced triangles as ``{"nodes": [a, b, c], "signs": [ab, bc, ac], "relations"}``.

    Accepts the documented shape (``signs`` and ``relations``) and the network module's
    (``edges``: ``[{source, target, sign, relations}]``), filling signs from the network's
    ties when a triangle carries neither.

    Args:
        bundle: The report bundle.

    Returns:
        One dict per unbalanced triangle, in the bundle's order.
    """
    edges = _edges(bundle)
    out = []
    for t in map(_as_dict, _as_list(_as_dict(bundle.get("triangles")).get("unbalanced"))):
        nodes = [str(n) for n in _as_list(t.get("nodes"))]
        if len(nodes) != 3:
            continue
        own = {
            frozenset((str(e.get("source")), str(e.get("target")))): e
            for e in map(_as_dict, _as_list(t.get("edges")))
        }
        pairs = [(nodes[0], nodes[1]), (nodes[1], nodes[2]), (nodes[0], nodes[2])]
        signs = list(_as_list(t.get("signs")))
        relations = [str(r) for r in _as_list(t.get("relations"))]
        if len(signs) != 3:
            signs = []
            for p in pairs:
                e = own.get(frozenset(p)) or edges.get(frozenset(p)) or {}
                signs.append(e.get("sign"))
        if not relations:
            for p in pairs:
                e = own.get(frozenset(p)) or edges.get(frozenset(p)) or {}
                relations.extend(str(r) for r in _as_list(e.get("relations")))
        out.append({"nodes": nodes, "signs": signs, "relations": relations})
    return out


def exposure_paths(bundle: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Exposure paths per actor as ``{"path", "enemy", "evidence" (int), "hostile_relations"}``.

    Accepts ``hostile_end`` or ``enemy`` for the end, and ``evidence`` as a number or as a
    list of per-step counts (summed).

    Args:
        bundle: The report bundle.

    Returns:
        Actor id to its paths, most evidence first.
    """
    out: dict[str, list[dict[str, Any]]] = {}
    for actor, paths in _as_dict(bundle.get("exposure_paths")).items():
        items: list[dict[str, Any]] = []
        for p in map(_as_dict, _as_list(paths)):
            path = [str(n) for n in _as_list(p.get("path"))]
            if len(path) < 2:
                continue
            end = p.get("hostile_end", p.get("enemy"))
            ev = p.get("evidence")
            if isinstance(ev, list):
                ev = sum(x for x in ev if isinstance(x, int | float))
            items.append({
                "path": path,
                "enemy": str(end) if end is not None else path[-1],
                "evidence": ev if isinstance(ev, int | float) else None,
                "hostile_relations": [str(r) for r in _as_list(p.get("hostile_relations"))],
            })  # fmt: skip
        if items:
            items.sort(key=lambda x: -(x["evidence"] or 0))
            out[str(actor)] = items
    return out
