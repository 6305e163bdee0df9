"""The actor knowledge base: loading, validation, overrides, lookups and roll-ups."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.errors import KnowledgeBaseError
from allegiance.kb import ActorKB, normalize


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_every_country_is_loaded_with_sub_actors(kb: ActorKB) -> None:
    states = [a for a in kb if a.type == "state"]
    assert len(states) >= 195
    for iso in ("USA", "IRN", "IRQ", "SYR", "TUR", "RUS", "FJI", "URY"):
        assert kb.get(iso) is not None and kb.get(iso).type == "state"
        assert kb.get(f"{iso}.MIL").type == "military"
        assert kb.get(f"{iso}.GOV").parent == iso


def test_load_is_cached_for_the_default_set() -> None:
    assert ActorKB.load() is ActorKB.load()


@pytest.mark.parametrize(
    ("surface", "actor_id"),
    [
        ("U.S.", "USA"), ("US", "USA"), ("the United States", "USA"), ("America", "USA"),
        ("United States of America", "USA"), ("ISIS", "ISIL"), ("Islamic State", "ISIL"),
        ("Daesh", "ISIL"), ("Da’esh", "ISIL"), ("DA'ESH", "ISIL"), ("al-Qaida", "AQ"),
        ("Hashd al-Shaabi", "PMF"), ("Badr Brigade", "PMF.BADR"), ("Kata’ib Hezbollah", "PMF.KH"),
        ("Quds Force", "IRN.IRGC.QUDS"), ("Suleimani", "PER.QASSEM_SOLEIMANI"),
        ("Soliemani", "PER.QASSEM_SOLEIMANI"), ("Tehran", "IRN.GOV"), ("Kremlin", "RUS.GOV"),
        ("Washington", "USA.GOV"), ("Erbil", "KRG"), ("White House", "USA.WH"),
        ("Pentagon", "USA.DOD"), ("CJTF-OIR", "COALITION.CJTF_OIR"), ("Shiites", "SHIA"),
    ],
)  # fmt: skip
def test_lookup_normalises_case_and_punctuation(kb: ActorKB, surface: str, actor_id: str) -> None:
    actor = kb.lookup(surface)
    assert actor is not None and actor.id == actor_id


def test_lookup_unknown_is_none(kb: ActorKB) -> None:
    assert kb.lookup("Frobnicator Brigade") is None
    assert kb.get("NOPE") is None and "NOPE" not in kb


@pytest.mark.parametrize(
    ("surface", "actor_id"),
    [("Iranian", "IRN"), ("Persian", "IRN"), ("American", "USA"), ("Kurdish", "KURDS"),
     ("Shia", "SHIA"), ("Shiite", "SHIA"), ("Iraqi", "IRQ")],
)  # fmt: skip
def test_lookup_adjective(kb: ActorKB, surface: str, actor_id: str) -> None:
    assert kb.lookup_adjective(surface).id == actor_id


def test_normalize() -> None:
    assert normalize("the U.S.") == normalize("US") == "us"
    assert normalize("Iran's") == "iran"
    assert normalize("al-Qaeda") == normalize("Al Qaeda")
    assert normalize("Öcalan") == "ocalan"


@pytest.mark.parametrize(
    ("base", "agent", "expected"),
    [("IRN", "troops", "IRN.MIL"), ("USA", "advisers", "USA.MIL"), ("TUR", "government", "TUR.GOV"),
     ("IRQ", "police", "IRQ.POL"), ("SYR", "regime", "SYR.GOV"), ("SYR", "rebels", "SYR.REB"),
     ("SHIA", "militias", "SHIA.MILITIA"), ("KURDS", "fighters", "KURDS.MILITIA"),
     ("ISIL", "fighters", "ISIL"), ("USA", "intelligence", "USA.INT")],
)  # fmt: skip
def test_sub_actor(kb: ActorKB, base: str, agent: str, expected: str) -> None:
    assert kb.sub_actor(base, agent).id == expected


def test_sub_actor_of_a_non_agent_word(kb: ActorKB) -> None:
    assert kb.sub_actor("IRN", "bananas") is None
    assert kb.get("SHIA.MILITIA").type == "militia"


def test_parents_and_roll_up(kb: ActorKB) -> None:
    assert kb.ancestors("PER.QASSEM_SOLEIMANI") == ["IRN.IRGC.QUDS", "IRN.IRGC", "IRN"]
    assert kb.roll_up("IRN.IRGC.QUDS", "actor") == "IRN.IRGC.QUDS"
    assert kb.roll_up("IRN.IRGC.QUDS", "parent") == "IRN.IRGC"
    assert kb.roll_up("IRN.IRGC.QUDS", "country") == "IRN"
    assert kb.roll_up("PMF.BADR", "parent") == "PMF"
    assert kb.roll_up("KRG.PESHMERGA", "parent") == "KRG"
    assert kb.roll_up("IRN", "parent") == "IRN"
    assert kb.roll_up("ISIL.ISKP", "country") == "ISIL"  # no country: the top ancestor
    assert kb.country_of("PMF.BADR") == "IRQ"
    with pytest.raises(ValueError):
        kb.roll_up("IRN", "galaxy")


def test_fuzzy_matches_close_variants_only(kb: ActorKB) -> None:
    hit = kb.fuzzy("Qasem Soleymani")
    assert hit is not None and hit[0].id == "PER.QASSEM_SOLEIMANI" and 90 <= hit[1] <= 100
    assert kb.fuzzy("Hezbolah") is not None and kb.fuzzy("Hezbolah")[0].id == "HEZBOLLAH"
    assert kb.fuzzy("Iran") is None  # too short to guess
    assert kb.fuzzy("Completely Different Name") is None


def test_surface_forms_cover_aliases_and_metonyms(kb: ActorKB) -> None:
    forms = set(kb.surface_forms())
    assert ("Daesh", "ISIL") in forms
    assert ("Tehran", "IRN.GOV") in set(kb.metonym_forms())


def _write(tmp_path: Path, text: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "actors:\n"
        "- {id: XYZ_MILITIA, name: Xyz Brigade, type: militia, sector: militia, country: IRQ,"
        " parent: PMF, aliases: [Xyz Brigade, Liwa Xyz]}\n"
        "- {id: PMF, name: Popular Mobilisation Forces (renamed)}\n",
    )
    kb = ActorKB.load([path])
    assert kb.lookup("Liwa Xyz").id == "XYZ_MILITIA"
    assert kb.roll_up("XYZ_MILITIA", "country") == "IRQ"
    assert kb.get("PMF").name == "Popular Mobilisation Forces (renamed)"
    assert kb.lookup("Hashd al-Shaabi").id == "PMF"  # fields not given are kept
    assert ActorKB.load().get("PMF").name == "Popular Mobilization Forces"  # defaults untouched


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("actors:\n- {id: A1, name: A, type: spaceship}\n", "unknown type"),
        ("actors:\n- {id: A1, type: militia}\n", "missing 'name'"),
        ("actors:\n- {id: A1, name: A, type: militia, parent: NOWHERE}\n", "NOWHERE"),
        ("actors:\n- {id: A1, name: A, type: militia, colour: red}\n", "unknown field"),
        ("actors:\n- {id: A1, name: A, type: militia, aliases: [ISIS]}\n", "already names 'ISIL'"),
        ("actors:\n- {name: A, type: militia}\n", "missing or empty 'id'"),
        (
            "actors:\n- {id: A1, name: A, type: militia}\n- {id: A1, name: B, type: militia}\n",
            "twice",
        ),
        (
            "actors:\n- {id: A1, name: A, type: militia, parent: A2}\n"
            "- {id: A2, name: B, type: militia, parent: A1}\n",
            "cycle",
        ),
    ],
)
def test_validation_errors_name_file_and_entry(tmp_path: Path, text: str, reason: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(KnowledgeBaseError) as info:
        ActorKB.load([path])
    message = str(info.value)
    assert str(path) in message and reason in message
    if "id" in text.split("\n")[1]:
        assert "A1" in message or "#1" in message


def test_malformed_yaml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"user\.yaml"):
        ActorKB.load([_write(tmp_path, "actors: [unclosed")])
    with pytest.raises(KnowledgeBaseError, match="no such file"):
        ActorKB.load([tmp_path / "absent.yaml"])
    with pytest.raises(KnowledgeBaseError, match="'actors' list"):
        ActorKB.load([_write(tmp_path, "just: text\n", "other.yaml")])


def test_only_user_files(tmp_path: Path) -> None:
    path = _write(tmp_path, "actors:\n- {id: ZZ, name: Zedland, type: state, adjectives: [Zed]}\n")
    kb = ActorKB.load([path], defaults=False)
    assert kb.get("USA") is None
    assert kb.sub_actor("ZZ", "troops").id == "ZZ.MIL"
    assert kb.get("ZZ.MIL").name == "Zed armed forces"
