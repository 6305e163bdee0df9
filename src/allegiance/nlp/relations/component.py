"""The ``allegiance_relations`` spaCy component: sentences -> candidates -> selection -> records.

Each sentence with an actor (or a reference that may resolve to one) is read token by token
by the registered token constructions (see :mod:`.registry` and :mod:`.names`); their
candidates are filtered (nothing inside ignored text), one is selected per argument pair and
trigger (:mod:`.selection`), and each becomes a :class:`~allegiance.schema.Relation` with its
modality, attribution and the name of its construction (:mod:`.records`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...errors import ModelError
from ...lexicon.triggers import Lexicon, Pattern, load_lexicon
from ...schema import Act, Relation
from ..extensions import adopt_arguments, argument_spans, in_ignored, register_extensions
from ..references import load_references
from . import registry
from .acts import solo_acts
from .candidates import Candidate
from .names import DEFAULT_CONSTRUCTIONS, SOLO_ACT
from .records import to_record
from .registry import TokenConstruction
from .run import DocRun
from .selection import select

__all__ = ["RelationExtractor", "make_relations"]

_CFG = ("lexicon_paths", "reference_paths", "max_sentence_tokens")


@Language.factory(
    "allegiance_relations",
    default_config={
        "lexicon_paths": [],
        "reference_paths": [],
        "max_sentence_tokens": 200,
        "constructions": list(DEFAULT_CONSTRUCTIONS),
        "disabled_constructions": [],
    },
    assigns=["doc._.relations", "doc._.acts"],
    requires=["token.dep", "token.lemma"],
)
def make_relations(
    nlp: Language,
    name: str,
    lexicon_paths: list[str],
    reference_paths: list[str],
    max_sentence_tokens: int,
    constructions: list[str],
    disabled_constructions: list[str],
) -> RelationExtractor:
    return RelationExtractor(
        nlp,
        name,
        lexicon_paths=lexicon_paths,
        reference_paths=reference_paths,
        max_sentence_tokens=max_sentence_tokens,
        constructions=constructions,
        disabled_constructions=disabled_constructions,
    )


class RelationExtractor:
    """spaCy component: fills ``doc._.relations`` with :class:`~allegiance.schema.Relation`."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        lexicon_paths: Iterable[str] = (),
        reference_paths: Iterable[str] = (),
        max_sentence_tokens: int = 200,
        constructions: Iterable[str] = DEFAULT_CONSTRUCTIONS,
        disabled_constructions: Iterable[str] = (),
    ) -> None:
        register_extensions()
        self.name = name
        self.lexicon_paths = [str(p) for p in lexicon_paths]
        self.reference_paths = [str(p) for p in reference_paths]
        self.max_sentence_tokens = max_sentence_tokens
        self.constructions = [str(c) for c in constructions]
        self.disabled = frozenset(str(c) for c in disabled_constructions)
        self._load()

    def _load(self) -> None:
        for cname in (*self.constructions, *self.disabled):
            if registry.get(cname) is None:
                raise ModelError(f"allegiance_relations: no construction registered as {cname!r}")
        self._steps: list[TokenConstruction] = [
            registry.constructions.get(c) for c in self.constructions if c not in self.disabled
        ]
        self.lexicon: Lexicon = load_lexicon(tuple(self.lexicon_paths))
        self.references = load_references((*self.reference_paths, *self.lexicon_paths))
        by_first: dict[str, list[Pattern]] = {}
        for pattern in self.lexicon.patterns:
            by_first.setdefault(pattern.tokens[0], []).append(pattern)
        self.patterns_by_first = by_first

    # -- spaCy serialisation -------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        cfg = {key: getattr(self, key) for key in _CFG}
        cfg["constructions"] = self.constructions
        cfg["disabled_constructions"] = sorted(self.disabled)
        (p / "cfg.json").write_text(json.dumps(cfg))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RelationExtractor:
        cfg = json.loads((Path(path) / "cfg.json").read_text())
        self.lexicon_paths = cfg["lexicon_paths"]
        self.reference_paths = cfg["reference_paths"]
        self.max_sentence_tokens = cfg["max_sentence_tokens"]
        self.constructions = cfg.get("constructions", list(DEFAULT_CONSTRUCTIONS))
        self.disabled = frozenset(cfg.get("disabled_constructions", ()))
        self._load()
        return self

    # -- main entry ----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        run = DocRun(self, doc, argument_spans(doc))
        records, acts = self.extract(run)
        doc._.relations = records
        doc._.acts = acts
        # every argument is a mention record (of its place, or the actor's earlier one)
        args = [a for r in records for a in (r.source, r.target, r.attributed_to)]
        args.extend(a for r in acts for a in (r.source, r.attributed_to))
        adopt_arguments(doc, args, run.arg_refs)
        return doc

    def extract(self, run: DocRun) -> tuple[list[Relation], list[Act]]:
        """The relation records and one-actor events of one document."""
        records: list[Relation] = []
        acts: list[Act] = []
        for index, sent in enumerate(run.doc.sents):
            run.sent_index = index
            if not self._worth_reading(run, sent):
                continue
            cands = [c for c in self.candidates(run, sent) if not _touches_ignored(run.doc, c)]
            first = len(records)
            said: dict[tuple[object, ...], list[tuple[int, int]]] = {}
            chosen = list(select(cands, run))
            run.note_doers(chosen, index)
            for cand in chosen:
                record = to_record(run, cand, sent, len(records))
                # two readings may come to one record once read in full ("lifted its ban on
                # X": the ban's and the lifting's; "in protest over" and its "protest")
                key = (record.source.start, record.source.actor_id, record.target.start,
                       record.target.actor_id, record.category, record.mode,
                       record.negated)  # fmt: skip
                span = (record.trigger.start, record.trigger.end)
                if not any(a < span[1] and span[0] < b for a, b in said.get(key, ())):
                    said.setdefault(key, []).append(span)
                    records.append(record)
            if run.enabled(SOLO_ACT):
                found = solo_acts(run, sent, records[first:], len(acts))
                acts.extend(a for a in found if not _act_ignored(run.doc, a))
        return records, acts

    def candidates(self, run: DocRun, sent: Span) -> Iterator[Candidate]:
        """Every token construction's candidates, token by token."""
        for tok in sent:
            for step in self._steps:
                yield from step(run, tok, sent)

    def _worth_reading(self, run: DocRun, sent: Span) -> bool:
        if len(sent) > self.max_sentence_tokens:
            return False
        if any(a <= sent.start_char and sent.end_char <= b for a, b in run.doc._.ignore or ()):
            return False
        # a sentence needs an actor or a reference that may resolve to one
        return any(i in run.tok2span for i in range(sent.start, sent.end)) or any(
            run.index.reference_span(t) for t in sent
        )


def _act_ignored(doc: Doc, act: Act) -> bool:
    return any(in_ignored(doc, span.start, span.end) for span in (act.source, act.trigger))


def _touches_ignored(doc: Doc, cand: Candidate) -> bool:
    for start, end in (
        (cand.source.start, cand.source.end),
        (cand.target.start, cand.target.end),
        (cand.trigger_start, cand.trigger_end),
    ):
        if in_ignored(doc, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])):
            return True
    return False
