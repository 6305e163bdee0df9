"""Ties that carry their evidence, not a vote: distinct reports, weighted, with a state.

A *report* is what one sentence says about one pair of actors with one polarity: the
sentence "both back the war on a common enemy, ISIL" yields an ASSAULT and an OPPOSE for
each of the US and Iran, but it is one hostile report per pair, not two. Each report has a
*mass*: its intensity (``|intensity| / 10``), times the extractor's confidence, times the
weight of who says it (the outlet itself, a named source, an anonymous source). A tie keeps
its cooperative and hostile mass apart, and apart again by kind: material acts (PLOVER quad
classes 2 and 4), verbal acts (quad classes 1 and 3) and stances (ALIGN / OPPOSE). Its
*state* is ``friendly``, ``hostile``, ``mixed`` (both sides substantial: the minority side
holds at least :attr:`TieWeights.mixed_share` of the signed mass) or ``neutral``.

The rules are documented in docs/network.md; the weights are a :class:`TieWeights`, which a
user may load from a small YAML file (:meth:`TieWeights.load`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from ..errors import AnalysisError, InputError

__all__ = [
    "KINDS",
    "STATES",
    "TieAccumulator",
    "TieWeights",
    "count_events",
    "describe_tie",
    "quote_speakers",
    "relation_attribution",
    "relation_kind",
    "relation_mass",
    "report_key",
    "tie_state",
]

#: The kinds of evidence a tie keeps apart.
KINDS: tuple[str, ...] = ("material", "verbal", "stance")
#: The states of a tie.
STATES: tuple[str, ...] = ("friendly", "hostile", "mixed", "neutral")

Attribution = Literal["own", "named", "anonymous"]
_ROUND = 4


@dataclass(frozen=True, kw_only=True)
class TieWeights:
    """How much one report weighs, and when a tie is mixed.

    Attributes:
        own: weight of the outlet's own statement (no ``attributed_to``).
        named: weight of a claim the outlet attributes to a named source.
        anonymous: weight of a claim from an anonymous source (a quote record marks its
            speaker ``anonymous``).
        use_intensity: scale a report by ``|intensity| / 10`` (else every report is 1).
        use_confidence: scale a report by the extractor's confidence.
        intensity_floor: the least intensity factor of a signed report, so that a signed
            relation of intensity 0 still counts.
        mixed_share: a tie is mixed when its minority side holds at least this share of
            the signed mass (cooperative plus hostile).

    Example:
        >>> TieWeights().anonymous < TieWeights().named < TieWeights().own
        True
        >>> TieWeights.from_mapping({"anonymous": 0.25}).anonymous
        0.25
    """

    own: float = 1.0
    named: float = 0.75
    anonymous: float = 0.5
    use_intensity: bool = True
    use_confidence: bool = True
    intensity_floor: float = 0.1
    mixed_share: float = 1 / 3

    def __post_init__(self) -> None:
        for name in ("own", "named", "anonymous", "intensity_floor"):
            if getattr(self, name) < 0:
                raise AnalysisError(f"tie weight {name!r} must not be negative")
        if not 0 < self.mixed_share <= 0.5:
            raise AnalysisError(
                f"mixed_share must be in (0, 0.5], not {self.mixed_share} (the minority side "
                "can hold at most half of the mass)"
            )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> TieWeights:
        """Weights from a mapping; missing keys keep their defaults, unknown keys are errors."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(
                f"unknown tie weight(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})"
            )
        return cls(**dict(data))

    @classmethod
    def load(cls, path: str | Path) -> TieWeights:
        """Weights from a YAML file of ``key: value`` lines (see docs/network.md)."""
        from ..errors import LexiconError
        from ..lexicon.io import read_yaml

        p = Path(path)
        try:
            data = read_yaml(p) or {}
        except LexiconError as exc:
            raise InputError(f"cannot read tie weights: {exc}") from exc
        if not isinstance(data, dict):
            raise InputError(f"{p}: tie weights must be a mapping of key: value")
        return cls.from_mapping(data)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (stored in ``G.graph["tie_weights"]``)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def relation_kind(relation: Mapping[str, Any]) -> str:
    """``"material"`` (quad class 2 or 4), ``"verbal"`` (1 or 3) or ``"stance"`` (none).

    >>> relation_kind({"category": "OPPOSE", "quad_class": None})
    'stance'
    """
    quad = relation.get("quad_class")
    if quad in (2, 4):
        return "material"
    if quad in (1, 3):
        return "verbal"
    return "stance"


def quote_speakers(quotes: Iterable[Mapping[str, Any]]) -> dict[str, list[tuple[int, int, bool]]]:
    """Speaker spans of quote records by document: ``doc_id -> [(start, end, anonymous)]``."""
    out: dict[str, list[tuple[int, int, bool]]] = {}
    for q in quotes:
        speaker = q.get("speaker") or {}
        if "start" not in speaker or "end" not in speaker:
            continue
        out.setdefault(str(q.get("doc_id")), []).append(
            (int(speaker["start"]), int(speaker["end"]), bool(q.get("anonymous")))
        )
    return out


def relation_attribution(
    relation: Mapping[str, Any], speakers: Mapping[str, list[tuple[int, int, bool]]]
) -> Attribution:
    """Who says it: the outlet itself, a named source, or an anonymous one.

    A relation attributed to a span that a quote record marks as an anonymous speaker is
    anonymous; the quote component is the one owner of "anonymous".
    """
    claim = relation.get("attributed_to")
    if not claim:
        return "own"
    start, end = claim.get("start"), claim.get("end")
    if start is not None and end is not None:
        for s, e, anonymous in speakers.get(str(relation.get("doc_id")), ()):
            if anonymous and s < int(end) and int(start) < e:
                return "anonymous"
    return "named"


def relation_mass(relation: Mapping[str, Any], attribution: Attribution, w: TieWeights) -> float:
    """The mass of one relation as a report (0 for a neutral relation).

    >>> relation_mass({"sign": -1, "intensity": -5.0, "confidence": 0.8}, "own", TieWeights())
    0.4
    """
    sign = int(relation.get("sign") or 0)
    if sign == 0:
        return 0.0
    mass = {"own": w.own, "named": w.named, "anonymous": w.anonymous}[attribution]
    if w.use_intensity:
        mass *= max(abs(float(relation.get("intensity") or 0.0)) / 10.0, w.intensity_floor)
    if w.use_confidence:
        confidence = relation.get("confidence")
        mass *= 1.0 if confidence is None else float(confidence)
    return round(mass, 6)


def report_key(relation: Mapping[str, Any]) -> tuple[Any, ...]:
    """The sentence a relation comes from: (doc_id, start, end, text), or its id if none."""
    sentence = relation.get("sentence") or {}
    if not sentence:
        return ("relation", relation.get("id"))
    return (
        relation.get("doc_id"),
        sentence.get("start"),
        sentence.get("end"),
        sentence.get("text"),
    )


def count_events(relation_ids: Iterable[str], event_of: Mapping[str, str]) -> int:
    """How many distinct events a tie's relations report (stances belong to none).

    >>> count_events(["r1", "r2", "r3"], {"r1": "ev-a", "r2": "ev-a", "r3": "ev-b"})
    2
    """
    return len({event_of[r] for r in relation_ids if r in event_of})


def tie_state(positive: float, negative: float, mixed_share: float = 1 / 3) -> str:
    """The state of a tie from its cooperative and hostile mass.

    >>> tie_state(0.44, 0.39), tie_state(2.4, 0.1), tie_state(0.0, 0.5), tie_state(0, 0)
    ('mixed', 'friendly', 'hostile', 'neutral')
    """
    total = positive + negative
    if total <= 0:
        return "neutral"
    if min(positive, negative) / total >= mixed_share - 1e-9:
        return "mixed"
    return "friendly" if positive > negative else "hostile"


def describe_tie(tie: Mapping[str, Any]) -> str:
    """The tie in words by kind, e.g. ``"material cooperation; hostile stance"``.

    >>> describe_tie({"material_positive": 0.4, "stance_negative": 0.4})
    'material cooperation; hostile stance'
    """
    words = {
        "material": ("material cooperation", "material conflict"),
        "verbal": ("verbal cooperation", "verbal conflict"),
        "stance": ("friendly stance", "hostile stance"),
    }
    parts: list[str] = []
    for kind in KINDS:
        pos = float(tie.get(f"{kind}_positive") or 0)
        neg = float(tie.get(f"{kind}_negative") or 0)
        good, bad = words[kind]
        if pos > 0 and neg > 0:
            parts.append(f"{good} and {bad.split()[-1]}" if kind != "stance" else "torn stance")
        elif pos > 0:
            parts.append(good)
        elif neg > 0:
            parts.append(bad)
    return "; ".join(parts)


@dataclass
class TieAccumulator:
    """The reports of one actor pair, gathered relation by relation.

    One report per (sentence, polarity): a second relation from the same sentence with the
    same polarity joins that report (its id is kept in ``relations``) and raises the
    report's mass only if it is heavier. A report's ``id`` is its first relation's id;
    ``lead`` is its heaviest relation, whose kind, category and attribution it takes.
    """

    reports: dict[tuple[Any, ...], dict[str, Any]] = field(default_factory=dict)

    def add(
        self, relation: Mapping[str, Any], attribution: Attribution, weights: TieWeights
    ) -> dict[str, Any]:
        """Add one relation; returns the report it counts toward."""
        sign = int(relation.get("sign") or 0)
        key = (*report_key(relation), sign)
        mass = relation_mass(relation, attribution, weights)
        rid = str(relation.get("id"))
        report = self.reports.get(key)
        if report is None:
            report = self.reports[key] = {
                "id": rid,
                "lead": rid,
                "doc_id": relation.get("doc_id"),
                "sentence": (relation.get("sentence") or {}).get("text"),
                "sign": sign,
                "mass": mass,
                "kind": relation_kind(relation),
                "category": relation.get("category"),
                "attribution": attribution,
                "relations": [rid],
            }
        else:
            if rid not in report["relations"]:
                report["relations"].append(rid)
            if mass > report["mass"]:
                report.update(
                    lead=rid,
                    mass=mass,
                    kind=relation_kind(relation),
                    category=relation.get("category"),
                    attribution=attribution,
                )
        return report

    def summary(self, weights: TieWeights) -> dict[str, Any]:
        """The tie's evidence attributes (see :func:`~allegiance.network.build_network`)."""
        reports = list(self.reports.values())
        out: dict[str, Any] = {f"{k}_{s}": 0.0 for k in KINDS for s in ("positive", "negative")}
        pos_mass = neg_mass = 0.0
        for r in reports:
            if r["sign"] > 0:
                pos_mass += r["mass"]
                out[f"{r['kind']}_positive"] += r["mass"]
            elif r["sign"] < 0:
                neg_mass += r["mass"]
                out[f"{r['kind']}_negative"] += r["mass"]
        for k in list(out):
            out[k] = round(out[k], _ROUND)
        pos_mass, neg_mass = round(pos_mass, _ROUND), round(neg_mass, _ROUND)
        net = round(pos_mass - neg_mass, _ROUND)
        if net == 0:
            # equal masses: material acts speak louder than words, then nothing
            net = (out["material_positive"] - out["material_negative"]) or 0.0
        state = tie_state(pos_mass, neg_mass, weights.mixed_share)
        out.update(
            n_reports=len(reports),
            positive=sum(1 for r in reports if r["sign"] > 0),
            negative=sum(1 for r in reports if r["sign"] < 0),
            neutral=sum(1 for r in reports if r["sign"] == 0),
            positive_mass=pos_mass,
            negative_mass=neg_mass,
            weight=round(pos_mass - neg_mass, _ROUND),
            sign=(net > 0) - (net < 0),
            state=state,
            reports=[{**r, "mass": round(r["mass"], _ROUND)} for r in reports],
        )
        out["description"] = describe_tie(out)
        return out
