"""Co-listing: actors named in one list are not related by being listed together.

"The firm's clients included Russia, Ukraine and Kazakhstan" says nothing of Russia and
Kazakhstan; "Its allies include France and Britain" relates its owner to each, not France to
Britain. This component, after the relation component, drops a relation whose two arguments are
conjuncts of one coordination, unless the coordination itself is what the trigger relates:

- a mutual act whose subject is the list ("Russia and Ukraine clashed", "Ethiopia and Eritrea
  signed a peace deal", "Israel and Lebanon renewed negotiations");
- "between" or "among" the conjuncts ("talks between the United States and the Taliban");
- a relational noun predicated of the list ("Russia and Syria are allies", "Russia and Syria,
  longtime allies, ...").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..schema import Relation

__all__ = ["CoListing", "coordinated"]

_MUTUAL_PREPS = frozenset({"between", "among", "amongst"})
_PREDICATE_DEPS = frozenset({"attr", "appos", "oprd", "acomp"})


@Language.factory("allegiance_colisting")
def make_colisting(nlp: Language, name: str) -> CoListing:
    return CoListing(name)


def _coordination_root(token: Token) -> Token:
    t = token
    for _ in range(20):
        if t.dep_ != "conj" or t.head.i == t.i:
            break
        t = t.head
    return t


def coordinated(a: Token, b: Token) -> bool:
    """Whether two tokens are conjuncts of one coordination ("Russia, Ukraine and Iran").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> nlp = spacy.blank("en")
    >>> doc = Doc(nlp.vocab, words=["Russia", "and", "Iran"], heads=[0, 0, 0],
    ...           deps=["ROOT", "cc", "conj"])
    >>> coordinated(doc[0], doc[2])
    True
    """
    return a.i != b.i and _coordination_root(a).i == _coordination_root(b).i


class CoListing:
    """Drops relations between actors that are only listed together."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        relations = doc._.relations
        if relations:
            doc._.relations = [r for r in relations if not self.colisted(doc, r)]
        return doc

    def colisted(self, doc: Doc, rel: Relation) -> bool:
        """Whether the relation's arguments are listed together and nothing relates the list."""
        src = _span(doc, rel.source.start, rel.source.end)
        tgt = _span(doc, rel.target.start, rel.target.end)
        trigger = _span(doc, rel.trigger.start, rel.trigger.end)
        if src is None or tgt is None or trigger is None:
            return False
        if not coordinated(src.root, tgt.root):
            return False
        root = _coordination_root(src.root)
        if root.dep_ == "pobj" and root.head.lower_ in _MUTUAL_PREPS:
            return False  # "talks between the US and the Taliban"
        if rel.symmetric and root.dep_ in ("nsubj", "nsubjpass"):
            # "Russia and Ukraine clashed", "Israel and Lebanon renewed negotiations": the list
            # is the subject of a mutual act
            return False
        noun = trigger.root
        if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in _PREDICATE_DEPS:
            return False  # "Russia and Syria are allies"
        return True


def _span(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None
