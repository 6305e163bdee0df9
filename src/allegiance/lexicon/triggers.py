"""The trigger lexicon: words and patterns that signal relations, loaded from YAML data.

The bundled ``data/triggers.yaml`` is read first, then ``data/relation_words.yaml`` (the word
lists the constructions use to read arguments and modality); user files extend or override
them key by key (a key set to ``null`` removes the bundled entry; a word list given again adds
its words). Every file goes through :func:`allegiance.lexicon.io.read_layers`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import LexiconError, Messages
from ..schema import CATEGORIES
from .io import lexicon_layers, merge_word_lists, user_layers

__all__ = [
    "DEFAULT_LEXICON",
    "RELATION_WORDS",
    "CategoryInfo",
    "Lexicon",
    "Pattern",
    "Trigger",
    "load_lexicon",
]

DEFAULT_LEXICON = Path(__file__).parent / "data" / "triggers.yaml"
RELATION_WORDS = Path(__file__).parent / "data" / "relation_words.yaml"
_SECTIONS = (
    "verbs",
    "phrasal",
    "nouns",
    "stance_nouns",
    "adjectives",
    "compounds",
    "prepositions",
    "responses",
    "cut_as",
    "refused_as",
    "withdrawn_as",
    "peacekept_as",
    "eased_as",
    "wielded_as",
)
_LISTS = (
    "light_verbs",
    "speech_verbs",
    "irrealis_verbs",
    "modal_auxiliaries",
    "negations",
    "assets",
    "instruments",
    "instrument_verbs",
    "patient_nouns",
    "negating_verbs",
    "ending_verbs",
    "cutting_verbs",
    "cutting_nouns",
    "readying_nouns",
    "refusing_verbs",
    "withdrawn_benefits",
    "peacekeeping_words",
    "joint_verbs",
    "causing_verbs",
    "doing_nouns",
    "armed_goods",
    "intent_words",
    "announcing_verbs",
    "future_auxiliaries",
    "judging_verbs",
    "accusing_verbs",
    "regarding_verbs",
    "claiming_verbs",
    "souring_words",
    "purpose_done_verbs",
    "holding_verbs",
    "deed_verbs",
    "receiving_verbs",
    "agentive_passives",
    "possessing_verbs",
    "giving_verbs",
    "negating_prepositions",
    "abstaining_verbs",
    "claim_nouns",
    "frame_nouns",
    "frame_of_nouns",
    "locus_prepositions",
    "easing_verbs",
    "ordering_verbs",
    "preventing_verbs",
    "wishing_verbs",
    "deciding_verbs",
    "vowing_verbs",
    "solo_categories",
    "ousting_nouns",
    "disputing_verbs",
    "aspectual_verbs",
    "decision_nouns",
    "object_control_verbs",
    "particle_prepositions",
    "prospective_heads",
    "including_verbs",
    "copulas",
    "quantifiers",
    "requesting_verbs",
    "request_nouns",
    "asking_nouns",
    "act_anaphors",
    "obligation_modals",
    "protest_acts",
    "ruling_verbs",
    "alleging_verbs",
    "wrongdoing_verbs",
    "staging_verbs",
    "blocking_verbs",
    "blocked_ways",
    "asked_for_nouns",
    "protest_nouns",
    "labour_strike_nouns",
    "striker_actors",
    "striker_words",
    "rallying_preps",
    "share_nouns",
    "named_after_nouns",
    "performative_verbs",
    "performing_verbs",
)


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    """Quad class, sign and default intensity of a category."""

    quad_class: int | None
    sign: int
    intensity: float


@dataclass(frozen=True, slots=True)
class Trigger:
    """What one trigger word signals."""

    category: str
    mode: str | None = None
    intensity: float | None = None
    symmetric: bool = False
    direct_object: bool = True
    prep_first: bool = False  # a prepositional target replaces the object ("freed X from Y")
    reverse: bool = False
    patron: bool = False
    patron_is_head: bool = False
    negated_as: Trigger | None = None
    preps: Mapping[str, Trigger | None] = field(default_factory=dict)
    official_as: Trigger | None = None  # what the act is on a government's officials
    #: what the act is when its object is an actor itself, not a deed or a thing of one
    #: ("recognised Kosovo" is a recognition; "recognised the opposition's victory" a concession)
    actor_as: Trigger | None = None


@dataclass(frozen=True, slots=True)
class Pattern:
    """A fixed multi-word pattern ("at war with") relating the actors around it."""

    tokens: tuple[str, ...]
    trigger: Trigger
    mutual: bool = False
    shared_target: bool = False


@dataclass(frozen=True)
class Lexicon:
    """All trigger data, ready for lookups by lemma."""

    categories: Mapping[str, CategoryInfo]
    verbs: Mapping[str, Trigger]
    phrasal: Mapping[tuple[str, str], Trigger]
    nouns: Mapping[str, Trigger]
    stance_nouns: Mapping[str, Trigger]
    adjectives: Mapping[str, Trigger]
    compounds: Mapping[str, Trigger]
    prepositions: Mapping[str, Trigger]
    patterns: tuple[Pattern, ...]
    light_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    irrealis_verbs: frozenset[str]
    modal_auxiliaries: frozenset[str]
    negations: frozenset[str]
    assets: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    instrument_verbs: frozenset[str] = frozenset()
    patient_nouns: frozenset[str] = frozenset()
    negating_verbs: frozenset[str] = frozenset()
    ending_verbs: frozenset[str] = frozenset()
    cutting_verbs: frozenset[str] = frozenset()
    cutting_nouns: frozenset[str] = frozenset()
    readying_nouns: frozenset[str] = frozenset()
    refusing_verbs: frozenset[str] = frozenset()
    withdrawn_benefits: frozenset[str] = frozenset()
    peacekeeping_words: frozenset[str] = frozenset()
    joint_verbs: frozenset[str] = frozenset()
    causing_verbs: frozenset[str] = frozenset()
    doing_nouns: frozenset[str] = frozenset()
    armed_goods: frozenset[str] = frozenset()
    intent_words: frozenset[str] = frozenset()
    announcing_verbs: frozenset[str] = frozenset()
    future_auxiliaries: frozenset[str] = frozenset()
    judging_verbs: frozenset[str] = frozenset()
    accusing_verbs: frozenset[str] = frozenset()
    regarding_verbs: frozenset[str] = frozenset()
    claiming_verbs: frozenset[str] = frozenset()
    souring_words: frozenset[str] = frozenset()
    purpose_done_verbs: frozenset[str] = frozenset()
    holding_verbs: frozenset[str] = frozenset()
    deed_verbs: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    agentive_passives: frozenset[str] = frozenset()
    possessing_verbs: frozenset[str] = frozenset()
    giving_verbs: frozenset[str] = frozenset()
    negating_prepositions: frozenset[str] = frozenset()
    abstaining_verbs: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    frame_nouns: frozenset[str] = frozenset()
    frame_of_nouns: frozenset[str] = frozenset()
    locus_prepositions: frozenset[str] = frozenset()
    easing_verbs: frozenset[str] = frozenset()
    ordering_verbs: frozenset[str] = frozenset()
    preventing_verbs: frozenset[str] = frozenset()
    wishing_verbs: frozenset[str] = frozenset()
    deciding_verbs: frozenset[str] = frozenset()
    vowing_verbs: frozenset[str] = frozenset()
    solo_categories: frozenset[str] = frozenset()
    ousting_nouns: frozenset[str] = frozenset()
    disputing_verbs: frozenset[str] = frozenset()
    aspectual_verbs: frozenset[str] = frozenset()
    decision_nouns: frozenset[str] = frozenset()
    object_control_verbs: frozenset[str] = frozenset()
    particle_prepositions: frozenset[str] = frozenset()
    prospective_heads: frozenset[str] = frozenset()
    including_verbs: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    quantifiers: frozenset[str] = frozenset()
    responses: Mapping[str, Trigger] = field(default_factory=dict)
    cut_as: Mapping[str, Trigger] = field(default_factory=dict)
    refused_as: Mapping[str, Trigger] = field(default_factory=dict)
    withdrawn_as: Mapping[str, Trigger] = field(default_factory=dict)
    peacekept_as: Mapping[str, Trigger] = field(default_factory=dict)
    eased_as: Mapping[str, Trigger] = field(default_factory=dict)
    wielded_as: Mapping[str, Trigger] = field(default_factory=dict)
    requesting_verbs: frozenset[str] = frozenset()
    request_nouns: frozenset[str] = frozenset()
    asking_nouns: frozenset[str] = frozenset()
    act_anaphors: frozenset[str] = frozenset()
    obligation_modals: frozenset[str] = frozenset()
    protest_acts: frozenset[str] = frozenset()
    ruling_verbs: frozenset[str] = frozenset()
    alleging_verbs: frozenset[str] = frozenset()
    wrongdoing_verbs: frozenset[str] = frozenset()
    staging_verbs: frozenset[str] = frozenset()
    blocking_verbs: frozenset[str] = frozenset()
    blocked_ways: frozenset[str] = frozenset()
    asked_for_nouns: frozenset[str] = frozenset()
    protest_nouns: frozenset[str] = frozenset()
    labour_strike_nouns: frozenset[str] = frozenset()
    striker_actors: frozenset[str] = frozenset()
    striker_words: frozenset[str] = frozenset()
    rallying_preps: frozenset[str] = frozenset()
    share_nouns: frozenset[str] = frozenset()
    named_after_nouns: frozenset[str] = frozenset()
    performative_verbs: frozenset[str] = frozenset()
    performing_verbs: frozenset[str] = frozenset()

    def info(self, trigger: Trigger) -> CategoryInfo:
        """Category info of the trigger's mode when the lexicon gives it one ("REQUEST/appeal":
        asking someone to act is no demand), else of its category; the trigger's own
        intensity when it sets one."""
        base = self.categories.get(f"{trigger.category}/{trigger.mode}") if trigger.mode else None
        base = base or self.categories[trigger.category]
        if trigger.intensity is None:
            return base
        return CategoryInfo(base.quad_class, base.sign, trigger.intensity)


def _parse_trigger(value: Any, path: Path, key: str) -> Trigger:
    if isinstance(value, str):
        value = {"category": value}
    if not isinstance(value, Mapping):
        raise LexiconError(
            Messages.LEXICON_ENTRY.format(path=path, entry=key, reason="not a mapping")
        )
    data = dict(value)
    category = str(data.pop("category", ""))
    if "/" in category:
        category, data["mode"] = category.split("/", 1)
    if category not in CATEGORIES:
        raise LexiconError(
            Messages.LEXICON_ENTRY.format(
                path=path, entry=key, reason=f"unknown category {category!r}"
            )
        )
    preps: dict[str, Trigger | None] = {}
    for prep, sub in (data.pop("preps", None) or {}).items():
        if isinstance(prep, bool):
            prep = "on" if prep else "off"  # YAML 1.1 reads a bare `on:` key as true
        preps[str(prep)] = None if sub is None else _parse_trigger(sub, path, f"{key}.{prep}")
    negated_as = data.pop("negated_as", None)
    official_as = data.pop("official_as", None)
    actor_as = data.pop("actor_as", None)
    known = {
        "mode",
        "intensity",
        "symmetric",
        "direct_object",
        "prep_first",
        "reverse",
        "patron",
        "patron_is_head",
    }
    unknown = set(data) - known - {"mutual", "shared_target", "tokens"}
    if unknown:
        raise LexiconError(
            Messages.LEXICON_ENTRY.format(
                path=path, entry=key, reason=f"unknown field(s) {sorted(unknown)}"
            )
        )
    intensity = data.get("intensity")
    if intensity is not None and not -10 <= float(intensity) <= 10:
        raise LexiconError(
            Messages.LEXICON_ENTRY.format(path=path, entry=key, reason="intensity outside -10..10")
        )
    return Trigger(
        category=category,
        mode=data.get("mode"),
        intensity=None if intensity is None else float(intensity),
        symmetric=bool(data.get("symmetric", False)),
        direct_object=bool(data.get("direct_object", True)),
        prep_first=bool(data.get("prep_first", False)),
        reverse=bool(data.get("reverse", False)),
        patron=bool(data.get("patron", False)),
        patron_is_head=bool(data.get("patron_is_head", False)),
        negated_as=None if negated_as is None else _parse_trigger(negated_as, path, f"{key}!"),
        preps=preps,
        official_as=(None if official_as is None else _parse_trigger(official_as, path, f"{key}@")),
        actor_as=None if actor_as is None else _parse_trigger(actor_as, path, f"{key}^"),
    )


@lru_cache(maxsize=8)
def load_lexicon(paths: tuple[str, ...] = (), *, defaults: bool = True) -> Lexicon:
    """Load the bundled lexicon and the user's files over it (cached).

    Args:
        paths: user YAML files, applied in order; each may set any section.
        defaults: start from the bundled lexicon.

    Raises:
        LexiconError: naming the file and the entry at fault.
    """
    bundled = [DEFAULT_LEXICON, RELATION_WORDS]
    if defaults:
        layers = lexicon_layers(bundled, paths)
    else:
        layers = user_layers(paths, [p.stem for p in bundled])
    files = [p for p, _ in layers]
    raw: dict[str, dict[str, tuple[Any, Path]]] = {s: {} for s in (*_SECTIONS, "categories")}
    lists = merge_word_lists(layers, _LISTS)
    patterns: list[Pattern] = []
    for path, data in layers:
        for section in (*_SECTIONS, "categories"):
            for key, value in (data.get(section) or {}).items():
                if value is None:
                    raw[section].pop(str(key), None)
                else:
                    raw[section][str(key)] = (value, path)
        for i, item in enumerate(data.get("patterns") or ()):
            key = f"patterns[{i}]"
            if not isinstance(item, Mapping) or not item.get("tokens"):
                raise LexiconError(
                    Messages.LEXICON_ENTRY.format(path=path, entry=key, reason="needs tokens")
                )
            patterns.append(
                Pattern(
                    tokens=tuple(str(t).lower() for t in item["tokens"]),
                    trigger=_parse_trigger(item, path, key),
                    mutual=bool(item.get("mutual", False)),
                    shared_target=bool(item.get("shared_target", False)),
                )
            )
    categories: dict[str, CategoryInfo] = {}
    for name, (value, path) in raw["categories"].items():
        if name.split("/", 1)[0] not in CATEGORIES:
            raise LexiconError(
                Messages.LEXICON_ENTRY.format(path=path, entry=name, reason="unknown category")
            )
        categories[name] = CategoryInfo(
            value.get("quad_class"), int(value["sign"]), float(value["intensity"])
        )
    missing = set(CATEGORIES) - set(categories)
    if missing:
        raise LexiconError(f"{files[0]}: categories missing: {sorted(missing)}")

    def parsed(name: str) -> dict[str, Trigger]:
        return {k: _parse_trigger(v, p, k) for k, (v, p) in raw[name].items()}

    phrasal: dict[tuple[str, str], Trigger] = {}
    for key, trig in parsed("phrasal").items():
        verb, _, particle = key.partition(" ")
        phrasal[(verb, particle)] = trig
    return Lexicon(
        categories=categories,
        verbs=parsed("verbs"),
        phrasal=phrasal,
        nouns=parsed("nouns"),
        stance_nouns=parsed("stance_nouns"),
        adjectives=parsed("adjectives"),
        compounds=parsed("compounds"),
        prepositions=parsed("prepositions"),
        responses=parsed("responses"),
        cut_as=parsed("cut_as"),
        refused_as=parsed("refused_as"),
        withdrawn_as=parsed("withdrawn_as"),
        peacekept_as=parsed("peacekept_as"),
        eased_as=parsed("eased_as"),
        wielded_as=parsed("wielded_as"),
        patterns=tuple(patterns),
        **lists,
    )
