"""The ``allegiance_actors`` spaCy component: the passes in order, the spans, serialisation."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ...kb import ActorKB
from ..extensions import ACTORS_KEY, TEXT_SOURCES_KEY, ActorRef, in_ignored
from ..gender import GenderData, load_gender_data
from .agent_words import _AgentWordsMixin
from .aliases import _AliasMixin
from .kbmatch import _KBMatchMixin
from .mentions import _Cand, _greedy
from .named import _NamedMixin
from .roles import load_actor_roles

FACTORY = "allegiance_actors"


def _variants(form: str) -> set[str]:
    """Spellings of a surface form that the tokenizer may see ("U.S." / "US", ’ / ')."""
    if form[:4].lower() == "the ":
        form = form[4:]  # mentions leave out the article
    out = {form, form.replace("’", "'"), form.replace("'", "’")}
    if "." in form:
        out |= {v.replace(".", "") for v in list(out)}
    if "-" in form:
        out |= {v.replace("-", " ") for v in list(out)}
    return {v.strip() for v in out if v.strip()}


def _case_sensitive(form: str, stop_words: Iterable[str]) -> bool:
    letters = [c for c in form if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 3:
        return True
    return " " not in form and form.lower() in stop_words


class ActorRecognizer(_KBMatchMixin, _NamedMixin, _AliasMixin, _AgentWordsMixin):
    """spaCy component that finds actor mentions and resolves them against the knowledge base.

    Args:
        nlp: the pipeline (its vocabulary and tokenizer build the matchers).
        name: the component name.
        kb_paths: user YAML files that extend or override the packaged knowledge base.
        fuzzy_cutoff: minimum rapidfuzz ratio (0-100) for a fuzzy match of a named entity.
        use_ner: keep named entities the KB lacks as provisional actors.
        roles_paths: user files in the format of ``lexicon/data/actor_roles.yaml`` whose lists
            add to the bundled ones (outlet roles, alias cues, non-actors, places).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        *,
        kb_paths: Sequence[str] = (),
        fuzzy_cutoff: float = 90,
        use_ner: bool = True,
        roles_paths: Sequence[str] = (),
        lexicon_paths: Sequence[str] = (),
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.kb_paths = [str(p) for p in kb_paths]
        self.fuzzy_cutoff = float(fuzzy_cutoff)
        self.use_ner = bool(use_ner)
        self.roles_paths = [str(p) for p in roles_paths]
        self.lexicon_paths = [str(p) for p in lexicon_paths]
        self._build()

    # -- set-up ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.kb = ActorKB.load(self.kb_paths, lexicon_paths=self.lexicon_paths)
        self.agents = self.kb.agents
        self.roles = load_actor_roles([*self.roles_paths, *self.lexicon_paths])
        self.gender: GenderData = load_gender_data(tuple(self.lexicon_paths))
        vocab = self.nlp.vocab
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._orth = PhraseMatcher(vocab, attr="ORTH")
        stop_words = self.nlp.Defaults.stop_words
        lower: dict[str, set[str]] = {}
        orth: dict[str, set[str]] = {}
        groups: tuple[tuple[str, Iterator[tuple[str, str]]], ...] = (
            ("A", self.kb.surface_forms()),
            ("M", self.kb.metonym_forms()),
            ("J", self.kb.adjective_forms()),
        )
        for tag, forms in groups:
            for form, actor_id in forms:
                actor = self.kb.get(actor_id)
                # "the West": a generic name given with its article needs it in the text
                article = (
                    tag == "A"
                    and actor is not None
                    and actor.sector == "generic"
                    and form[:4].lower() == "the "
                    and form[4:5].isupper()
                )
                key = f"{'T' if article else tag}|{actor_id}"

                # a generic actor is named by common nouns; one of its aliases written with a
                # capital is a proper name and matches only so ("the West", not "west of Raqqa")
                proper = (
                    actor is not None
                    and actor.sector == "generic"
                    and form.removeprefix("the ")[:1].isupper()
                )
                for variant in _variants(form):
                    if proper or _case_sensitive(variant, stop_words):
                        orth.setdefault(key, set()).update({variant, variant.upper()})
                    else:
                        # Tokenised as written: lower-cased "u.s." splits differently from "U.S.".
                        lower.setdefault(key, set()).add(variant)
        for table, matcher in ((lower, self._lower), (orth, self._orth)):
            texts = sorted({t for variants in table.values() for t in variants})
            docs = dict(zip(texts, self.nlp.tokenizer.pipe(texts), strict=True))  # type: ignore[union-attr]
            for key, variants in table.items():
                matcher.add(key, [docs[t] for t in sorted(variants)])

    # -- main --------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Find actor mentions and store them in ``doc.spans["actors"]`` (and the words the
        relations read as actors around them in ``doc._.agent_words``)."""
        kb_cands = self._kb_candidates(doc)
        taken = [False] * len(doc)
        chosen: list[_Cand] = []
        sources: list[Span] = []
        for cand in _greedy(kb_cands):
            for i in range(cand.start, cand.end):
                taken[i] = True  # an outlet that is a source stays taken: no actor there
            if not self._is_source_outlet(doc, cand):
                chosen.append(cand)
            else:
                sources.append(Span(doc, cand.start, cand.end, label="outlet", kb_id=cand.actor_id))
        if self.use_ner or self.fuzzy_cutoff <= 100:
            for cand in self._ner_candidates(doc, taken):
                chosen.append(cand)
                for i in range(cand.start, cand.end):
                    taken[i] = True
        chosen = self._specific_over_generic(doc, chosen)
        chosen = self._roles_of_people(doc, chosen)
        chosen.extend(self._defined_aliases(doc, chosen, taken))
        chosen = self._bare_institutions(doc, chosen)
        chosen.extend(self._bare_organs(doc, chosen))
        chosen.extend(self._counted_victims(doc, chosen))
        # short forms, pronouns and descriptions are the references component's
        spans: list[Span] = []
        for cand in sorted(chosen, key=lambda c: c.start):
            span = Span(doc, cand.start, cand.end, label=cand.type, kb_id=cand.actor_id)
            if in_ignored(doc, span.start_char, span.end_char):
                continue
            span._.actor = self._ref(cand)
            spans.append(span)
        doc.spans[ACTORS_KEY] = spans
        doc.spans[TEXT_SOURCES_KEY] = sources
        doc._.agent_words = self._agent_words(doc, spans)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream of documents."""
        for doc in stream:
            yield self(doc)

    def actor_ref(self, cand: _Cand) -> ActorRef:
        """The reference a mention candidate resolves to, with the actor's KB fields."""
        return self._ref(cand)

    def _ref(self, cand: _Cand) -> ActorRef:
        actor = self.kb.get(cand.actor_id)
        if actor is None:
            return ActorRef(
                actor_id=cand.actor_id,
                actor_name=cand.name,
                actor_type=cand.type,
                resolved_by=cand.resolved_by,
                confidence=round(cand.confidence, 3),
            )
        return self.kb_ref(actor, cand.resolved_by, round(cand.confidence, 3))

    # -- serialisation -----------------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the settings and copies of the user's KB files."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        copies = []
        for i, kb_path in enumerate(self.kb_paths):
            target = path / f"kb_{i}{Path(kb_path).suffix or '.yaml'}"
            shutil.copyfile(kb_path, target)
            copies.append(target.name)
        roles = []
        for i, roles_path in enumerate(self.roles_paths):
            target = path / f"roles_{i}{Path(roles_path).suffix or '.yaml'}"
            shutil.copyfile(roles_path, target)
            roles.append(target.name)
        cfg = {"kb_files": copies, "roles_files": roles, "fuzzy_cutoff": self.fuzzy_cutoff,
               "use_ner": self.use_ner}  # fmt: skip
        (path / "cfg.json").write_text(json.dumps(cfg, indent=2), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActorRecognizer:
        """Restore what :meth:`to_disk` saved and rebuild the matchers."""
        path = Path(path)
        cfg: dict[str, Any] = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
        self.kb_paths = [str(path / name) for name in cfg.get("kb_files", [])]
        self.fuzzy_cutoff = float(cfg.get("fuzzy_cutoff", self.fuzzy_cutoff))
        self.use_ner = bool(cfg.get("use_ner", self.use_ner))
        self.roles_paths = [str(path / name) for name in cfg.get("roles_files", [])]
        self._build()
        return self


@Language.factory(
    FACTORY,
    default_config={
        "kb_paths": [],
        "fuzzy_cutoff": 90,
        "use_ner": True,
        "roles_paths": [],
        "lexicon_paths": [],
    },
    assigns=["doc.spans"],
    requires=["token.dep", "token.pos", "doc.ents"],
)
def make_actor_recognizer(
    nlp: Language,
    name: str,
    kb_paths: list[str],
    fuzzy_cutoff: float,
    use_ner: bool,
    roles_paths: list[str],
    lexicon_paths: list[str],
) -> ActorRecognizer:
    """Factory of the ``allegiance_actors`` component."""
    return ActorRecognizer(
        nlp,
        name,
        kb_paths=kb_paths,
        fuzzy_cutoff=fuzzy_cutoff,
        use_ner=use_ner,
        roles_paths=roles_paths,
        lexicon_paths=lexicon_paths,
    )
