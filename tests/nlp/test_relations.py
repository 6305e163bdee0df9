"""Relation extraction, one construction per test, on sentences from real reporting."""

from __future__ import annotations

import pytest

from allegiance.lexicon import load_lexicon
from allegiance.schema import CATEGORIES


def _family(actor_id: str | None) -> str:
    return (actor_id or "").split(".")[0]


def relations(nlp, text):
    return nlp(text)._.relations


def find(rels, source, target, *, categories=None):
    """Relations between actor families (either order for symmetric ones)."""
    out = []
    for r in rels:
        pair = (_family(r.source.actor_id), _family(r.target.actor_id))
        if pair == (source, target) or (r.symmetric and pair == (target, source)):
            if categories is None or r.category in categories:
                out.append(r)
    return out


CASES = [
    # (construction, sentence, source family, target family, categories, negated, hypothetical)
    (
        "passive",
        "ISIS was driven out by Kurdish Peshmerga forces.",
        "KRG",
        "ISIL",
        {"ASSAULT"},
        False,
        False,
    ),
    (
        "svo coordination",
        "Iran has been arming and supporting Iraqi army and Shia militia "
        "operations in Diyala province.",
        "IRN",
        "IRQ",
        {"AID", "SUPPORT"},
        False,
        False,
    ),
    (
        "adjectival backer",
        "But it is the Iranian-backed Shia militias who incite the most fear "
        "and hatred among coalition members.",
        "IRN",
        "SHIA",
        {"SUPPORT"},
        False,
        False,
    ),
    (
        "proxy",
        "The Shia militias, known as Popular Mobilization Forces, are seen as an Iranian proxy.",
        "IRN",
        "PMF",  # the text defines the militias as the PMF: one actor (issue 15)
        {"SUPPORT"},
        False,
        False,
    ),
    (
        "negated trust is distrust",
        "The Americans don’t trust the Iranians.",
        "USA",
        "IRN",
        {"OPPOSE"},
        False,
        False,
    ),
    (
        "negation",
        "He insisted that no American forces would be commanded by Iran.",
        "IRN",
        "USA",
        None,
        True,
        True,
    ),
    (
        "hypothetical",
        "If talks fail, the Shia militias could attack U.S. troops.",
        "SHIA",
        "USA",
        {"ASSAULT"},
        False,
        True,
    ),
    (
        "barring",
        "Baghdad has barred Shia militias from entering the city out of concern they "
        "would commit atrocities.",
        "IRQ",
        "SHIA",
        {"COERCE"},
        False,
        False,
    ),
    ("adverbial stance", "Turkey is warily watching Iran.", "TUR", "IRN", {"OPPOSE"}, False, False),
    (
        "noun with light verb",
        "Coalition military forces conducted 23 strikes using attack and "
        "fighter aircraft against ISIL targets.",
        "COALITION",
        "ISIL",
        {"ASSAULT", "OPPOSE"},
        False,
        False,
    ),
    (
        "event noun with possessor",
        "A series of precision U.S. airstrikes against al-Qaida "
        "operatives this week killed more than 20 militants.",
        "USA",
        "AQ",
        {"ASSAULT"},
        False,
        False,
    ),
    (
        "stance noun, mutual",
        "The United States and Iran are enemies.",
        "USA",
        "IRN",
        {"OPPOSE"},
        False,
        False,
    ),
    (
        "prepositional partner",
        "Iranian troops are embedded with the Iraqi army.",
        "IRN",
        "IRQ",
        {"COOPERATE"},
        False,
        False,
    ),
    (
        "object control: not allow",
        "Iraq will not allow ISIL to maintain capabilities that threaten the Coalition.",
        "IRQ",
        "ISIL",
        {"OPPOSE"},
        False,
        True,
    ),
    (
        "support received",
        "Syrian opposition forces liberated the town of Dabiq from ISIL control, aided by "
        "strong support from our ally Turkey.",
        "TUR",
        "SYR",
        {"SUPPORT"},
        False,
        False,
    ),
    (
        "bound possessive",
        "The U.S. reaffirms its commitment to support the government of Iraq.",
        "USA",
        "IRQ",
        {"SUPPORT"},
        False,
        True,
    ),
    (
        "event noun with its own agent",
        "The United States condemns the ISIL attack and other terrorist attacks against "
        "the Iraqi people.",
        "USA",
        "ISIL",
        {"ACCUSE"},
        False,
        False,
    ),
    (
        "commitment",
        "Iran is committed to the survival of president Bashar al-Assad’s regime.",
        "IRN",
        None,
        {"SUPPORT"},
        False,
        False,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_construction(nlp, case):
    _, text, source, target, categories, negated, hypothetical = case
    rels = relations(nlp, text)
    if source is None:
        hits = [r for r in rels if categories is None or r.category in categories]
    elif target is None:
        hits = [
            r
            for r in rels
            if _family(r.source.actor_id) == source
            and (categories is None or r.category in categories)
        ]
    else:
        hits = find(rels, source, target, categories=categories)
    assert hits, (
        f"no relation {source}->{target} in {[(r.source.text, r.category, r.target.text) for r in rels]}"
    )
    assert any(r.negated == negated and r.hypothetical == hypothetical for r in hits)


# the Fox News seed's paragraph on the militias, one sentence at a time below
MILITIAS_LEAD = (
    "But it is the Iranian-backed Shia militias who incite the most fear and hatred "
    "among coalition members. "
)


def test_purpose_of_a_past_use_is_done(nlp):
    text = MILITIAS_LEAD + (
        "And they have used the cover of fighting ISIS to slaughter Sunni civilians in the "
        "liberation of other cities."
    )
    hit = [r for r in relations(nlp, text) if r.trigger.text == "slaughter"]
    assert hit and hit[0].source.text == "they" and _family(hit[0].source.actor_id) == "SHIA"
    assert not hit[0].hypothetical


def test_event_noun_agent_is_not_the_condemning_subject(nlp):
    text = "The United States condemns other recent terrorist attacks against the Iraqi people."
    rels = relations(nlp, text)
    assert not find(rels, "USA", "IRQ"), [(r.source.text, r.target.text) for r in rels]


def test_object_pronoun_is_not_its_clause_subject(nlp):
    # binding: "them" is not "they"; the chain their -> they -> militias is followed
    text = MILITIAS_LEAD + (
        "It was their fighters who used Tehran-supplied IEDs to kill more than 500 U.S. "
        "troops. Kurdish fighters told FoxNews.com they do not trust them, either."
    )
    rels = relations(nlp, text)
    hit = find(rels, "KURDS", "SHIA", categories={"OPPOSE"})
    assert hit and hit[0].target.text == "them"
    kill = [r for r in rels if r.trigger.text == "kill"]
    assert kill and _family(kill[0].source.actor_id) == "SHIA" and not kill[0].hypothetical


def test_quoted_we_is_the_speakers_side(nlp):
    text = (
        "One Kurdish Peshmerga lieutenant general stationed near the Syrian border said "
        'there is "no difference between Shia militias and ISIS." Soleimani was not there. '
        '"If we see militias here in our area, we will kill them," he said.'
    )
    kill = [r for r in relations(nlp, text) if r.trigger.text == "kill"]
    assert kill and all(_family(r.source.actor_id) == "KRG" for r in kill), kill
    assert any(_family(r.target.actor_id) == "SHIA" and r.hypothetical for r in kill)


def test_misattached_conjunct_is_the_next_clause_subject(nlp):
    text = (
        "The Iranians work with the militias and the US only works with units under the "
        "control of Baghdad and Erbil."
    )
    rels = relations(nlp, text)
    assert not find(rels, "IRN", "USA") and not find(rels, "USA", "IRN")
    assert find(rels, "USA", "IRQ", categories={"COOPERATE"})
    assert find(rels, "USA", "KRG", categories={"COOPERATE"})


def test_they_takes_in_a_coordinated_antecedent_only_when_collective(nlp):
    both = relations(
        nlp,
        "The interests of the US and Iran are converging as they both back the war on a "
        "common enemy, ISIL, but for how long?",
    )
    assert find(both, "USA", "ISIL") and find(both, "IRN", "ISIL")
    assert not any(r.hypothetical for r in both)  # a statement, then a question
    kill = relations(
        nlp,
        'A Kurdish general said there is "no difference between Shia militias and ISIS." '
        '"If we see militias here, we will kill them," he said.',
    )
    assert not find(kill, "KRG", "ISIL", categories={"ASSAULT"})


def test_pattern_on_a_plain_noun_is_not_the_clause_subjects(nlp):
    text = (
        "The coalition's airstrikes delivered 24 munitions against ISIL targets, which "
        "include three tactical units and five supply routes in support of SDF operations."
    )
    rels = relations(nlp, text)
    assert not find(rels, "ISIL", "SDF", categories={"SUPPORT"})


def test_advisers_the_subject_has_are_its_forces(nlp):
    text = (
        "With the recent deployment of more than 600 troops, the U.S. has nearly 5,000 men "
        "and women on Iraqi soil and some 200 advisers deployed alongside Iraqi and Kurdish "
        "soldiers."
    )
    rels = relations(nlp, text)
    hit = find(rels, "USA", "IRQ", categories={"COOPERATE"})
    assert hit and hit[0].source.text == "advisers" and hit[0].source.actor_id == "USA.MIL"
    assert hit[0].target.actor_id == "IRQ.MIL"  # "Iraqi ... soldiers", not Iraq
    assert find(rels, "USA", "KURDS", categories={"COOPERATE"})


@pytest.mark.parametrize(
    "text",
    [
        "The Kurdish outpost came under attack from ISIL fighters.",
        "Iraqi forces received fire from ISIL fighters near the hospital.",
    ],
)
def test_received_attack_comes_from_the_attacker(nlp, text):
    rels = relations(nlp, text)
    hit = [r for r in rels if r.category == "ASSAULT"]
    assert hit and _family(hit[0].source.actor_id) == "ISIL", [
        (r.source.text, r.target.text) for r in rels
    ]


def test_involved_in_the_use_of_weapons_against(nlp):
    text = "Abu Jandal was involved in the use of suicide vehicles and chemical weapons against the SDF."
    rels = relations(nlp, text)
    assert any(r.source.text == "Abu Jandal" and r.target.actor_id == "SDF" for r in rels)


def test_weapons_used_against_a_target_stand_for_their_user(nlp):
    text = (
        "Coalition military forces conducted 11 strikes using attack, fighter, and remotely "
        "piloted aircraft as well as rocket artillery against ISIL targets."
    )
    rels = [r for r in relations(nlp, text) if r.target.actor_id == "ISIL"]
    by_source = {r.source.text: r.source.actor_id for r in rels}
    assert by_source.get("Coalition military forces") == "COALITION"
    assert by_source.get("rocket artillery") == "COALITION"
    assert by_source.get("attack, fighter, and remotely piloted aircraft") == "COALITION"
    used = relations(
        nlp, "Abu Jandal was involved in the use of IEDs and chemical weapons against the SDF."
    )
    assert {r.source.text for r in used if r.target.actor_id == "SDF"} >= {
        "IEDs",
        "chemical weapons",
    }


def test_weapons_of_a_named_actor_are_not_split_off(nlp):
    # a plain noun that is no weapon, and an actor's own name, give no extra relation
    rels = relations(
        nlp, "Coalition forces conducted strikes using intelligence from Iraqi forces against ISIL."
    )
    assert all(r.source.text in ("Coalition forces",) for r in rels if r.target.actor_id == "ISIL")


def test_pattern_inside_a_participle_of_an_event_noun(nlp):
    text = (
        "Coalition military forces conducted 11 strikes coordinated with and in support of "
        "the government of Iraq."
    )
    hit = find(relations(nlp, text), "COALITION", "IRQ", categories={"SUPPORT"})
    assert hit and hit[0].target.actor_id == "IRQ.GOV"


@pytest.mark.parametrize(
    "text",
    [
        "Today, multiple attacks, also claimed by Da’esh, have killed at least 35 more "
        "innocent civilians.",
        "On Saturday, Dae’sh claimed dual attacks in the commercial area of the Al-Sinek "
        "neighborhood in Baghdad which killed at least 28 civilians.",
        "The United States strongly condemns ISIL’s multiple suicide attacks in the town of "
        "Tel Tamer in Hasaka Province, which targeted and killed scores of Syrian civilians.",
    ],
)
def test_what_claimed_attacks_do_is_their_authors_act(nlp, text):
    hit = [r for r in relations(nlp, text) if r.category == "ASSAULT"]
    assert hit and all(r.source.actor_id == "ISIL" for r in hit), [
        (r.source.text, r.target.text) for r in hit
    ]
    assert any(
        r.target.actor_id.endswith("CVL") or r.target.actor_id == "GEN.CIVILIANS" for r in hit
    )


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "The US will continue to take actions to deny any safe haven for al-Qaida in Syria.",
            "OPPOSE",
        ),
        ("Together the US will deliver ISIL a lasting defeat.", "ASSAULT"),
        ("The US will deliver a lasting defeat to ISIL.", "ASSAULT"),
        ("ISIL continues to pose a threat to the United States.", "THREATEN"),
    ],
)
def test_act_named_by_the_object_noun(nlp, text, category):
    rels = relations(nlp, text)
    assert any(r.category == category for r in rels), [(r.category, r.trigger.text) for r in rels]
    assert not any(r.category == "AID" for r in rels)  # "deliver" a defeat is no aid


def test_enemy_fighters_refer_to_the_enemy_named_before(nlp):
    text = (
        "Iraqi Security Forces attempted to seize the hospital from ISIL fighters. "
        "Coalition aircraft conducted a strike to target enemy fighters firing on Iraqi forces."
    )
    hit = [r for r in relations(nlp, text) if r.source.text == "enemy fighters"]
    assert hit and hit[0].source.actor_id == "ISIL" and hit[0].target.actor_id == "IRQ.MIL"


def test_we_in_a_quote_is_the_organisation_of_the_speakers_title(nlp):
    text = (
        "U.S. airstrikes against al-Qaida killed 20 militants, Pentagon Press Secretary "
        "Peter Cook told reporters today. He added, \u201cAs you know, al-Qaida remains "
        "committed to attacks against the United States. We will continue to deny any safe "
        "haven for al-Qaida.\u201d"
    )
    doc = nlp(text)
    ids = {s.text: s._.actor.actor_id for s in doc.spans["actors"]}
    assert ids.get("Pentagon") == "USA.DOD"
    assert ids.get("We") == "USA.DOD"  # not al-Qaida, the first name in his sentence


def test_every_item_of_a_broken_asset_list_is_hit(nlp):
    text = (
        "Coalition forces conducted strikes against ISIL. Near Mosul, five strikes engaged four "
        "ISIL tactical units; destroyed three ISIL-held buildings, two vehicles, two mortar "
        "systems, a rocket propelled grenade launcher, a VBIED staging facility, and a VBIED; "
        "damaged 29 supply routes; and suppressed a mortar team."
    )
    hit = {r.target.text for r in relations(nlp, text) if r.target.actor_id == "ISIL"}
    assert {
        "a rocket propelled grenade launcher",
        "a VBIED staging facility",
        "a VBIED",
        "29 supply routes",
    } <= hit, hit
    # the list ends at the semicolon: routes are damaged, not destroyed
    destroyed = {r.target.text for r in relations(nlp, text) if r.trigger.text == "destroyed"}
    assert "29 supply routes" not in destroyed


def test_an_apposed_asset_names_its_owner(nlp):
    text = (
        "Coalition forces conducted strikes against ISIL. These strikes engaged three ISIL "
        "tactical units, four ISIL vehicles, three rocket-propelled grenades and a tunnel."
    )
    rels = [r for r in relations(nlp, text) if r.trigger.text == "engaged"]
    # the asset hit, standing for the owner it names
    assert any(r.target.text == "four ISIL vehicles" and r.target.actor_id == "ISIL" for r in rels)
    assert any(r.target.text == "three rocket-propelled grenades" for r in rels)


# One construction per case: (sentence, source family, target family or None, category).
PAIR_CASES = [
    (
        "France continues to value the partnerships with its allies in the Gulf.",
        "FRA",
        "GEN",
        "COOPERATE",
    ),
    (
        "The United States will provide nearly $100 million in new assistance to the "
        "Syrian opposition.",
        "USA",
        "SYR",
        "AID",
    ),
    (
        "With support from 14 donor countries, the Syria Recovery Trust Fund is delivering "
        "over 20 projects.",
        "GEN",
        None,
        "SUPPORT",
    ),
    (
        "The signing underscores ongoing U.S. efforts to help all of the people of Iraq "
        "create an environment that supports growth.",
        "USA",
        "IRQ",
        "AID",
    ),
    (
        "The Coalition's Small Group regularly meets to synchronize and enhance combined "
        "efforts to counter ISIL.",
        "COALITION",
        "ISIL",
        "OPPOSE",
    ),
    ("The Houthis fired missiles at Saudi Arabia.", "HOUTHIS", "SAU", "ASSAULT"),
    ("Washington imposed sanctions on Iranian officials.", "USA", "IRN", "SANCTION"),
    (
        "The Syrian regime and its Russian backers have bombed hospitals.",
        "RUS",
        "SYR",
        "SUPPORT",
    ),
    ("Qatar has close ties to Hamas.", "QAT", "HAMAS", "ALIGN"),
    ("Saudi Arabia severed ties with Iran in 2016.", "SAU", "IRN", "SANCTION"),
    (
        "Kurdish Peshmerga forces, with the help of US air strikes, drove ISIS out of Sinjar.",
        "USA",
        "KRG",
        "AID",
    ),
    ("Kurdish forces drove ISIS out of Sinjar.", "KURDS", "ISIL", "ASSAULT"),
    ("Hamas and Fatah signed a reconciliation deal in Cairo.", "HAMAS", "FATAH", "AGREE"),
    (
        "Ankara summoned the US ambassador over Washington's support for Kurdish fighters.",
        "USA",
        "KURDS",
        "SUPPORT",
    ),
    (
        "Hezbollah receives financial and military support from Iran.",
        "IRN",
        "HEZBOLLAH",
        "SUPPORT",
    ),
    ("Hezbollah received weapons from Iran.", "IRN", "HEZBOLLAH", "AID"),
    ("The rebels are backed by Turkey, Saudi Arabia and Qatar.", "SAU", "GEN", "SUPPORT"),
    ("Iran's allies include Hezbollah and the Houthis.", "HOUTHIS", "IRN", "ALIGN"),
    ("Jabhat al-Nusra was the Syrian branch of al-Qaeda.", "AQ", "AQ", "ALIGN"),
    ("The Qassam Brigades, the armed wing of Hamas, fired rockets.", "HAMAS", "HAMAS", "ALIGN"),
    ("The YPG, which Turkey regards as a terrorist group, joined the SDF.", "TUR", "SDF", "ACCUSE"),
    ("Turkey considers the YPG a terrorist organisation.", "TUR", "SDF", "ACCUSE"),
    ("The PKK is designated as a terrorist organization by Turkey.", "TUR", "PKK", "ACCUSE"),
    ("Turkey regards the YPG as an enemy.", "TUR", "SDF", "OPPOSE"),
    ("Iran sees Hezbollah as a key ally.", "IRN", "HEZBOLLAH", "ALIGN"),
    ("The Malian junta expelled the French ambassador.", "MLI", "FRA", "SANCTION"),
    ("Ankara summoned the US ambassador.", "TUR", "USA", "ACCUSE"),
    ("Kurdish forces expelled ISIS from the town.", "KURDS", "ISIL", "ASSAULT"),
    ("Saudi Arabia and Iran restored diplomatic relations.", "SAU", "IRN", "COOPERATE"),
    ("Egypt established diplomatic relations with Israel in 1980.", "EGY", "ISR", "COOPERATE"),
    ("Turkey has tense relations with Israel.", "TUR", "ISR", "OPPOSE"),
    ("Relations between Russia and the United States have soured.", "RUS", "USA", "OPPOSE"),
    (
        "The Coalition conducted strikes to enable the defeat of ISIL.",
        "COALITION",
        "ISIL",
        "ASSAULT",
    ),
]


@pytest.mark.parametrize(("text", "source", "target", "category"), PAIR_CASES)
def test_construction_gives_the_relation(nlp, text, source, target, category):
    rels = relations(nlp, text)
    hit = [
        r
        for r in rels
        if r.category == category
        and _family(r.source.actor_id) == source
        and (target is None or _family(r.target.actor_id) == target)
    ]
    assert hit, [(r.source.actor_id, r.category, r.target.actor_id) for r in rels]


def test_an_event_noun_argument_spans_its_actor_and_itself(nlp):
    text = (
        "Abu Jandal, an ISIL leader, was struck and killed by a coalition airstrike near Tabqa Dam."
    )
    hit = [r for r in relations(nlp, text) if r.category == "ASSAULT"]
    assert hit and hit[0].source.actor_id == "COALITION"
    assert hit[0].source.text == "coalition airstrike"


def test_targets_listed_under_a_named_owner_are_its(nlp):
    text = (
        "The coalition's four airstrikes delivered 24 munitions against ISIL targets, which "
        "include three tactical units, a command-and-control node and five supply routes."
    )
    hit = {r.target.text: r.target.actor_id for r in relations(nlp, text)}
    assert hit.get("three tactical units") == "ISIL"
    assert hit.get("a command-and-control node") == "ISIL"


def test_unowned_targets_belong_to_the_reports_enemy_not_the_last_one_attacked(nlp):
    text = (
        "U.S. airstrikes against al-Qaida killed 20 militants. A U.S. strike hit two al-Qaida "
        "vehicles. Al-Qaida remains committed to attacks against our allies. The coalition "
        "conducted 10 airstrikes, including strikes against tactical units and oil "
        "infrastructure."
    )
    hit = [r for r in relations(nlp, text) if r.source.actor_id == "COALITION"]
    assert {r.target.text for r in hit} >= {"tactical units", "oil infrastructure"}
    assert all(r.target.actor_id == "AQ" for r in hit)  # not the allies al-Qaida attacked


def test_the_accused_does_what_it_is_accused_of_in_the_accusers_words(nlp):
    text = "Rebels accused the Syrian government of using chemical weapons against civilians."
    rels = relations(nlp, text)
    assert find(rels, "GEN", "SYR", categories={"ACCUSE"})
    hit = [r for r in rels if r.target.actor_id == "GEN.CIVILIANS"]
    assert hit and all(r.source.actor_id == "SYR.GOV" for r in hit)  # not the rebels
    assert all(r.attributed_to is not None and r.attributed_to.text == "Rebels" for r in hit)
    assert any(r.source.text == "chemical weapons" for r in hit)


def test_aid_given_to_a_dative(nlp):
    rels = relations(nlp, "Iran has provided weapons and training to Houthi rebels.")
    assert find(rels, "IRN", "HOUTHIS", categories={"AID"})


def test_who_claims_responsibility_for_an_attack_carried_it_out(nlp):
    text = "The Taliban claimed responsibility for the attack, which killed 30 Afghan soldiers."
    hit = find(relations(nlp, text), "TALIBAN", "AFG", categories={"ASSAULT"})
    assert hit and hit[0].trigger.text == "killed"


def test_a_passive_accusation_is_the_accusers_claim(nlp):
    by = relations(nlp, "Pakistan has been accused by India of supporting the Taliban.")
    hit = find(by, "PAK", "TALIBAN", categories={"SUPPORT"})
    assert hit and hit[0].attributed_to is not None and hit[0].attributed_to.actor_id == "IND"
    unsaid = relations(nlp, "Pakistan has long been accused of supporting the Taliban.")
    hit = find(unsaid, "PAK", "TALIBAN", categories={"SUPPORT"})
    assert hit and hit[0].attributed_to is None  # not Pakistan's own claim


def test_secretary_of_state_is_one_title(nlp):
    doc = nlp("Haider al-Abadi met US Secretary of State John Kerry in Baghdad.")
    texts = {s.text for s in doc.spans["actors"]}
    assert "Secretary of State John Kerry" in texts


def test_a_modified_title_is_not_the_person_with_the_bare_title(nlp):
    text = (
        "Defense Secretary James Mattis and Secretary of State Mike Pompeo will meet their "
        "Indian counterparts, the assistant secretary of defense said. The secretary added "
        "that the meeting matters."
    )
    doc = nlp(text)
    ids = {(s.start_char, s.text): s._.actor.actor_id for s in doc.spans["actors"]}
    assistant = [v for (_, t), v in ids.items() if t == "the assistant secretary"]
    assert assistant == [] or assistant[0] not in ("PER.MIKE_POMPEO", "PER.JAMES_MATTIS")
    assert [v for (_, t), v in ids.items() if t == "The secretary"] in (
        ["PER.MIKE_POMPEO"],
        ["PER.JAMES_MATTIS"],
    )


@pytest.mark.parametrize(
    ("text", "negated", "speaker"),
    [
        ("Iran denies arming the Houthis.", True, None),
        ("Iran has denied that it supplies weapons to the Houthis.", True, "IRN"),
        ("Iran did not deny arming the Houthis.", False, None),
    ],
)
def test_a_denial_negates_what_is_denied(nlp, text, negated, speaker):
    hit = find(relations(nlp, text), "IRN", "HOUTHIS", categories={"AID"})
    assert hit and hit[0].negated is negated
    if speaker is not None:
        assert hit[0].attributed_to is not None and hit[0].attributed_to.actor_id == speaker


def test_recipients_of_giving_verbs_and_capitals_are_actors(nlp):
    rels = relations(nlp, "The US accused North Korea of supplying artillery shells to Moscow.")
    hit = find(rels, "PRK", "RUS", categories={"AID"})
    assert hit and hit[0].target.actor_id == "RUS.GOV"
    assert hit[0].attributed_to is not None and hit[0].attributed_to.actor_id == "USA"
    # a destination stays a place
    doc = nlp("Iran sent troops to Syria.")
    assert "Syria" not in {s.text for s in doc.spans["actors"]}


def test_alliance_members_are_the_alliance_but_a_states_allies_are_not_the_state(nlp):
    doc = nlp("NATO allies pledged more air defence systems to Kyiv.")
    ids = {s.text: s._.actor.actor_id for s in doc.spans["actors"]}
    assert ids.get("NATO allies") == "NATO" and ids.get("Kyiv") == "UKR.GOV"
    doc = nlp("US allies condemned the test.")
    ids = {s.text: s._.actor.actor_id for s in doc.spans["actors"]}
    assert ids.get("allies") == "GEN.PARTNERS"
    # named examples replace the generic (issue 14): the allies are Japan, not the US
    doc = nlp("US allies such as Japan condemned the test.")
    ids = {s.text: s._.actor.actor_id for s in doc.spans["actors"]}
    assert ids.get("Japan") == "JPN" and "USA" not in {ids.get("allies"), ids.get("Japan")}


def test_among_the_supporters(nlp):
    text = "Poland has been among Ukraine's staunchest supporters."
    assert find(relations(nlp, text), "POL", "UKR", categories={"SUPPORT"})


def test_affiliation_keeps_the_descriptive_demonym_out(nlp):
    rels = relations(nlp, "Jabhat al-Nusra was the Syrian branch of al-Qaeda.")
    assert not any(r.target.actor_id == "SYR" for r in rels)


def test_received_fire_is_no_aid(nlp):
    rels = relations(nlp, "Iraqi forces received heavy fire from ISIL fighters.")
    assert find(rels, "ISIL", "IRQ", categories={"ASSAULT"})
    assert not find(rels, "ISIL", "IRQ", categories={"AID"})
    rels = relations(nlp, "The SDF received training from US advisers.")
    assert len(find(rels, "USA", "SDF", categories={"AID"})) == 1


def test_it_can_be_the_us(nlp):
    # "US" lower-cased is "us": the United States is still a third-person antecedent
    hit = find(relations(nlp, "The US said it would strike Iran."), "USA", "IRN")
    assert hit and hit[0].source.text == "it" and hit[0].hypothetical


def test_not_hesitating_is_doing(nlp):
    text = "The US said it would not hesitate to strike Iran if attacked."
    hit = find(relations(nlp, text), "USA", "IRN", categories={"ASSAULT"})
    assert hit and not hit[0].negated and hit[0].hypothetical


def test_a_future_reply_is_no_quote(nlp):
    doc = nlp("If Iran attacks Israel, the US will respond.")
    assert not doc._.quotes
    hit = find(doc._.relations, "IRN", "ISR", categories={"ASSAULT"})
    assert hit and hit[0].hypothetical and hit[0].attributed_to is None


def test_a_threat_to_act_is_a_threat_made(nlp):
    rels = relations(nlp, "Turkey has threatened to launch a military operation against the YPG.")
    threat = find(rels, "TUR", "SDF", categories={"THREATEN"})
    assert threat and not threat[0].hypothetical
    act = find(rels, "TUR", "SDF", categories={"ASSAULT"})
    assert act and act[0].hypothetical


def test_an_unquoted_we_keeps_the_side_an_earlier_we_had(nlp):
    text = (
        "As Deputy Secretary of State Antony Blinken announced today, the United States will "
        "provide $100 million to the Syrian opposition, bringing the total support we have "
        "committed to $500 million. Part of this assistance goes to the Syria Recovery Trust "
        "Fund. The fund reaches 2 million Syrians in areas of opposition control. While our "
        "contribution will help many, Syrians face significant challenges, and we continue to "
        "urge our international partners to contribute."
    )
    hit = [r for r in relations(nlp, text) if r.category == "REQUEST"]
    assert hit and _family(hit[0].source.actor_id) == "USA", [r.source.actor_id for r in hit]


def test_seized_equipment_and_facilities_are_no_actors(nlp):
    text = (
        "Coalition aircraft struck ISIL near Palmyra. ISIL seized the tanks and other military "
        "hardware from Tiyas Military Airfield near Palmyra."
    )
    doc = nlp(text)
    assert "Tiyas Military Airfield" not in {s.text for s in doc.spans["actors"]}
    assert not [r for r in doc._.relations if r.trigger.text == "seized"]


def test_an_apposition_to_a_named_group_is_part_of_it_not_its_partner(nlp):
    text = (
        "We are grateful for the support provided by our Coalition partners, especially the Turks."
    )
    rels = relations(nlp, text)
    assert not find(rels, "TUR", "COALITION") and not find(rels, "COALITION", "TUR")


def test_an_elliptic_clause_subject_is_no_conjunct(nlp):
    text = "Iran is committed to the survival of Bashar al-Assad's regime and the US government is not."
    rels = relations(nlp, text)
    assert find(rels, "IRN", "PER", categories={"SUPPORT"})
    assert not find(rels, "IRN", "USA")


def test_it_is_crucial_is_no_actor(nlp):
    text = (
        "Congress approved the deployments. Officially, they welcome the help and say it is "
        "crucial in turning the tide against ISIL."
    )
    assert not [r for r in relations(nlp, text) if r.target.actor_id == "ISIL"]
    rels = relations(nlp, "Turkey sent troops. It is hostile to the Kurds.")
    assert find(rels, "TUR", "KURDS", categories={"OPPOSE"})


def test_juntas_ambassadors_and_kidnapped_schoolgirls(nlp):
    doc = nlp("The Malian junta expelled the French ambassador.")
    ids = {s.text: s._.actor.actor_id for s in doc.spans["actors"]}
    assert ids == {"Malian junta": "MLI.GOV", "French ambassador": "FRA.GOV"}
    rels = relations(nlp, "Boko Haram kidnapped more than 200 schoolgirls from Chibok.")
    assert find(rels, "BOKO_HARAM", "GEN", categories={"ASSAULT"})


def test_a_possessive_in_a_controlled_clause_is_the_controllers(nlp):
    text = "The United States called on Russia to stop its bombing of the moderate opposition."
    rels = relations(nlp, text)
    assert find(rels, "USA", "RUS", categories={"REQUEST"})
    hit = [r for r in rels if r.category == "ASSAULT"]
    assert hit and hit[0].source.actor_id == "RUS"
    assert not hit[0].hypothetical and not hit[0].negated  # asked to stop: it goes on


def test_concern_over_actions(nlp):
    text = "The British government expressed concern over Russia's actions in Ukraine."
    assert find(relations(nlp, text), "GBR", "RUS", categories={"OPPOSE"})


@pytest.mark.parametrize(
    ("text", "negated", "hypothetical"),
    [
        ("The US has stopped arming the Syrian rebels.", True, False),
        ("The US no longer supports the Syrian rebels.", True, False),
        ("The US ended its support for the Syrian rebels.", True, False),
        ("The US did not stop arming the Syrian rebels.", False, False),
        # asked to stop, the act goes on
        ("Russia urged the US to stop arming the Syrian rebels.", False, False),
    ],
)
def test_an_act_stopped_is_no_longer_and_one_asked_to_stop_goes_on(
    nlp, text, negated, hypothetical
):
    hit = [r for r in relations(nlp, text) if r.target.actor_id == "SYR.REB"]
    assert hit and _family(hit[0].source.actor_id) == "USA"
    assert (hit[0].negated, hit[0].hypothetical) == (negated, hypothetical)


@pytest.mark.parametrize(
    ("text", "hypothetical"),
    [
        ("Hezbollah has deployed thousands of fighters to support the Assad government.", False),
        ("Hezbollah will deploy fighters to support the Assad government.", True),
    ],
)
def test_the_purpose_of_a_deployment_made_is_done(nlp, text, hypothetical):
    hit = find(relations(nlp, text), "HEZBOLLAH", "SYR", categories={"SUPPORT"})
    assert hit and hit[0].hypothetical is hypothetical


def test_the_possessor_of_a_death_does_not_act(nlp):
    text = "Abu Jandal was killed by a coalition airstrike. His death will degrade ISIL's ability."
    rels = relations(nlp, text)
    assert not [r for r in rels if r.target.actor_id == "ISIL" and r.category == "ASSAULT"]


def test_demonym_partners_are_the_demonyms_actor(nlp):
    doc = nlp("Petty Officer Keating was advising and assisting our Kurdish partners.")
    ids = {s.text: s._.actor.actor_id for s in doc.spans["actors"]}
    assert ids.get("Kurdish partners") == "KURDS"
    assert "our" not in ids  # "our" is not what it qualifies
    alone = nlp("The Coalition will continue to strike ISIL targets in support of our partners.")
    hit = [r for r in alone._.relations if r.target.actor_id == "GEN.PARTNERS"]
    assert hit and hit[0].category == "SUPPORT"


@pytest.mark.parametrize(
    "text",
    [
        "Kurdish forces retook villages held by ISIL.",
        "The SDF has made progress, retaking territory previously held by ISIL.",
    ],
)
def test_places_held_by_an_actor_stand_for_it(nlp, text):
    hit = [r for r in relations(nlp, text) if r.category == "ASSAULT"]
    assert hit and hit[0].target.actor_id == "ISIL"


def test_place_phrases_and_weapons_are_not_actors(nlp):
    doc = nlp("Near Ar Raqqah, 15 strikes engaged five ISIL tactical units and destroyed a VBIED.")
    texts = {s.text for s in doc.spans["actors"]}
    assert not any(t.startswith("Near") for t in texts)
    assert "VBIED" not in texts


def test_attribution_to_speaker_of_reported_claim(nlp):
    rels = relations(nlp, "Russia said that Turkey attacked Syria.")
    hit = find(rels, "TUR", "SYR", categories={"ASSAULT"})
    assert hit and hit[0].attributed_to is not None
    assert _family(hit[0].attributed_to.actor_id) == "RUS"


def test_pronoun_argument_keeps_its_own_span(nlp):
    text = "Iran has sent troops. They have been arming Shia militias in Diyala."
    rels = relations(nlp, text)
    hit = [r for r in rels if r.category == "AID"]
    assert hit and hit[0].source.text == "They" and _family(hit[0].source.actor_id) == "IRN"
    assert text[hit[0].source.start : hit[0].source.end] == "They"


def test_every_relation_carries_evidence_and_valid_fields(nlp):
    text = "Iran backs Hezbollah and Hamas, while Israel fights Hamas."
    doc = nlp(text)
    assert doc._.relations
    for r in doc._.relations:
        assert text[r.sentence.start : r.sentence.end] == r.sentence.text
        assert text[r.trigger.start : r.trigger.end] == r.trigger.text
        assert text[r.source.start : r.source.end] == r.source.text
        assert r.category in CATEGORIES


def test_user_lexicon_overrides_and_extends(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("verbs:\n  shun: OPPOSE\n  praise: null\n", encoding="utf-8")
    lex = load_lexicon((str(path),))
    assert lex.verbs["shun"].category == "OPPOSE"
    assert "praise" not in lex.verbs
    assert "attack" in lex.verbs


def test_bad_lexicon_entry_is_named(tmp_path):
    from allegiance.errors import LexiconError

    path = tmp_path / "bad.yaml"
    path.write_text("verbs:\n  shun: HUG\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="shun"):
        load_lexicon((str(path),))


def test_documented_user_lexicon_example_loads_and_applies(tmp_path):
    # the example in docs/relations.md is a working user lexicon
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "relations.md").read_text("utf-8")
    block = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "mine.yaml"
    path.write_text(block, encoding="utf-8")
    lex = load_lexicon((str(path),))
    assert lex.verbs["bombard"].category == "ASSAULT" and lex.verbs["bombard"].mode == "artillery"
    assert lex.verbs["recognise"].negated_as is not None
    assert any(p.tokens == ("in", "lockstep", "with") for p in lex.patterns)
    assert "convoy" in lex.assets and "vehicle" in lex.assets
