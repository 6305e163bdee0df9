"""The spaCy component ``allegiance_quotes``: fills ``doc._.quotes``."""

from __future__ import annotations

from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from ...lexicon.io import read_mapping
from ..extensions import ACTORS_KEY, ActorRef, adopt_arguments, register_extensions
from ..gender import load_gender_data
from .lexicon import _from_dict, load_quote_lexicon
from .run import _Run


@Language.factory(
    "allegiance_quotes",
    default_config={"lexicon_paths": []},
    assigns=["doc._.quotes"],
    requires=["token.dep", "token.pos", "doc.sents", "doc.ents"],
)
def make_quotes(nlp: Language, name: str, lexicon_paths: list[str]) -> QuoteExtractor:
    """spaCy factory of :class:`QuoteExtractor` (registered as ``allegiance_quotes``)."""
    return QuoteExtractor(nlp, name, lexicon_paths=lexicon_paths)


class QuoteExtractor:
    """spaCy component: find quotes and their speakers; fill ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str, *, lexicon_paths: list[str] | None = None) -> None:
        """Load the cue lexicons.

        Args:
            nlp: the pipeline (unused; spaCy's factory signature).
            name: the component name.
            lexicon_paths: user lexicon files (``--lexicon``); their quote cue, unnamed-source
                and gender entries extend the bundled ones.
        """
        register_extensions()
        self.name = name
        self.lexicon_paths = tuple(lexicon_paths or ())
        self.lexicon = load_quote_lexicon(self.lexicon_paths)
        self.gender = load_gender_data(self.lexicon_paths)

    # -- persistence -----------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Save the merged lexicon as ``quote_lexicon.yaml`` in ``path``."""
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / "quote_lexicon.yaml").write_text(
            yaml.safe_dump(self.lexicon.to_dict(), allow_unicode=True), encoding="utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> QuoteExtractor:
        """Load the lexicon saved by :meth:`to_disk`."""
        self.lexicon = _from_dict(read_mapping(Path(path) / "quote_lexicon.yaml"))
        return self

    # -- main ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Find the quotes of ``doc`` and set ``doc._.quotes``."""
        run = _Run(doc, self.lexicon, self.gender)
        quotes = doc._.quotes = run.quotes()
        # a speaker's actor is a mention's: at its place ("Gen. Joseph Votel" for "Votel"), or
        # a new mention of the same actor
        refs: dict[str, ActorRef] = {}
        for span in doc.spans.get(ACTORS_KEY, ()):
            if span._.actor is not None:
                refs.setdefault(span._.actor.actor_id, span._.actor)
        args = [a for q in quotes for a in (q.speaker, q.reporting_source) if a and a.actor_id]
        keyed = {(a.start, a.end, a.actor_id): refs[a.actor_id] for a in args if a.actor_id in refs}
        adopt_arguments(doc, args, keyed)
        return doc
