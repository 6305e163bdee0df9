"""The spaCy component that gives each relation of a document its time."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from .lexicon import load_time_lexicon
from .resolver import TimeResolver, annotate_relations


@Language.factory(
    "allegiance_time",
    default_config={"lexicon_paths": []},
    assigns=["doc._.relations"],
    requires=["doc._.relations"],
)
def make_time_component(nlp: Language, name: str, lexicon_paths: list[str]) -> TimeComponent:
    """The spaCy component that sets the ``time`` of each relation (``allegiance.time.v1``)."""
    return TimeComponent(nlp, name, lexicon_paths=tuple(lexicon_paths))


class TimeComponent:
    """Annotates ``doc._.relations`` with their time, after the relation component."""

    def __init__(self, nlp: Language, name: str, *, lexicon_paths: tuple[str, ...] = ()) -> None:
        register_extensions()
        self.name = name
        self.resolver = TimeResolver(load_time_lexicon(lexicon_paths))

    def __call__(self, doc: Doc) -> Doc:
        if doc._.relations:
            doc._.relations = annotate_relations(
                doc, doc._.relations, doc._.published, self.resolver
            )
        return doc
