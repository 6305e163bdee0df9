"""Register: a verb of violence between civilian actors is a verbal attack.

Politicians "attack" each other in speeches; armies attack each other with guns. The relation
component reads the verb's first sense; this component, placed right after it, re-reads the
relations whose trigger has a verbal sense (``lexicon/data/register.yaml``) when both actors are
of civilian types and nothing armed stands in the sentence:

- "Trump attacked Clinton over her emails in a speech in Ohio." -> ACCUSE (verbal)
- "Erdogan attacked Macron over his comments." -> ACCUSE (verbal)
- "Assad attacked the rebels in Idlib." -> stays ASSAULT (the rebels are armed)
- "A man attacked the senator with a knife." -> stays ASSAULT (an armed word)

Contests are a register of their own: standings in a poll, a race or a match are no tie, so a
relation read from a contest verb is dropped when the words its trigger governs name a contest
or a score:

- "Clinton leads Trump by five points in the latest poll." -> no relation
- "Japan beat China 3-1 in the final." -> no relation
- "Iraqi forces defeated ISIL in Mosul." -> stays ASSAULT

A verb of giving takes its sense from what is given: a blow, an ultimatum or a speech is
no aid. A relation read from one of the transfer verbs (``transfer_verbs``) whose direct
object is a word of ``object_senses`` takes the category given there, or is dropped (null):

- "Al-Shabaab delivered a heavy blow to the Somali army." -> ASSAULT
- "The EU delivered an ultimatum to Serbia." -> THREATEN
- "Obama delivered a speech to the Turkish parliament." -> no relation
- "The United States delivered weapons to Ukraine." -> stays AID
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import LexiconError, Messages
from ..lexicon import load_lexicon
from ..lexicon.io import lexicon_layers
from ..schema import CATEGORIES, ActorArg, Relation
from .extensions import ACTORS_KEY

__all__ = ["DEFAULT_REGISTER", "Register", "RegisterData", "load_register"]

_SCORE = re.compile(r"^\d{1,3}[-\u2013:]\d{1,3}$")  # 3-1, 2–0, 21:17
DEFAULT_REGISTER = Path(__file__).resolve().parents[1] / "lexicon" / "data" / "register.yaml"


@dataclass(frozen=True)
class RegisterData:
    """Verbal senses of violent verbs, and who counts as a civilian speaker and target."""

    verbal_senses: dict[str, tuple[str, str | None]]
    civil_sources: frozenset[str]
    civil_targets: frozenset[str]
    armed_words: frozenset[str]
    contest_verbs: frozenset[str] = frozenset()
    contest_words: frozenset[str] = frozenset()
    victims: frozenset[str] = frozenset()
    transfer_verbs: frozenset[str] = frozenset()
    object_senses: dict[str, tuple[str, str | None] | None] | None = None
    role_senses: tuple[RoleSense, ...] = ()


@dataclass(frozen=True)
class RoleSense:
    """A category re-read by who acts: crowd control by police is repression, a state's
    protest an accusation."""

    from_category: str
    category: str
    mode: str | None
    sources: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()
    verbs: frozenset[str] = frozenset()

    def by(self, actor_id: str | None, actor_type: str | None) -> bool:
        """Whether an actor is of this sense's sources."""
        aid = actor_id or ""
        return (
            actor_type in self.sources
            or aid in self.ids
            or ("." in aid and aid.rsplit(".", 1)[-1] in self.suffixes)
        )


@lru_cache(maxsize=4)
def load_register(paths: tuple[str, ...] = ()) -> RegisterData:
    """The bundled register data with the user's files over it.

    Raises:
        LexiconError: naming the file and the entry with an unknown category.
    """
    senses: dict[str, tuple[str, str | None]] = {}
    objects: dict[str, tuple[str, str | None] | None] = {}
    lists: dict[str, set[str]] = {
        "civil_sources": set(),
        "civil_targets": set(),
        "armed_words": set(),
        "contest_verbs": set(),
        "contest_words": set(),
        "victims": set(),
        "transfer_verbs": set(),
    }
    roles: list[RoleSense] = []
    for path, data in lexicon_layers((DEFAULT_REGISTER,), paths):
        roles.extend(_role_sense(path, item) for item in data.get("role_senses") or ())
        for lemma, value in (data.get("verbal_senses") or {}).items():
            if value is None:
                senses.pop(str(lemma), None)
                continue
            senses[str(lemma).lower()] = _sense(path, lemma, value)
        for lemma, value in (data.get("object_senses") or {}).items():
            # null: the act is no relation at all ("delivered a speech to X")
            objects[str(lemma).lower()] = None if value is None else _sense(path, lemma, value)
        for key, words in lists.items():
            words.update(
                str(w) if key == "victims" else str(w).lower() for w in data.get(key) or ()
            )
    return RegisterData(
        senses,
        frozenset(lists["civil_sources"]),
        frozenset(lists["civil_targets"]),
        frozenset(lists["armed_words"]),
        frozenset(lists["contest_verbs"]),
        frozenset(lists["contest_words"]),
        frozenset(lists["victims"]),
        frozenset(lists["transfer_verbs"]),
        objects,
        tuple(roles),
    )


def _role_sense(path: Path, item: object) -> RoleSense:
    if not isinstance(item, dict) or "from" not in item or "as" not in item:
        reason = "a role sense needs 'from' and 'as'"
        raise LexiconError(Messages.LEXICON_ENTRY.format(path=path, entry=item, reason=reason))
    category, mode = _sense(path, item["as"], item["as"])
    from_category, _ = _sense(path, item["from"], item["from"])

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in item.get(key) or ())

    return RoleSense(
        from_category,
        category,
        mode,
        sources=words("sources"),
        suffixes=words("suffixes"),
        ids=words("ids"),
        words=tuple(str(w).lower() for w in item.get("words") or ()),
        verbs=frozenset(w.lower() for w in words("verbs")),
    )


def _sense(path: Path, lemma: object, value: object) -> tuple[str, str | None]:
    category, _, mode = str(value).partition("/")
    if category not in CATEGORIES:
        reason = f"unknown category {category!r}"
        raise LexiconError(Messages.LEXICON_ENTRY.format(path=path, entry=lemma, reason=reason))
    return category, mode or None


@Language.factory("allegiance_register", default_config={"lexicon_paths": []})
def make_register(nlp: Language, name: str, lexicon_paths: list[str]) -> Register:
    return Register(nlp, name, lexicon_paths=lexicon_paths)


class Register:
    """Re-reads violent verbs between civilian actors as verbal attacks."""

    def __init__(self, nlp: Language, name: str, *, lexicon_paths: Iterable[str] = ()) -> None:
        self.name = name
        self.lexicon_paths = tuple(lexicon_paths)
        self.data = load_register(self.lexicon_paths)
        self.lexicon = load_lexicon(self.lexicon_paths)

    def __call__(self, doc: Doc) -> Doc:
        relations = doc._.relations
        if not relations:
            return doc
        types = {
            (s.start_char, s.end_char): s._.actor.actor_type
            for s in doc.spans.get(ACTORS_KEY, ())
            if s._.actor is not None
        }
        out = []
        for rel in relations:
            trigger = doc.char_span(rel.trigger.start, rel.trigger.end, alignment_mode="expand")
            if trigger is None or not len(trigger):
                out.append(rel)
            elif not self.contest(trigger):
                given = self.given(trigger, rel)
                if given is not None:
                    out.append(self.reread(trigger, given, types))
        doc._.relations = out
        return doc

    def contest(self, trigger: Span) -> bool:
        """Whether a relation read off ``trigger`` is a standing in a contest (a poll, a race,
        a match)."""
        root = trigger.root
        if root.lemma_.lower() not in self.data.contest_verbs:
            return False
        return any(
            t.lower_ in self.data.contest_words or _SCORE.match(t.text) for t in root.subtree
        )

    def given(self, trigger: Span, rel: Relation) -> Relation | None:
        """The relation in the sense of what its transfer verb gives: unchanged, re-read
        ("delivered a blow to X": ASSAULT) or None ("delivered a speech to X")."""
        root = trigger.root
        senses = self.data.object_senses or {}
        if root.lemma_.lower() not in self.data.transfer_verbs:
            return rel
        obj = next((c for c in root.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is None or obj.lemma_.lower() not in senses:
            return rel
        sense = senses[obj.lemma_.lower()]
        if sense is None:
            return None
        return self._as(rel, *sense)

    def _as(self, rel: Relation, category: str, mode: str | None) -> Relation:
        info = self.lexicon.categories[category]
        return rel.model_copy(
            update={
                "category": category,
                "mode": mode,
                "quad_class": info.quad_class,
                "sign": info.sign,
                "intensity": info.intensity,
            }
        )

    def by_role(self, trigger: Span, rel: Relation, types: dict[tuple[int, int], str]) -> Relation:
        """The relation as who acts makes it (``role_senses``)."""
        if _type(rel.source, types) == "state" and _a_people(trigger.doc, rel.source):
            return rel  # "ethnic Turks began a hunger strike": a people, not its state
        for sense in self.data.role_senses:
            if sense.from_category != rel.category:
                continue
            if not sense.by(rel.source.actor_id, _type(rel.source, types)):
                continue
            if sense.verbs and trigger.root.lemma_.lower() not in sense.verbs:
                continue
            if sense.words:
                text = " " + " ".join(t.lower_ for t in trigger.sent) + " "
                if not any(f" {w} " in text for w in sense.words):
                    continue
            return self._as(rel, sense.category, sense.mode)
        return rel

    def reread(self, trigger: Span, rel: Relation, types: dict[tuple[int, int], str]) -> Relation:
        """The relation in its register: unchanged unless a verbal or a role sense applies."""
        rel = self.by_role(trigger, rel, types)
        if rel.category != "ASSAULT":
            return rel
        sense = self.data.verbal_senses.get(trigger.root.lemma_.lower())
        if sense is None:
            return rel
        if _type(rel.source, types) not in self.data.civil_sources:
            return rel
        if _type(rel.target, types) not in self.data.civil_targets:
            return rel
        if rel.target.actor_id in self.data.victims:
            return rel
        if self.armed(trigger.sent):
            return rel
        return self._as(rel, *sense)

    def armed(self, sent: Span) -> bool:
        return any(t.lower_ in self.data.armed_words for t in sent)


def _a_people(doc: Doc, arg: ActorArg) -> bool:
    """Whether a mention names a people by a plural ("ethnic Turks", "Albanians"), not its
    state by name ("the United States", "the Philippines")."""
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    if span is None or span.root.tag_ not in ("NNS", "NNPS"):
        return False
    text = span.text.lower().removeprefix("the ").strip()
    return text != (arg.actor_name or "").lower()


def _type(arg: ActorArg, types: dict[tuple[int, int], str]) -> str | None:
    """The actor type of the mention an argument is (or lies in)."""
    found = types.get((arg.start, arg.end))
    if found is None:
        found = next((t for (a, b), t in types.items() if a <= arg.start and arg.end <= b), None)
    return found
