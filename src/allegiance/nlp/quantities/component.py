"""The ``allegiance_quantities`` spaCy component."""

from __future__ import annotations

from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from ...lexicon.io import read_mapping
from ..extensions import register_extensions
from .lexicon import _lexicon, load_quantity_lexicon
from .run import _QRun


@Language.factory(
    "allegiance_quantities",
    default_config={"lexicon_paths": []},
    assigns=["doc._.quantities"],
    requires=["token.pos", "token.dep", "doc.sents"],
)
def make_quantities(nlp: Language, name: str, lexicon_paths: list[str]) -> QuantityExtractor:
    """spaCy factory of :class:`QuantityExtractor` (registered as ``allegiance_quantities``)."""
    return QuantityExtractor(nlp, name, lexicon_paths=lexicon_paths)


class QuantityExtractor:
    """spaCy component: find reported numbers; fill ``doc._.quantities``."""

    def __init__(self, nlp: Language, name: str, *, lexicon_paths: list[str] | None = None) -> None:
        """Load the concept lexicon.

        Args:
            nlp: the pipeline (unused; spaCy's factory signature).
            name: the component name.
            lexicon_paths: user YAML files extending ``quantity_concepts.yaml``.
        """
        register_extensions()
        self.name = name
        self.lexicon = load_quantity_lexicon(tuple(lexicon_paths or ()))

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Save the merged lexicon as ``quantity_lexicon.yaml`` in ``path``."""
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / "quantity_lexicon.yaml").write_text(
            yaml.safe_dump(self.lexicon.raw, allow_unicode=True), encoding="utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> QuantityExtractor:
        """Load the lexicon saved by :meth:`to_disk`."""
        self.lexicon = _lexicon(read_mapping(Path(path) / "quantity_lexicon.yaml"))
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Find the quantities of ``doc`` and set ``doc._.quantities``."""
        doc._.quantities = _QRun(doc, self.lexicon).run()
        return doc
