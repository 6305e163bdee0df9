"""Reference data (references.yaml): pronoun families are data read by every component."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.errors import LexiconError
from allegiance.nlp.extensions import ACTORS_KEY
from allegiance.nlp.references import Resolver, load_references, pronouns

# every family the actor, quote and relation components read
FAMILIES = (
    "speaker",
    "we",
    "addressee",
    "they",
    "person",
    "it",
    "controllable",
    "speaker_subjects",
    "group_heads",
    "government_heads",
    "organ_heads",
)


@pytest.mark.parametrize("name", FAMILIES)
def test_bundled_data_names_every_family_the_code_reads(name: str) -> None:
    assert pronouns(name), name


def test_bundled_families_keep_first_person_apart_from_they() -> None:
    data = load_references()
    assert {"we", "our", "i"} <= data.first_person
    assert not data.first_person & data.family("they")
    assert {"the", "these"} <= data.definite


def test_a_user_file_replaces_one_family_and_keeps_the_others(tmp_path: Path) -> None:
    user = tmp_path / "refs.yaml"
    user.write_text("pronoun_sets:\n  we: [we, us]\n", encoding="utf-8")
    data = load_references((str(user),))
    assert data.family("we") == {"we", "us"}
    assert data.family("they") == load_references().family("they")


@pytest.mark.parametrize(
    "body", ["pronoun_sets: [we, us]\n", "pronoun_sets:\n  we: we\n"], ids=["list", "string"]
)
def test_a_malformed_family_names_the_file(tmp_path: Path, body: str) -> None:
    user = tmp_path / "bad_refs.yaml"
    user.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError, match="bad_refs.yaml"):
        load_references((str(user),))


def _resolve(nlp, text: str, word: str, data) -> list[str]:
    doc = nlp(text)
    resolver = Resolver(doc, doc.spans[ACTORS_KEY], data)
    token = next(t for t in doc if t.lower_ == word)
    return [a.actor.actor_id for a in resolver.resolve(token)]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("The United States urged Russia to stop its bombing of Aleppo.", "RUS"),
        ("France called on Iran to end its support for the militias.", "IRN"),
        ("Turkey pressed Iraq to close its border crossings.", "IRQ"),
    ],
)
def test_the_controllable_family_decides_who_is_asked_to_act(
    nlp, tmp_path: Path, text: str, asked: str
) -> None:
    assert _resolve(nlp, text, "its", load_references()) == [asked]
    user = tmp_path / "refs.yaml"
    user.write_text("pronoun_sets:\n  controllable: []\n", encoding="utf-8")
    # without the family, "its" follows the subject as any other pronoun does
    assert _resolve(nlp, text, "its", load_references((str(user),))) != [asked]


def test_every_typed_pronoun_belongs_to_a_family() -> None:
    # a pronoun given actor types but in no family would resolve without the family's rules
    data = load_references()
    families = frozenset().union(
        *(data.family(k) for k in ("speaker", "we", "they", "person", "it"))
    )
    assert set(data.pronouns) <= families, set(data.pronouns) - families


def _first_person(doc) -> dict[str, str]:
    """The actor each first-person plural pronoun names, mention or argument reference."""
    from allegiance.nlp.extensions import argument_spans

    return {
        f"{s.text}@{s.start_char}": s._.actor.actor_id
        for s in argument_spans(doc)
        if s.root.lower_ in {"we", "our", "us"}
    }


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # an organisation speaks for itself (diplomacy)
        (
            'Turkey has shelled positions of the Syrian Kurdish militia. "We will not allow a'
            ' terror corridor on our border," the Turkish Foreign Ministry said.',
            "TUR.GOV",
        ),
        # a person for their affiliation (politics)
        (
            'Russian forces attacked Kiev on Monday. "We will defend our country," Ukrainian'
            " President Volodymyr Zelensky said.",
            "UKR.GOV",
        ),
        # the nearest name before the quote is the enemy, not the speaker (protest, embassy)
        (
            'Protesters stormed the compound in Baghdad. "We condemn the attack on our'
            ' embassy," the U.S. State Department said on Tuesday.',
            "USA.STATE",
        ),
    ],
    ids=["ministry", "president", "embassy"],
)
def test_a_quoted_we_is_the_side_its_speaker_speaks_for(nlp, text: str, side: str) -> None:
    found = _first_person(nlp(text))
    assert found and set(found.values()) == {side}, found


def test_we_outside_quotes_and_of_unknown_speakers_is_not_a_speaker_reference(nlp) -> None:
    from allegiance.nlp.extensions import argument_spans
    from allegiance.nlp.references import SPEAKER_REFERENCE

    doc = nlp(
        'The union rejected the offer from Boeing. "Our members will strike," the union said.'
        " We reported on Monday that the talks had failed."
    )
    assert not [s for s in argument_spans(doc) if s.id_ == SPEAKER_REFERENCE]


def _pronoun_actors(doc, word: str) -> set[str]:
    return {s._.actor.actor_id for s in doc.spans[ACTORS_KEY] if s.text == word}


@pytest.mark.parametrize(
    ("text", "wanted", "not_wanted"),
    [
        # the kind named in the pronoun's own sentence limits it (security, two domains)
        (
            'There is no difference between Hezbollah and the Islamic State. "If we see'
            ' militias in our area, we will fight them," the Lebanese army commander said.',
            "HEZBOLLAH",
            "ISIL",
        ),
        (
            'The Houthis and Saudi troops clashed near the border. "If we find soldiers in our'
            ' villages, we will shoot them," a Houthi commander said.',
            "SAU.MIL",
            "HOUTHIS",
        ),
        # must not fire: the sentence names the actors before the kind ("their troops")
        (
            "Iran and Russia sent troops to Syria, and they attacked the rebels in Aleppo.",
            "RUS",
            "GEN.REBELS",
        ),
    ],
    ids=["militias", "soldiers", "actors-before-kind"],
)
def test_a_plural_pronoun_follows_a_kind_its_own_sentence_names(nlp, text, wanted, not_wanted):
    word = "they" if " they " in text else "them"
    found = _pronoun_actors(nlp(text), word)
    assert wanted in found and not_wanted not in found, found


def test_they_may_be_the_us_spelled_like_the_pronoun_us(nlp) -> None:
    doc = nlp("The US and Iran both back the war on ISIL, and they both send advisers to Baghdad.")
    found = _pronoun_actors(doc, "they")
    assert "USA" in found and "ISIL" not in found, found


def _actor_of(nlp, text: str, phrase: str) -> list[str]:
    doc = nlp(text)
    return [s._.actor.actor_id for s in doc.spans[ACTORS_KEY] if s.text == phrase]


@pytest.mark.parametrize(
    ("text", "phrase", "actor"),
    [
        # protest, a coup, courts: an organ named bare is the state in question's
        (
            "Kenyan police fired tear gas at protesters. The Supreme Court later ordered the "
            "release of the detained activists.",
            "The Supreme Court",
            "KEN.JUD",
        ),
        ("Thailand's prime minister resigned. The army then seized power.", "The army", "THA.MIL"),
        (
            "Venezuela jailed two activists. The opposition called for protests.",
            "The opposition",
            "VEN.OPP",
        ),
    ],
)
def test_a_bare_organ_is_that_of_the_state_in_question(nlp, text, phrase, actor) -> None:
    assert _actor_of(nlp, text, phrase) == [actor]


def test_a_bare_organ_with_no_state_in_question_is_no_actor(nlp) -> None:
    assert _actor_of(nlp, "The army said it had killed 20 militants.", "The army") == []


@pytest.mark.parametrize(
    ("text", "they"),
    [
        # a state named by a singular name is "it": "they" is the group named before
        (
            "Turkey accused the Kurdish militants of the bombing. Ankara said they would pay.",
            "KURDS.REB",
        ),
        (
            "Israel blamed Hamas for the attack. Washington said they must free the hostages.",
            "HAMAS",
        ),
        # plural names and coordinated states stay "they"
        ("Iraqi forces entered Mosul. They fought ISIS for months.", "IRQ.MIL"),
        ("The United States and Britain condemned the coup. They called for talks.", "USA"),
    ],
)
def test_they_is_not_a_state_named_in_the_singular(nlp, text, they) -> None:
    doc = nlp(text)
    assert [s._.actor.actor_id for s in doc.spans[ACTORS_KEY] if s.text.lower() == "they"] == [they]


def _pronoun_ids(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {
        s.text.lower(): s._.actor.actor_id
        for s in doc.spans[ACTORS_KEY]
        if doc[s.start].pos_ == "PRON"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # diplomacy, a phone call, a meeting: the subject goes on, the object is another
        (
            "Biden called Netanyahu on Sunday. He urged him to allow more aid into Gaza.",
            {"he": "PER.JOE_BIDEN", "him": "PER.BENJAMIN_NETANYAHU"},
        ),
        (
            "Xi Jinping met Lula in Beijing. Lula thanked his host and invited him to visit.",
            {"him": "PER.XI_JINPING"},
        ),
        # the knowledge base's full name gives the gender ("Merkel": Angela Merkel)
        (
            "Merkel met Macron in Paris. She told him that Germany would support France.",
            {"she": "PER.ANGELA_MERKEL", "him": "PER.EMMANUEL_MACRON"},
        ),
    ],
)
def test_subject_and_object_pronouns_of_two_people(nlp, text, expected) -> None:
    found = _pronoun_ids(nlp, text)
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "organ", "actor_id"),
    [
        # politics: the bare organ of its own clause subject's state is that state's
        (
            "Kenya's government accused the opposition of inciting violence.",
            "the opposition",
            "KEN.OPP",
        ),
        ("The Turkish president said the court had no authority.", "court", "TUR.JUD"),
        (
            "Hungary's ruling party told the parliament to approve the budget.",
            "parliament",
            "HUN.LEG",
        ),
    ],
)
def test_a_bare_organ_of_the_subjects_own_state(nlp, text, organ, actor_id):
    doc = nlp(text)
    got = [(s.text, s._.actor.actor_id) for s in doc.spans["actors"]]
    assert (organ, actor_id) in got, got


def test_the_regime_is_never_its_own_subjects_state(nlp):
    # must not fire: "the regime" pressed by Russia is not Russia's
    doc = nlp("Russia has a special responsibility to press the regime to end its offensive.")
    assert "RUS.GOV" not in [s._.actor.actor_id for s in doc.spans["actors"]]
