"""Which time expression governs a relation's trigger, by the dependency parse, and its record."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from ...schema import Relation, RelationTime, TextSpan
from .lexicon import TimeLexicon, load_time_lexicon
from .periods import _MAX_TOKENS, Period, _Reader, _tokens

#: dependency labels by which a time expression attaches to a word of the trigger's clause
_TIME_DEPS = frozenset({"prep", "npadvmod", "advmod", "obl", "nmod", "tmod", "advcl"})

#: ... and, on the trigger word itself, as a modifier ("the 2003 invasion")
_TRIGGER_MOD_DEPS = frozenset({"nummod", "compound", "amod"})

#: parts of a time phrase's subtree that are not the expression ("in 2014, when ...")
_PRUNE = frozenset({"relcl", "acl", "appos", "punct", "advcl", "ccomp", "parataxis", "dep"})

_CLAUSE_POS = frozenset({"VERB", "AUX"})

#: words before a phrase of the past that compare the present with it ("unlike in the past")
_COMPARING = frozenset({"unlike", "than", "as", "since", "from"})


def _phrase(token: Token) -> list[Token]:
    """The tokens of a time phrase headed by ``token``, without attached clauses."""
    out: list[Token] = []
    stack = [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _PRUNE)
    return sorted(out, key=lambda t: t.i)


def _when_clause(token: Token) -> bool:
    """Whether ``token`` heads a clause of "when" ("..., when it waged a war")."""
    return token.dep_ in ("advcl", "relcl") and any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in token.children
    )


def _span_of(tokens: Sequence[Token]) -> TextSpan:
    doc = tokens[0].doc
    first, last = tokens[0], tokens[-1]
    return TextSpan(
        text=doc.text[first.idx : last.idx + len(last.text)],
        start=first.idx,
        end=last.idx + len(last.text),
    )


@dataclass(frozen=True)
class _Found:
    period: Period
    tokens: list[Token]


@dataclass(frozen=True)
class _Marker:
    rule: str
    tokens: list[Token]


class TimeResolver:
    """Finds and resolves the time of relations in a parsed document.

    Example:
        >>> import spacy
        >>> nlp = spacy.load("en_core_web_sm")  # doctest: +SKIP
        >>> doc = nlp("Iran sent troops to Iraq last week.")  # doctest: +SKIP
        >>> TimeResolver().resolve(doc[1], "2016-10-20").start  # doctest: +SKIP
        '2016-10-10'
    """

    def __init__(self, lexicon: TimeLexicon | None = None) -> None:
        self.lex = lexicon or load_time_lexicon()

    # -- finding

    def _parse_phrase(
        self, tokens: list[Token], anchor: date | None, future: bool = False
    ) -> Period | None:
        if len(tokens) > _MAX_TOKENS:
            return None
        text = " ".join(t.text for t in tokens)
        return (
            _Reader(self.lex, anchor, future=future).read(_tokens(text)) if _tokens(text) else None
        )

    def _modifier(
        self,
        node: Token,
        came_from: Token | None,
        trigger: Token,
        anchor: date | None,
        future: bool = False,
    ) -> _Found | None:
        for child in node.children:
            if child is came_from:
                continue
            if child.dep_ in _TIME_DEPS or (node is trigger and child.dep_ in _TRIGGER_MOD_DEPS):
                if child.dep_ == "advcl" and not any(c.dep_ == "mark" for c in child.children):
                    continue
                tokens = _phrase(child)
                period = self._parse_phrase(tokens, anchor, future)
                if period is None:
                    continue
                if (
                    node.lemma_.lower() in self.lex.back_verbs
                    and came_from is not None
                    and came_from.dep_ in ("nsubj", "nsubjpass")
                ):
                    # "Ties between Egypt and Israel date back to 1979": they began then
                    period = Period(period.start, anchor, "span", period.relative, "back_since")
                return _Found(period, tokens)
        return None

    def _time_noun(self, node: Token, anchor: date | None, future: bool) -> _Found | None:
        """``node`` heads a time phrase ("the 1980s" in "the 1980s, when it waged war")."""
        tokens = _phrase(node)
        period = self._parse_phrase(tokens, anchor, future)
        return _Found(period, tokens) if period is not None else None

    def _history_marker(
        self, node: Token, came_from: Token | None, trigger: Token
    ) -> _Marker | None:
        lex = self.lex
        lower, lemma = node.lower_, node.lemma_.lower()
        kids = list(node.children)
        if node is trigger:
            for c in kids:
                if c.dep_ == "amod" and c.lower_ in lex.history_adjectives:
                    return _Marker("history:adjective", [c])
        # "Unlike in the past, Iran now backs the deal": the clause is about the present
        present = any(c.dep_ == "advmod" and c.lower_ in lex.present_words for c in kids)
        if (node.pos_ in _CLAUSE_POS or node is trigger) and not present:
            for c in kids:
                # "Iran has in the past accused Riyadh", "long ago"
                if c.dep_ in ("prep", "advmod") and c is not came_from:
                    phrase = _phrase(c)
                    words = " ".join(t.lower_ for t in phrase)
                    before = node.doc[phrase[0].i - 1].lower_ if phrase[0].i > 0 else ""
                    if words in lex.history_phrases and before not in _COMPARING:
                        return _Marker("history:phrase", phrase)
            for c in kids:
                if (
                    c.dep_ == "advmod"
                    and c.lower_ in lex.history_adverbs
                    and not any(g.lower_ == "again" for g in c.children)
                    and not (c.i + 1 < len(node.doc) and node.doc[c.i + 1].lower_ == "again")
                ):
                    return _Marker("history:adverb", [c])
            head = node.head
            if (
                node.dep_ == "xcomp"
                and head.lemma_ == "use"
                and head.tag_ == "VBD"
                # "used to back", not "used bombs to kill"
                and head.i + 1 < len(node.doc)
                and node.doc[head.i + 1].lower_ == "to"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            ):
                return _Marker("history:used_to", [head])
        if came_from is None:
            return None
        if (
            lower in lex.history_nouns
            and node.pos_ in ("NOUN", "PROPN")
            and node.text[:1].islower()
            and came_from.dep_ == "prep"
            and came_from.lower_ == "of"
        ):
            mods = {c.lower_ for c in kids if c.dep_ in ("amod", "det", "nummod", "compound")}
            if mods & lex.not_with or any(c.dep_ == "nummod" for c in kids):
                return None
            if lower in lex.need_the and not mods & {"the", "those"}:
                return None
            dets = [c for c in kids if c.dep_ == "det" and c.i < node.i]
            return _Marker("history:noun", [*dets, node, came_from])
        if lemma in lex.remember_verbs and node is not trigger:
            via_of = came_from.dep_ == "prep" and came_from.lower_ in ("of", "about")
            if via_of or came_from.dep_ in ("dobj", "ccomp", "obj"):
                return _Marker("history:remember", [node])
        if lemma in lex.back_verbs:
            back = [c for c in kids if c.lower_ == "back"]
            via_to = came_from.lower_ == "to" or came_from in back or _when_clause(came_from)
            if back and via_to:
                return _Marker("history:back", [node, back[0]])
        return None

    def resolve(
        self, trigger: Token, anchor: date | str | None = None, *, future: bool = False
    ) -> RelationTime | None:
        """The time of the relation whose trigger word is ``trigger``, or None.

        Args:
            trigger: the syntactic head of the relation's trigger.
            anchor: the document date (ISO string or date), for relative expressions.
            future: the relation is hypothetical (future, intended): a month or weekday
                without a year ("in June", "on Tuesday") is the next one, not the last.
        """
        if isinstance(anchor, str):
            try:
                anchor = date.fromisoformat(anchor[:10])
            except ValueError:
                anchor = None
        found: _Found | None = None
        marker: _Marker | None = None
        node: Token | None = trigger
        came_from: Token | None = None
        jumped = False
        for _ in range(16):
            if node is None:
                break
            if marker is None:
                marker = self._history_marker(node, came_from, trigger)
            if found is None:
                found = self._modifier(node, came_from, trigger, anchor, future)
            clause = node.pos_ in _CLAUSE_POS or node.dep_ == "ROOT" or node.head.i == node.i
            if clause:
                # "the 1980s, when it waged a war with Iraq": the clause is about its head
                if not jumped and node.dep_ in ("relcl", "acl") and node.head.i != node.i:
                    noun = self._time_noun(node.head, anchor, future)
                    if noun is not None:
                        found = found or noun
                        jumped = True
                        came_from, node = node, node.head
                        continue
                # "In 2014, when ISIL seized Mosul, Iran sent advisers": the time of the head
                if not jumped and node.dep_ == "advcl" and _when_clause(node):
                    jumped = True
                    came_from, node = node, node.head
                    continue
                break
            came_from, node = node, node.head
        return self._record(found, marker, anchor)

    def _record(
        self, found: _Found | None, marker: _Marker | None, anchor: date | None
    ) -> RelationTime | None:
        if found is None and marker is None:
            return None
        historical = marker is not None
        start = end = precision = None
        how = "reference"
        rule = marker.rule if marker else ""
        expression = None
        if found is not None:
            p = found.period
            start = p.start.isoformat() if p.start else None
            end = p.end.isoformat() if p.end else None
            precision = p.precision
            how = "relative" if p.relative else "explicit"
            rule = p.form + (f"+{marker.rule}" if marker else "")
            expression = _span_of(found.tokens)
            if (
                anchor is not None
                and p.end is not None
                and (anchor - p.end).days > self.lex.past_after_days
            ):
                historical = True
        # validated by the model: the readers only make the schema's precisions and hows
        return RelationTime.model_validate(
            {
                "start": start,
                "end": end,
                "precision": precision,
                "historical": historical,
                "how": how,
                "rule": rule,
                "expression": expression,
                "marker": _span_of(sorted(marker.tokens, key=lambda t: t.i)) if marker else None,
            }
        )


def _trigger_token(doc: Doc, relation: Relation) -> Token | None:
    span = doc.char_span(relation.trigger.start, relation.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def annotate_relations(
    doc: Doc,
    relations: Iterable[Relation],
    published: str | None = None,
    resolver: TimeResolver | None = None,
) -> list[Relation]:
    """The relations with their ``time`` set (None where the text says nothing).

    Args:
        doc: the parsed document the relations come from.
        relations: its relation records.
        published: the document date (ISO), for relative expressions.
        resolver: the resolver to use (one with the bundled lexicon when None).
    """
    resolver = resolver or TimeResolver()
    out: list[Relation] = []
    for relation in relations:
        token = _trigger_token(doc, relation)
        time = (
            resolver.resolve(token, published, future=relation.hypothetical)
            if token is not None
            else None
        )
        out.append(relation.model_copy(update={"time": time}) if time is not None else relation)
    return out
