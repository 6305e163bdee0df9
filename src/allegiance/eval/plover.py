"""Scoring event detection and quad classes against the PLOVER gold-standard records.

The PLOVER gold (``PLOVER_GSR_CAMEO.txt``, the example sentences of the CAMEO manual, CC BY-SA
4.0, Open Event Data Alliance) is a JSON list of records, each one sentence with its source and
target actors as written and a PLOVER event label. A record is *detected* when a non-negated
predicted relation has its two argument spans overlapping a gold source and a gold target actor
text, in either order; an argument also counts by the other mentions of its actor in the sentence
("Hungary has said it will support ...": the relation's source is "it", the gold's "Hungary"), so
a relation is judged by the actors it links, as the gold codes them, and the strict count by
argument spans alone is kept beside it (``detected_spans``); *quad accuracy* is the share of detected records whose relation has the
gold event's quad class (the matching relation with the highest confidence is the one read).

Gold actor texts are located in the sentence case-insensitively, every occurrence counting. A text
the coders abbreviated ("U.S. ... negotiators") or wrote across a coordination ("French warships"
in "French and Egyptian warships") is located part by part, then word by word. Records without a
source or a target cannot be detected by a two-actor relation; they are counted apart
(``n_unscorable``) and left out of the rates.

The same scorer scores a sentence co-occurrence baseline (:func:`baseline_predictions`): every
pair of actor mentions in a sentence, with the quad class of the first trigger word of the
lexicon in the sentence, so the comparison is reproducible.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InputError, Messages
from ..schema import Relation

__all__ = [
    "GOLD_QUADS",
    "PloverPrediction",
    "PloverRecord",
    "PloverScores",
    "baseline_predictions",
    "evaluate_plover",
    "load_plover",
    "locate",
    "matches",
    "predictions_from_relations",
    "score_plover",
]

Span = tuple[int, int]

#: Quad class of each PLOVER gold label (1 verbal cooperation, 2 material cooperation, 3 verbal
#: conflict, 4 material conflict). The gold uses the PLOVER 0.5 labels: DEMAND (REQUEST),
#: DISAPPROVE (ACCUSE), INVESTIGATE (verbal conflict, as CAMEO 09) and FIGHT (material conflict).
GOLD_QUADS: dict[str, int] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "DEMAND": 3,
    "ACCUSE": 3,
    "DISAPPROVE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "INVESTIGATE": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
    "FIGHT": 4,
}

# Words too common to locate an actor by when its text is not found whole.
_FUNCTION_WORDS = frozenset(
    "a an and at by for from in of on or the to with".split()  # noqa: SIM905
)
_ELLIPSIS = re.compile(r"\.{2,}|\u2026")


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One gold record: its sentence, event label and the located actor spans."""

    id: str
    text: str
    event: str
    quad_class: int | None
    sources: tuple[Span, ...]
    targets: tuple[Span, ...]
    source_texts: tuple[str, ...] = ()
    target_texts: tuple[str, ...] = ()

    @property
    def scorable(self) -> bool:
        """Whether a two-actor relation can detect it (a located source and target)."""
        return bool(self.sources) and bool(self.targets)


class PloverPrediction(NamedTuple):
    """What the scorer reads of a predicted relation."""

    source: Span
    target: Span
    quad_class: int | None
    category: str | None = None
    negated: bool = False
    confidence: float = 1.0
    #: the other mentions of the source's (target's) actor in the sentence
    source_alts: tuple[Span, ...] = ()
    target_alts: tuple[Span, ...] = ()


def _find_all(text: str, needle: str) -> list[Span]:
    out: list[Span] = []
    if not needle:
        return out
    hay, pin = text.lower(), needle.lower()
    i = hay.find(pin)
    while i >= 0:
        out.append((i, i + len(pin)))
        i = hay.find(pin, i + 1)
    return out


def locate(text: str, actor_text: str) -> tuple[Span, ...]:
    """Every span of ``text`` where the gold actor text is written.

    The whole text first; failing that each part around an ellipsis; failing that each content
    word of at least three letters (or an acronym: "US", "UN").

    >>> locate("US and British forces must ensure security", "US forces")
    ((0, 2), (15, 21))
    >>> locate("Leaders met.", "Greek-Cypriot")
    ()
    """
    phrase = " ".join(actor_text.split())
    spans = _find_all(text, phrase)
    if spans:
        return tuple(spans)
    parts = [" ".join(p.split()) for p in _ELLIPSIS.split(phrase)]
    found: list[Span] = []
    for part in parts:
        hits = _find_all(text, part)
        if not hits:
            for word in part.split():
                if (len(word) >= 3 or word.isupper()) and word.lower() not in _FUNCTION_WORDS:
                    hits.extend(s for s in _find_all(text, word) if _word_bounded(text, s))
        found.extend(hits)
    return tuple(sorted(set(found)))


def _word_bounded(text: str, span: Span) -> bool:
    before = text[span[0] - 1] if span[0] > 0 else " "
    after = text[span[1]] if span[1] < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _actor_texts(value: Any) -> tuple[str, ...]:
    # The gold writes a missing role as "" (or leaves it out) and a present one as a list.
    if not isinstance(value, list):
        return ()
    return tuple(
        a["actorText"]
        for a in value
        if isinstance(a, dict) and isinstance(a.get("actorText"), str) and a["actorText"].strip()
    )


def load_plover(path: str | Path) -> list[PloverRecord]:
    """Read PLOVER gold records (a JSON list); records without a sentence are skipped.

    Raises:
        InputError: when the file is missing or is not a JSON list of objects.
    """
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise InputError(Messages.MISSING_FILE.format(path=p)) from exc
    except json.JSONDecodeError as exc:
        raise InputError(Messages.BAD_JSON.format(path=p, line=exc.lineno, reason=exc.msg)) from exc
    except OSError as exc:
        raise InputError(Messages.CANNOT_READ.format(path=p, reason=exc.strerror)) from exc
    if not isinstance(raw, list):
        raise InputError(
            Messages.CANNOT_READ.format(path=p, reason="not a JSON list of PLOVER records")
        )
    out: list[PloverRecord] = []
    for i, obj in enumerate(raw):
        if not isinstance(obj, dict):
            raise InputError(
                Messages.CANNOT_READ.format(path=p, reason=f"item {i} is not a JSON object")
            )
        text = obj.get("text")
        event = obj.get("event")
        if not isinstance(text, str) or not text.strip() or not isinstance(event, str):
            continue
        sources = _actor_texts(obj.get("source"))
        targets = _actor_texts(obj.get("target"))
        out.append(
            PloverRecord(
                id=str(obj.get("id", i)),
                text=text,
                event=event,
                quad_class=GOLD_QUADS.get(event),
                sources=_spans(text, sources),
                targets=_spans(text, targets),
                source_texts=sources,
                target_texts=targets,
            )
        )
    return out


def _spans(text: str, actor_texts: Iterable[str]) -> tuple[Span, ...]:
    return tuple(sorted({s for a in actor_texts for s in locate(text, a)}))


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _hits(spans: Sequence[Span], arg: Span) -> bool:
    return any(_overlaps(arg, s) for s in spans)


def matches(record: PloverRecord, pred: PloverPrediction, *, by_actor: bool = True) -> bool:
    """Whether a non-negated prediction links the gold source and target (either order): by
    its argument spans or, with ``by_actor``, by another mention of the same actor in the
    sentence."""
    if pred.negated:
        return False
    a = (pred.source, *pred.source_alts) if by_actor else (pred.source,)
    b = (pred.target, *pred.target_alts) if by_actor else (pred.target,)

    def linked(x: Sequence[Span], y: Sequence[Span]) -> bool:
        return any(_hits(x, s) for s in a) and any(_hits(y, t) for t in b)

    return linked(record.sources, record.targets) or linked(record.targets, record.sources)


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """Detection and quad accuracy of the records of one gold event label."""

    n: int = 0
    detected: int = 0
    quad_correct: int = 0

    @property
    def detection(self) -> float:
        return self.detected / self.n if self.n else 0.0

    @property
    def quad_accuracy(self) -> float:
        return self.quad_correct / self.detected if self.detected else 0.0


@dataclass(frozen=True)
class PloverScores:
    """Detection rate and quad accuracy on PLOVER gold, with the counts behind them.

    ``confusion[(gold_quad, predicted_quad)]`` counts detected records (predicted ``None`` is
    a stance, ALIGN or OPPOSE, which has no quad class). ``n_predictions`` counts the
    non-negated predicted relations and ``n_predictions_matching`` those that link a gold pair:
    their ratio is a rough precision (the gold codes one event per sentence).
    """

    n_records: int
    n_unscorable: int
    detected: int
    quad_correct: int
    n_predictions: int = 0
    n_predictions_matching: int = 0
    #: records detected by argument spans alone (no other mention of the actor counted)
    detected_spans: int = 0
    by_event: dict[str, CategoryScore] = field(default_factory=dict)
    confusion: dict[tuple[int | None, int | None], int] = field(default_factory=dict)

    @property
    def n_scorable(self) -> int:
        return self.n_records - self.n_unscorable

    @property
    def detection(self) -> float:
        """Detected records among the scorable ones."""
        return self.detected / self.n_scorable if self.n_scorable else 0.0

    @property
    def quad_accuracy(self) -> float:
        """Detected records whose relation has the gold quad class, among detected ones."""
        return self.quad_correct / self.detected if self.detected else 0.0

    @property
    def prediction_precision(self) -> float:
        """Non-negated predictions that link a gold pair, among all non-negated predictions."""
        return self.n_predictions_matching / self.n_predictions if self.n_predictions else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.n_records,
            "scorable": self.n_scorable,
            "unscorable": self.n_unscorable,
            "detected": self.detected,
            "detection": round(self.detection, 4),
            "detected_spans": self.detected_spans,
            "quad_correct": self.quad_correct,
            "quad_accuracy": round(self.quad_accuracy, 4),
            "predictions": self.n_predictions,
            "predictions_matching": self.n_predictions_matching,
            "prediction_precision": round(self.prediction_precision, 4),
            "by_event": {
                k: {
                    "records": v.n,
                    "detected": v.detected,
                    "detection": round(v.detection, 4),
                    "quad_correct": v.quad_correct,
                    "quad_accuracy": round(v.quad_accuracy, 4),
                }
                for k, v in sorted(self.by_event.items())
            },
            "confusion": [
                {"gold": g, "predicted": p, "count": n}
                for (g, p), n in sorted(self.confusion.items(), key=lambda kv: str(kv[0]))
            ],
        }


def score_plover(
    records: Sequence[PloverRecord],
    predicted: Sequence[Sequence[PloverPrediction]],
    *,
    min_confidence: float = 0.0,
) -> PloverScores:
    """Score the predictions made for each record (same order) against the gold.

    Args:
        records: the gold records.
        predicted: for each record, the relations predicted in its sentence.
        min_confidence: predictions below this confidence are ignored.

    >>> rec = PloverRecord("r1", "Iran accused Iraq.", "ACCUSE", 3, ((0, 4),), ((13, 17),))
    >>> s = score_plover([rec], [[PloverPrediction((13, 17), (0, 4), 3)]])
    >>> (s.detection, s.quad_accuracy)
    (1.0, 1.0)
    """
    if len(records) != len(predicted):
        raise ValueError("one list of predictions per record is needed")
    unscorable = detected = correct = n_pred = n_match = strict = 0
    counts: dict[str, list[int]] = {}
    confusion: Counter[tuple[int | None, int | None]] = Counter()
    for rec, preds in zip(records, predicted, strict=True):
        kept = [p for p in preds if not p.negated and p.confidence >= min_confidence]
        n_pred += len(kept)
        if not rec.scorable:
            unscorable += 1
            continue
        row = counts.setdefault(rec.event, [0, 0, 0])
        row[0] += 1
        hits = [p for p in kept if matches(rec, p)]
        n_match += len(hits)
        strict += any(matches(rec, p, by_actor=False) for p in hits)
        if not hits:
            continue
        best = max(hits, key=lambda p: p.confidence)  # max keeps the first of equals
        detected += 1
        row[1] += 1
        confusion[(rec.quad_class, best.quad_class)] += 1
        if best.quad_class is not None and best.quad_class == rec.quad_class:
            correct += 1
            row[2] += 1
    return PloverScores(
        n_records=len(records),
        n_unscorable=unscorable,
        detected=detected,
        quad_correct=correct,
        n_predictions=n_pred,
        n_predictions_matching=n_match,
        detected_spans=strict,
        by_event={k: CategoryScore(*v) for k, v in counts.items()},
        confusion=dict(confusion),
    )


def predictions_from_relations(
    relations: Iterable[Relation], mentions: Iterable[tuple[str, Span]] = ()
) -> list[PloverPrediction]:
    """The scorer's view of extracted relations; ``mentions`` (actor id, character span) give
    each argument the other mentions of its actor in the relation's sentence."""
    known = list(mentions)

    def alts(actor_id: str | None, own: Span, sent: Span) -> tuple[Span, ...]:
        return tuple(
            span
            for aid, span in known
            if actor_id is not None
            and aid == actor_id
            and span != own
            and sent[0] <= span[0]
            and span[1] <= sent[1]
        )

    out = []
    for r in relations:
        sent = (r.sentence.start, r.sentence.end)
        src, tgt = (r.source.start, r.source.end), (r.target.start, r.target.end)
        out.append(
            PloverPrediction(
                src,
                tgt,
                r.quad_class,
                r.category,
                r.negated,
                r.confidence,
                alts(r.source.actor_id, src, sent),
                alts(r.target.actor_id, tgt, sent),
            )
        )
    return out


def baseline_predictions(doc: Any, lexicon: Any) -> list[PloverPrediction]:
    """The co-occurrence baseline on one processed Doc.

    Every pair of actor mentions of different actors in a sentence is a relation; its quad class
    is that of the first word of the sentence whose lemma is a trigger verb or noun of the
    lexicon (``None`` when the sentence has none).
    """
    from ..nlp.extensions import ACTORS_KEY

    spans = list(doc.spans.get(ACTORS_KEY, []))
    out: list[PloverPrediction] = []
    for sent in doc.sents:
        quad: int | None = None
        category: str | None = None
        for tok in sent:
            trig = lexicon.verbs.get(tok.lemma_.lower()) or lexicon.nouns.get(tok.lemma_.lower())
            if trig is not None:
                category = trig.category
                quad = lexicon.categories[trig.category].quad_class
                break
        here = [s for s in spans if sent.start <= s.start and s.end <= sent.end]
        for i, a in enumerate(here):
            for b in here[i + 1 :]:
                if _actor_id(a) == _actor_id(b) and _actor_id(a) is not None:
                    continue
                out.append(
                    PloverPrediction(
                        (a.start_char, a.end_char), (b.start_char, b.end_char), quad, category
                    )
                )
    return out


def _actor_id(span: Any) -> str | None:
    ref = span._.actor
    return None if ref is None else str(ref.actor_id)


def evaluate_plover(
    path: str | Path,
    nlp: Any,
    *,
    baseline: bool = False,
    min_confidence: float = 0.0,
    lexicon_paths: tuple[str, ...] = (),
    confidence_model: Any = None,
) -> PloverScores:
    """Run the real pipeline over the PLOVER sentences and score detection and quad classes.

    Args:
        path: the PLOVER gold file (``PLOVER_GSR_CAMEO.txt``).
        nlp: the allegiance pipeline (:func:`allegiance.nlp.pipeline.build_pipeline`).
        baseline: score the co-occurrence baseline instead of the extracted relations.
        min_confidence: ignore relations whose confidence
            (:func:`allegiance.nlp.confidence.calibrate`) is below this.
        lexicon_paths: user lexicon files (the baseline reads trigger words from the lexicon).
        confidence_model: the relation-confidence weights
            (:func:`allegiance.nlp.confidence.load_confidence_model`; default: bundled).
    """
    from ..nlp.confidence import calibrate

    records = load_plover(path)
    predicted: list[list[PloverPrediction]] = []
    lexicon = None
    if baseline:
        from ..lexicon.triggers import load_lexicon

        lexicon = load_lexicon(lexicon_paths)
    for doc in nlp.pipe(r.text for r in records):
        if lexicon is not None:
            predicted.append(baseline_predictions(doc, lexicon))
        else:
            mentions = [
                (span._.actor.actor_id, (span.start_char, span.end_char))
                for span in doc.spans.get("actors", [])
                if span._.actor is not None
            ]
            relations = calibrate(doc._.relations or [], doc, confidence_model)
            predicted.append(predictions_from_relations(relations, mentions))
    return score_plover(records, predicted, min_confidence=min_confidence)
