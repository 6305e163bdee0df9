"""Relation confidence: how far to trust one reading, from the evidence of that reading.

The relation component scores each candidate by its construction (a subject-verb-object reading
is surer than a prepositional one), by whether an argument came through a reference, and by how
sure the actor component was of the arguments. That score is one feature here. The others are
read from the record and the parsed Doc after extraction:

- ``route``: how each argument was resolved: ``kb``, ``fuzzy``, ``ner``, ``coref``, or
  ``implicit`` when no actor mention covers the argument (a weapon or an asset standing for
  its owner: "strikes destroyed ...").
- ``distance``: the tokens between the two arguments beyond ``free_tokens``, per 10 tokens.
- ``parse``: whether the parse agrees with the reading: the trigger lies on the dependency
  path that joins the two arguments (``off_path`` is added when it does not).
- ``category``: a weight per relation category (none by default).
- ``negated``, ``hypothetical``, ``attributed``: the modality of the reading.

The confidence is ``sigmoid(bias + extractor * logit(c0) + sum of the weights that apply)``,
with ``c0`` the extractor's own score. The weights are data (``data/confidence.yaml``); a user
file overrides them key by key. See docs/eval.md for how they were set and what they buy.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..errors import LexiconError
from ..lexicon.io import read_mapping
from ..schema import Relation
from .extensions import ACTORS_KEY

__all__ = [
    "DEFAULT_WEIGHTS",
    "ConfidenceModel",
    "calibrate",
    "load_confidence_model",
    "relation_features",
]

DEFAULT_WEIGHTS = Path(__file__).parent / "data" / "confidence.yaml"
ROUTES = ("kb", "fuzzy", "ner", "coref", "implicit")
_SCALARS = (
    "bias",
    "extractor",
    "free_tokens",
    "per_10_tokens",
    "off_path",
    "negated",
    "hypothetical",
    "attributed",
)


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """The weights of the confidence score (see the module docstring)."""

    bias: float = 0.0
    extractor: float = 1.0
    routes: Mapping[str, float] = field(default_factory=dict)
    free_tokens: float = 0.0
    per_10_tokens: float = 0.0
    off_path: float = 0.0
    negated: float = 0.0
    hypothetical: float = 0.0
    attributed: float = 0.0
    categories: Mapping[str, float] = field(default_factory=dict)

    def logit(self, features: Mapping[str, Any]) -> float:
        """The score before the sigmoid, for features from :func:`relation_features`."""
        c0 = min(max(float(features["extractor"]), 1e-3), 1 - 1e-3)
        z = self.bias + self.extractor * math.log(c0 / (1 - c0))
        z += sum(self.routes.get(r, 0.0) for r in features["routes"])
        z += self.per_10_tokens * max(0.0, features["distance"] - self.free_tokens) / 10
        z += 0.0 if features["on_path"] else self.off_path
        z += self.categories.get(features["category"], 0.0)
        for flag in ("negated", "hypothetical", "attributed"):
            if features[flag]:
                z += getattr(self, flag)
        return z

    def confidence(self, features: Mapping[str, Any]) -> float:
        """The confidence in [0, 1] of one reading."""
        return 1 / (1 + math.exp(-self.logit(features)))


def _number(value: Any, path: Path, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise LexiconError(f"{path}: {key!r} must be a number, not {value!r}")
    return float(value)


def _numbers(value: Any, path: Path, key: str) -> dict[str, float]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise LexiconError(f"{path}: {key!r} must be a mapping of names to numbers")
    return {str(k): _number(v, path, f"{key}.{k}") for k, v in value.items()}


@lru_cache(maxsize=8)
def load_confidence_model(paths: tuple[str, ...] = ()) -> ConfidenceModel:
    """The bundled weights, overridden key by key by the user's YAML files.

    Raises:
        LexiconError: one line naming the file and the bad entry.

    >>> m = load_confidence_model()
    >>> 0 < m.confidence({"extractor": 0.8, "routes": ("kb", "kb"), "distance": 2,
    ...     "on_path": True, "category": "ASSAULT", "negated": False, "hypothetical": False,
    ...     "attributed": False}) < 1
    True
    """
    values: dict[str, Any] = {"routes": {}, "categories": {}}
    for p in (DEFAULT_WEIGHTS, *map(Path, paths)):
        data = read_mapping(p)
        for key, value in data.items():
            if key == "version":
                continue
            if key in ("routes", "categories"):
                values[key].update(_numbers(value, p, key))
            elif key in _SCALARS:
                values[key] = _number(value, p, key)
            else:
                raise LexiconError(f"{p}: unknown key {key!r} (known: routes, categories, "
                                   f"{', '.join(_SCALARS)})")  # fmt: skip
    unknown = set(values["routes"]) - set(ROUTES)
    if unknown:
        raise LexiconError(
            f"routes: unknown route {sorted(unknown)[0]!r} (known: {', '.join(ROUTES)})"
        )
    return ConfidenceModel(**values)


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _route(doc: Doc, start: int, end: int) -> str:
    best: tuple[int, str] | None = None
    for s in doc.spans.get(ACTORS_KEY, []):
        ref = s._.actor
        if ref is None or not (s.start_char < end and start < s.end_char):
            continue
        overlap = min(end, s.end_char) - max(start, s.start_char)
        if best is None or overlap > best[0]:
            best = (overlap, str(ref.resolved_by))
    return "implicit" if best is None else best[1]


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _on_path(a: Span, b: Span, trigger: Span) -> bool:
    """Whether the trigger is on (or heads) the dependency path between the two arguments."""
    up_a, up_b = _ancestors(a.root), _ancestors(b.root)
    in_b = {t.i for t in up_b}
    path: set[int] = set()
    lca = None
    for t in up_a:
        path.add(t.i)
        if t.i in in_b:
            lca = t.i
            break
    if lca is None:  # different sentences or a broken parse
        return False
    for t in up_b:
        path.add(t.i)
        if t.i == lca:
            break
    trig = {t.i for t in trigger}
    # a trigger on the path, or one attached to a word on it ("launched strikes on")
    return bool(trig & path) or any(t.head.i in path for t in trigger)


def relation_features(rel: Relation, doc: Doc) -> dict[str, Any]:
    """The features of one relation reading, from the record and its Doc.

    Returns:
        extractor (the extractor's score), routes (of source and target), distance (tokens
        between the arguments), on_path, category, negated, hypothetical, attributed.
    """
    a = _span(doc, rel.source.start, rel.source.end)
    b = _span(doc, rel.target.start, rel.target.end)
    trig = _span(doc, rel.trigger.start, rel.trigger.end)
    distance = 0
    on_path = True
    if a is not None and b is not None:
        distance = max(0, max(a.start, b.start) - min(a.end, b.end))
        if trig is not None:
            on_path = _on_path(a, b, trig)
    return {
        "extractor": rel.confidence,
        "routes": (
            _route(doc, rel.source.start, rel.source.end),
            _route(doc, rel.target.start, rel.target.end),
        ),
        "distance": distance,
        "on_path": on_path,
        "category": rel.category,
        "negated": rel.negated,
        "hypothetical": rel.hypothetical,
        "attributed": rel.attributed_to is not None,
    }


def calibrate(
    relations: Iterable[Relation], doc: Doc, model: ConfidenceModel | None = None
) -> list[Relation]:
    """Copies of the relations with the confidence of their reading (rounded to 3 places).

    Args:
        relations: the relations extracted from ``doc`` (``doc._.relations``).
        doc: the processed Doc (its actor spans and parse are read).
        model: the weights (default: :func:`load_confidence_model`).
    """
    m = model or load_confidence_model()
    return [
        r.model_copy(update={"confidence": round(m.confidence(relation_features(r, doc)), 3)})
        for r in relations
    ]
