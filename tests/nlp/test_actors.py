"""The actor mention component: KB matches, compounds, metonyms, places, fuzzy, NER, coreference."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from allegiance.nlp.actors import FACTORY, ActorRecognizer
from allegiance.nlp.extensions import ACTORS_KEY
from allegiance.nlp.model import DEFAULT_MODELS
from allegiance.nlp.references import FACTORY as REFERENCES


def _fresh_model() -> Language:
    # A private copy: the cached base model is shared with other components' tests.
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no spaCy English model installed")


@pytest.fixture(scope="module")
def nlp() -> Language:
    model = _fresh_model()
    model.add_pipe(FACTORY)
    model.add_pipe(REFERENCES)  # surnames, pronouns and descriptions
    return model


def mentions(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s._.actor.actor_id, s._.actor.resolved_by) for s in doc.spans[ACTORS_KEY]]


def ids(nlp: Language, text: str) -> dict[str, str]:
    return {t: a for t, a, _ in mentions(nlp, text)}


@pytest.mark.parametrize(
    ("text", "phrase", "actor_id"),
    [
        ("Iranian troops crossed the border on Monday.", "Iranian troops", "IRN.MIL"),
        ("U.S. advisers trained the recruits.", "U.S. advisers", "USA.MIL"),
        ("Iraqi Army soldiers stormed the building.", "Iraqi Army soldiers", "IRQ.MIL"),
        (
            "Kurdish Peshmerga fighters repelled the attack.",
            "Kurdish Peshmerga fighters",
            "KRG.PESHMERGA",
        ),
        ("The Turkish government condemned the strike.", "Turkish government", "TUR.GOV"),
        ("Shia militias have expanded their influence.", "Shia militias", "SHIA.MILITIA"),
        ("American forces withdrew from the base.", "American forces", "USA.MIL"),
        ("Iraq's army retook the town.", "Iraq's army", "IRQ.MIL"),
        ("The US-led coalition launched airstrikes.", "US-led coalition", "COALITION"),
        ("The Syrian regime denied the report.", "Syrian regime", "SYR.GOV"),
        ("The government of Iraq welcomed the decision.", "government of Iraq", "IRQ.GOV"),
        ("Syrian opposition forces advanced.", "Syrian opposition forces", "SYR.REB"),
        # the political opposition is no armed group: elections, diplomacy, dissent
        ("Kenya's opposition rejected the results.", "Kenya's opposition", "KEN.OPP"),
        ("The Belarusian opposition called for protests.", "Belarusian opposition", "BLR.OPP"),
        ("Russian dissidents met in Vilnius.", "Russian dissidents", "RUS.OPP"),
        ("Syrian opposition fighters attacked ISIL.", "Syrian opposition fighters", "SYR.REB"),
        ("Iraqi police officers arrested him.", "Iraqi police officers", "IRQ.POL"),
    ],
)
def test_compounds_resolve_to_sub_actors(
    nlp: Language, text: str, phrase: str, actor_id: str
) -> None:
    found = ids(nlp, text)
    assert found.get(phrase) == actor_id, found


def test_span_attributes(nlp: Language) -> None:
    doc = nlp("Iranian troops crossed the border.")
    span = doc.spans[ACTORS_KEY][0]
    assert span.label_ == "military" and span.kb_id_ == "IRN.MIL"
    ref = span._.actor
    assert (ref.actor_name, ref.country, ref.parent_id, ref.resolved_by) == (
        "Iranian armed forces",
        "IRN",
        "IRN",
        "kb",
    )
    assert 0 < ref.confidence <= 1


def test_kb_matches_are_tolerant_of_case_and_punctuation(nlp: Language) -> None:
    found = ids(
        nlp, "DAESH and Da’esh and the US and the U.S. all appeared, as did Hashd al-Shaabi."
    )
    assert found["DAESH"] == found["Da’esh"] == "ISIL"
    assert found["US"] == found["U.S."] == "USA"
    assert found["Hashd al-Shaabi"] == "PMF"


def test_pronoun_us_and_verb_is_are_not_actors(nlp: Language) -> None:
    found = mentions(nlp, "This is what it is, and it gives us hope.")
    assert all(a not in {"USA", "ISIL"} for _, a, _ in found)


def test_longest_match_wins(nlp: Language) -> None:
    found = ids(nlp, "The Islamic Revolutionary Guard Corps Quds Force is elite.")
    assert "Quds Force" in found or any(a.startswith("IRN.IRGC") for a in found.values())
    found = ids(nlp, "U.S. Central Command said so.")
    assert found == {"U.S. Central Command": "USA.CENTCOM"}


@pytest.mark.parametrize(
    ("text", "phrase", "actor_id"),
    [
        ("Washington imposed new sanctions on Monday.", "Washington", "USA.GOV"),
        ("Tehran rejected the proposal.", "Tehran", "IRN.GOV"),
        ("Baghdad and Erbil reached a deal over oil.", "Erbil", "KRG"),
        ("The Kremlin denied it.", "Kremlin", "RUS.GOV"),
    ],
)
def test_metonyms_name_governments(nlp: Language, text: str, phrase: str, actor_id: str) -> None:
    assert ids(nlp, text).get(phrase) == actor_id


@pytest.mark.parametrize(
    "text",
    [
        "The delegation arrived in Baghdad on Sunday.",
        "Fighters travelled from Syria to Iraq last year.",
        "The talks took place in Tehran and Moscow.",
    ],
)
def test_places_are_not_actors(nlp: Language, text: str) -> None:
    found = ids(nlp, text)
    assert not {"IRQ", "SYR", "IRQ.GOV", "IRN.GOV", "RUS.GOV"} & set(found.values()), found


@pytest.mark.parametrize(
    ("text", "phrase", "actor_id"),
    [
        ("Argentina has apologized to Brazil for the incident.", "Brazil", "BRA"),
        ("Ukraine appealed to Germany for more air defence.", "Germany", "DEU"),
        ("Mexico complained to the United States about the tariffs.", "United States", "USA"),
    ],
)
def test_whom_one_speaks_to_is_an_actor(
    nlp: Language, text: str, phrase: str, actor_id: str
) -> None:
    # "to" after a verb of address names a party; after a verb of motion a place
    assert ids(nlp, text).get(phrase) == actor_id
    assert "BRA" not in ids(nlp, "The delegation travelled to Brazil on Monday.").values()


@pytest.mark.parametrize(
    ("text", "phrase", "actor_id"),
    [
        # a country's companies and gangs are not the state
        (
            "Australian wine exporters welcomed the decision.",
            "Australian wine exporters",
            "AUS.BUS",
        ),
        ("Iranian oil companies signed deals.", "Iranian oil companies", "IRN.BUS"),
        ("Haitian gangs attacked police stations.", "Haitian gangs", "HTI.MILITIA"),
        ("Mexican drug cartels killed two soldiers.", "Mexican drug cartels", "MEX.MILITIA"),
        # a noun naming the trade inside an organ: still the organ
        ("The Iraqi oil ministry accused Turkey.", "Iraqi oil ministry", "IRQ.GOV"),
    ],
)
def test_a_countrys_companies_and_gangs(
    nlp: Language, text: str, phrase: str, actor_id: str
) -> None:
    assert ids(nlp, text).get(phrase) == actor_id, ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "phrase", "actor_id"),
    [
        ("China is hostile to Japan.", "Japan", "JPN"),  # diplomacy
        ("The militia remains loyal to Tehran.", "Tehran", "IRN.GOV"),  # conflict
        ("The senator is opposed to Turkey.", "Turkey", "TUR"),  # politics
    ],
)
def test_whom_a_stance_is_toward_is_an_actor(
    nlp: Language, text: str, phrase: str, actor_id: str
) -> None:
    # "to" after a stance adjective names a party; "close to Baghdad" stays a place
    assert ids(nlp, text).get(phrase) == actor_id
    assert "IRQ.GOV" not in ids(nlp, "The hospital is close to Baghdad.").values()


@pytest.mark.parametrize(
    ("text", "phrase", "actor_id"),
    [
        ("Police in Nairobi fired tear gas at the crowd.", "Police in Nairobi", "KEN.POL"),
        ("Demonstrators in Baghdad blocked a road.", "Demonstrators in Baghdad", "IRQ.CVL"),
        ("Officials in Beijing rejected the report.", "Officials in Beijing", "CHN.GOV"),
        ("Lawmakers in Ukraine approved the bill.", "Lawmakers in Ukraine", "UKR.LEG"),
    ],
)
def test_agents_named_by_where_they_are(
    nlp: Language, text: str, phrase: str, actor_id: str
) -> None:
    assert ids(nlp, text).get(phrase) == actor_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops are often another state's; a demonym or name of their own decides
        ("The troops in Iraq came under fire.", {}),
        ("American troops in Iraq came under fire.", {"American troops": "USA.MIL"}),
        ("US officials in Baghdad met the press.", {"US officials": "USA.GOV"}),
        # an envoy serves abroad; a possessor says whose
        ("The ambassador in Manila was summoned.", {}),
        ("France said its officials in Baghdad were safe.", {"France": "FRA"}),
    ],
)
def test_agents_in_a_place_with_their_own_origin(
    nlp: Language, text: str, expected: dict[str, str]
) -> None:
    assert ids(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group's members are the group, one mention
        ("Norway hosted the FARC rebels in Oslo.", {"Norway": "NOR", "FARC rebels": "FARC"}),
        ("Greenpeace activists boarded the platform.", {"Greenpeace activists": "NER:greenpeace"}),
        # a company's workers are not the company; a state's rebels are the state's
        ("Amazon workers walked out.", {"Amazon": "NER:amazon", "workers": "GEN.LABOR"}),
        ("Syrian rebels attacked the town.", {"Syrian rebels": "SYR.REB"}),
    ],
)
def test_members_named_by_their_group(nlp: Language, text: str, expected: dict[str, str]) -> None:
    assert ids(nlp, text) == expected


def test_country_as_agent_is_an_actor(nlp: Language) -> None:
    found = ids(nlp, "Iran backs the militias, and Russia's support for Damascus is firm.")
    assert found.get("Iran") == "IRN"
    assert found.get("Russia") == "RUS"


def test_bare_demonym_before_a_place_is_not_an_actor(nlp: Language) -> None:
    found = ids(nlp, "Fighting continued in the Iraqi city of Mosul.")
    assert "IRQ" not in found.values()


def test_fuzzy_variant(nlp: Language) -> None:
    found = mentions(nlp, "General Qasem Soleymani visited the front line near Mosul.")
    hits = [m for m in found if m[1] == "PER.QASSEM_SOLEIMANI"]
    assert hits and hits[0][2] == "fuzzy"


def test_ner_fallback_gives_provisional_actors(nlp: Language) -> None:
    doc = nlp(
        "The Zarqawi Reconstruction Trust signed an agreement with Acme Dynamics Corporation."
    )
    refs = [s._.actor for s in doc.spans[ACTORS_KEY]]
    assert refs and all(r.resolved_by in {"ner", "kb"} for r in refs)
    ner = [r for r in refs if r.resolved_by == "ner"]
    assert ner and all(r.actor_id.startswith("NER:") and r.confidence < 0.9 for r in ner)


def test_ner_fallback_can_be_switched_off() -> None:
    model = _fresh_model()
    model.add_pipe(FACTORY, config={"use_ner": False})
    doc = model("Acme Dynamics Corporation signed an agreement with Daesh.")
    assert {s._.actor.resolved_by for s in doc.spans[ACTORS_KEY]} == {"kb"}


def test_surname_coreference_after_full_name(nlp: Language) -> None:
    text = (
        "Pentagon spokesman Maj. Adrian Rankine-Galloway said the strike was lawful. "
        "Galloway added that the review was complete."
    )
    found = mentions(nlp, text)
    full = [m for m in found if "Adrian Rankine-Galloway" in m[0]]
    assert full and "Maj. Adrian Rankine-Galloway" in full[0][0]
    short = [m for m in found if m[0] == "Galloway"]
    assert short and short[0][1] == full[0][1] and short[0][2] == "coref"
    assert any(t.startswith("Pentagon") and a == "USA.DOD" for t, a, _ in found)


def test_surname_coreference_for_another_name(nlp: Language) -> None:
    found = mentions(
        nlp, "Moen Al Kadmi, a local councillor, spoke first. Later Kadmi left the room."
    )
    short = [m for m in found if m[0] == "Kadmi"]
    assert short and short[0][2] == "coref"


def test_acronym_defined_in_text(nlp: Language) -> None:
    text = "The Nineveh Reconstruction Fund (NRF) opened an office. The NRF hired staff."
    found = mentions(nlp, text)
    full = [m for m in found if "Nineveh Reconstruction Fund" in m[0]]
    acr = [m for m in found if m[0] == "NRF"]
    assert full and len(acr) == 2 and all(a[1] == full[0][1] and a[2] == "coref" for a in acr)


def test_titles_belong_to_the_person(nlp: Language) -> None:
    found = ids(nlp, "Defense Secretary Ash Carter met Iraqi Prime Minister Haider al-Abadi.")
    assert found.get("Defense Secretary Ash Carter") == "PER.ASHTON_CARTER"
    assert found.get("Iraqi Prime Minister Haider al-Abadi") == "PER.HAIDER_AL_ABADI"


def test_nothing_inside_ignored_ranges(nlp: Language) -> None:
    text = "Iranian troops advanced. Follow Reuters on Twitter for news about ISIS."
    doc = nlp.make_doc(text)
    cut = text.index("Follow")
    doc._.ignore = [(cut, len(text))]
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    spans = doc.spans[ACTORS_KEY]
    assert [s.text for s in spans] == ["Iranian troops"]


def test_mentions_do_not_overlap_and_are_ordered(nlp: Language) -> None:
    doc = nlp(
        "Iranian-backed militias and the Popular Mobilization Forces clashed with ISIS. "
        "The Pentagon said U.S. troops and Kurdish fighters helped the Iraqi Security Forces (ISF)."
    )
    spans = list(doc.spans[ACTORS_KEY])
    assert spans
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start


def test_pronoun_and_definite_description_coreference(nlp: Language) -> None:
    found = mentions(
        nlp,
        "Russian Foreign Minister Sergei Lavrov met Kerry. "
        "He urged the regime in Damascus to stop.",
    )
    he = [m for m in found if m[0] == "He"]
    assert he and he[0][2] == "coref" and he[0][1].startswith("PER.")


def test_user_kb_extends_the_component(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n- {id: ZEBRA, name: Zebra Front, type: rebel, aliases: [Zebra Front]}\n",
        encoding="utf-8",
    )
    model = _fresh_model()
    model.add_pipe(FACTORY, config={"kb_paths": [str(path)]})
    doc = model("The Zebra Front attacked a convoy.")
    assert [s.kb_id_ for s in doc.spans[ACTORS_KEY]] == ["ZEBRA"]


def test_to_disk_and_from_disk_round_trip(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "actors:\n- {id: ZEBRA, name: Zebra Front, type: rebel, aliases: [Zebra Front]}\n",
        encoding="utf-8",
    )
    model = _fresh_model()
    comp = model.add_pipe(FACTORY, config={"kb_paths": [str(user)], "fuzzy_cutoff": 95})
    assert isinstance(comp, ActorRecognizer)
    comp.to_disk(tmp_path / "saved")
    user.unlink()  # the saved copy must not depend on the original file
    other = ActorRecognizer(model, FACTORY).from_disk(tmp_path / "saved")
    assert other.fuzzy_cutoff == 95
    doc = other(model("The Zebra Front attacked a convoy."))
    assert [s.kb_id_ for s in doc.spans[ACTORS_KEY]] == ["ZEBRA"]


def test_the_government_of_a_coordinated_of_complement(nlp):
    doc = nlp("The U.S. reaffirms its commitment to support the government and people of Iraq.")
    gov = [s for s in doc.spans["actors"] if s.text == "the government"]
    assert gov and gov[0]._.actor.actor_id == "IRQ.GOV"
