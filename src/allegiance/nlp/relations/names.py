"""The registered names of the built-in constructions, in the order they run per token."""

from __future__ import annotations

from .registry import construction_name

PARTICLE_VERB = construction_name("particle_verb")
VERB = construction_name("verb")
PASSIVE_AGENT = construction_name("passive_agent")
EVENT_NOUN = construction_name("event_noun")
RECEIVED_EVENT = construction_name("received_event")
RECEIVED_SUPPORT = construction_name("received_support")
STANCE_NOUN = construction_name("stance_noun")
REGARDED_AS = construction_name("regarded_as")
ADJECTIVE = construction_name("adjective")
COMPOUND = construction_name("compound")
PREPOSITION = construction_name("preposition")
INSTRUMENTS = construction_name("instruments")
ASSET_TARGETS = construction_name("asset_targets")
PATTERN = construction_name("pattern")
REQUEST_CLAUSE = construction_name("request_clause")
RESPONSE = construction_name("response")
DENIED_CLAIM = construction_name("denied_claim")
REQUESTED_ACT = construction_name("requested_act")
RULING = construction_name("ruling")
SOLO_ACT = construction_name("solo_act")

#: token constructions, called for each token in this order
DEFAULT_CONSTRUCTIONS = (
    PARTICLE_VERB,
    VERB,
    EVENT_NOUN,
    STANCE_NOUN,
    ADJECTIVE,
    COMPOUND,
    PREPOSITION,
    PATTERN,
    REQUEST_CLAUSE,
    REQUESTED_ACT,
    RESPONSE,
    DENIED_CLAIM,
    RULING,
)
#: readings, tried by the token constructions inside their argument reading
READINGS = (
    PASSIVE_AGENT,
    RECEIVED_EVENT,
    RECEIVED_SUPPORT,
    REGARDED_AS,
    INSTRUMENTS,
    ASSET_TARGETS,
    SOLO_ACT,  # one-actor events (``Act`` records), read after a sentence's relations
)
