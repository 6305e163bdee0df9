"""Assets hit stand for their owner; unowned targets belong to the report's enemy."""

from __future__ import annotations

from .helpers import relations


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


def test_enemy_fighters_refer_to_the_enemy_named_before(nlp):
    text = (
        "Iraqi Security Forces attempted to seize the hospital from ISIL fighters. "
        "Coalition aircraft conducted a strike to target enemy fighters firing on Iraqi forces."
    )
    hit = [r for r in relations(nlp, text) if r.source.text == "enemy fighters"]
    assert hit and hit[0].source.actor_id == "ISIL" and hit[0].target.actor_id == "IRQ.MIL"


def test_seized_equipment_and_facilities_are_no_actors(nlp):
    text = (
        "Coalition aircraft struck ISIL near Palmyra. ISIL seized the tanks and other military "
        "hardware from Tiyas Military Airfield near Palmyra."
    )
    doc = nlp(text)
    assert "Tiyas Military Airfield" not in {s.text for s in doc.spans["actors"]}
    assert not [r for r in doc._.relations if r.trigger.text == "seized"]
