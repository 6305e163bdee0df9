"""The syntax that anaphora reads: subjects, binders, speakers and "of" complements."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from spacy.tokens import Doc, Token

from ...lexicon.references import pronouns
from ..actors.mentions import _Cand


def controlling_objects(clause: Token) -> list[Token]:
    """The objects of the predicate an infinitive or participial ``clause`` hangs from, named
    before it: who is asked or made to act ("urged Russia to stop", "called on the regime to
    end", "urged him to press")."""
    head = clause.head
    out = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.i < clause.i]
    out.extend(
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "on" and c.i < clause.i
        for g in c.children
        if g.dep_ == "pobj"
    )
    return out


def controllers(token: Token) -> list[Token]:
    """The object that controls the infinitive clause a pronoun sits in ("urged Russia to
    stop its bombing", "called on the regime to end its attacks")."""
    verb, hops = token.head, 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and hops < 4:
        verb, hops = verb.head, hops + 1
    if verb.dep_ not in ("xcomp", "advcl", "ccomp") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return []
    return controlling_objects(verb)


def local_kind(
    token: Token, descriptions: Mapping[str, Iterable[str]], is_mention: Callable[[int], bool]
) -> frozenset[str] | None:
    """The actor types a plural pronoun is limited to by a bare plural kind named before it
    in its own sentence ("If we see militias here, we will kill them": the militias, not the
    ISIS coordinated with them earlier; "if we catch soldiers in our villages, we shoot
    them": soldiers); None when its sentence names no such kind, or names an actor before
    the pronoun ("Iran and Russia sent troops, and they attacked": Iran and Russia).

    ``descriptions`` maps a noun to its actor types (``references.yaml``); ``is_mention(i)``
    says whether token ``i`` is inside an actor mention other than a first-person pronoun.
    """
    kind: frozenset[str] | None = None
    for tok in reversed(token.sent[: token.i - token.sent.start]):
        if is_mention(tok.i):
            return None
        if kind is not None or tok.tag_ != "NNS" or tok.lower_ not in descriptions:
            continue
        if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
            continue  # "the militias", "their fighters", "two soldiers": not a bare kind
        kind = frozenset(descriptions[tok.lower_])
    return kind


def _of_mention(tok: Token, covering: Callable[[int], list[_Cand]]) -> _Cand | None:
    """The mention in an "of" complement of a noun or its coordination ("the government
    and people of Iraq"), if any; ``covering(i)`` lists the mentions over token ``i``."""
    for head in (tok, *tok.conjuncts):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                for m in covering(pobj.i):
                    return m
    return None


def _they_rank(doc: Doc, cand: _Cand) -> tuple[bool, bool]:
    """How well a mention suits "they": plural groups first ("the US stands with the Iraqi
    people as they confront ISIL"), then subjects."""
    root = doc[cand.start : cand.end].root
    plural = (
        root.lower_ in pronouns("they")
        or root.tag_ == "NNS"  # forces, militias, troops
        or (root.tag_ == "NNPS" and cand.type not in ("state", "government", "igo"))
    )
    return plural, _is_subject_like(doc, cand)


def _is_subject_like(doc: Doc, cand: _Cand) -> bool:
    """A mention that is its clause's subject, the focus of a cleft ("it is the militias
    who ..."), or the possessor of either ("their fighters who used IEDs")."""
    root = doc[cand.start : cand.end].root
    if root.dep_ == "poss":
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "attr" and any(
        c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in root.children
    )


def _clause_subject_actors(
    doc: Doc, tok: Token, covering: Callable[[int], list[_Cand]]
) -> set[str]:
    """The actors of the subject of the clause an object pronoun sits in; ``covering(i)``
    lists the mentions over token ``i``."""
    if tok.dep_ not in ("dobj", "pobj", "dative") or tok.lower_ not in ("them", "him", "her"):
        return set()
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        # "Lula thanked his host and invited him": the conjoined verb's subject is its first's
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return {m.actor_id for s in subjects for m in covering(s.i)}


def reflexive_binders(tok: Token, covering: Callable[[int], list[_Cand]]) -> list[_Cand]:
    """The mentions of the subject a reflexive object is bound to ("the bombers blew
    themselves up", "killed 23 people as well as themselves": the bombers, not the people)."""
    head, hops = tok, 0
    while head.dep_ == "conj" and hops < 4:
        head, hops = head.head, hops + 1  # "23 people as well as themselves"
    verb = head.head if head.dep_ != "pobj" else head.head.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # the subject or a modifier naming it ("two Palestinian suicide bombers")
    words = [
        t.i
        for s in subjects
        for t in (s, *s.children)
        if t.i == s.i or t.dep_ in ("amod", "compound", "poss", "nmod")
    ]
    return [m for i in words for m in covering(i)]


def _binders(tok: Token) -> list[Token]:
    """Subjects (and controlling objects) of the clauses an object sits in, up the chain of
    controlled clauses ("Kerry urged him to press the regime": Kerry, him)."""
    if tok.dep_ not in ("dobj", "pobj", "dative"):
        return []
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    out: list[Token] = []
    for _ in range(4):
        out.extend(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        if verb.dep_ not in ("xcomp", "advcl", "acl", "ccomp") or verb.head.i == verb.i:
            break
        out.extend(controlling_objects(verb))
        head = verb.head
        if head.pos_ not in ("VERB", "AUX"):
            head = head.head  # "a responsibility to press": the noun's clause
        verb = head
    return out


_SPEECH = frozenset(
    {"say", "tell", "state", "add", "announce", "declare", "write", "note", "explain"}
)


def _is_speaker(doc: Doc, cand: _Cand) -> bool:
    """Whether a mention is the subject of a speech verb ("CENTCOM said")."""
    tok = doc[cand.end - 1]
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SPEECH
