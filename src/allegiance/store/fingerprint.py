"""What decides what extraction gives: versions and hashes of package, model, lexicons, KB."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from ..nlp.pipeline import ExtractOptions

_PACKAGE = Path(__file__).resolve().parent.parent


def _version() -> str:
    from .. import __version__

    return __version__


def data_hash(bundled: Path, extra: Iterable[str | Path] = ()) -> str:
    """sha256 over the bundled YAML files of a data folder and the user's extra files.

    Raises:
        InputError: when a user file cannot be read.
    """
    h = hashlib.sha256()
    files = sorted(bundled.rglob("*.yaml")) if bundled.is_dir() else []
    for path in [*files, *(Path(p) for p in extra)]:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
        h.update(path.name.encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()[:16]


def model_identity(model: str | None) -> str:
    """``name==version`` of the spaCy model a run uses, without loading it.

    ``None`` resolves like :func:`allegiance.nlp.model.load_model` (the first installed of
    its defaults); a path reads its ``meta.json``.
    """
    from ..nlp.model import DEFAULT_MODELS

    if model and Path(model).is_dir():
        meta = Path(model) / "meta.json"
        with contextlib.suppress(OSError, ValueError):
            info = json.loads(meta.read_text(encoding="utf-8"))
            return f"{info.get('lang', '')}_{info.get('name', '')}=={info.get('version', '?')}"
        return str(Path(model).resolve())
    for name in [model] if model else list(DEFAULT_MODELS):
        try:
            return f"{name}=={importlib.metadata.version(name)}"
        except importlib.metadata.PackageNotFoundError:
            if model or importlib.util.find_spec(name) is not None:
                return str(name)
    return "none"


@dataclass(frozen=True)
class RulesFingerprint:
    """What decides the records extraction gives: versions, model, data hashes, options."""

    version: str
    model: str
    lexicon_hash: str
    kb_hash: str
    options: dict[str, Any]

    @property
    def key(self) -> str:
        """One hash of all of it: documents extracted under another key are stale."""
        blob = json.dumps(
            [self.version, SCHEMA_VERSION, self.model, self.lexicon_hash, self.kb_hash,
             self.options],
            sort_keys=True,
        )  # fmt: skip
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def rules_fingerprint(options: ExtractOptions) -> RulesFingerprint:
    """The fingerprint of extraction with ``options`` (see :class:`RulesFingerprint`)."""
    return RulesFingerprint(
        version=_version(),
        model=model_identity(options.model),
        lexicon_hash=data_hash(_PACKAGE / "lexicon" / "data", options.lexicon_paths),
        kb_hash=data_hash(_PACKAGE / "kb" / "data", options.kb_paths),
        options={
            "max_sentence_tokens": options.max_sentence_tokens,
            "check_language": options.check_language,
            "kinds": sorted(options.kinds),
        },
    )
