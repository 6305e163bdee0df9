"""The CAMEO <-> PLOVER table: codes, prefixes, actor codes, user overrides."""

from __future__ import annotations

import pytest

from allegiance.errors import LexiconError
from allegiance.interop.cameo import load_cameo, normalize_code
from allegiance.schema import CATEGORIES


@pytest.fixture(scope="module")
def table():
    return load_cameo()


@pytest.mark.parametrize(
    ("raw", "code"),
    [("190", "190"), ("0874", "0874"), ("42", "042"), (874, "0874"), ("14", "14"),
     (" 1951 ", "1951"), ("", None), ("---", None), ("21", "021"), ("00", None), ("99999", None), ("X1", None)],
)  # fmt: skip
def test_normalize_code_restores_dropped_zeros_and_rejects_non_codes(raw, code):
    assert normalize_code(raw) == code


@pytest.mark.parametrize(
    ("code", "category", "mode"),
    [("1951", "ASSAULT", "aerial"), ("190", "ASSAULT", None), ("0874", "RETREAT", "withdraw"),
     ("0831", "CONCEDE", None), ("173", "COERCE", "arrest"), ("057", "AGREE", "agreement"),
     ("036", "AGREE", "intent"), ("100", "REQUEST", "demand"), ("0233", "REQUEST", "appeal"),
     ("1122", "ACCUSE", None), ("204", "ASSAULT", "mass_violence")],
)  # fmt: skip
def test_longest_listed_prefix_gives_the_plover_category(table, code, category, mode):
    m = table.plover(code)
    assert (m.category, m.mode) == (category, mode)


def test_every_cameo_root_is_mapped_and_statements_are_not_plover(table):
    for root in range(1, 21):
        assert table.plover(f"{root:02d}") is not None, root
        assert table.quad_class(f"{root:02d}") in (1, 2, 3, 4)
    assert table.plover("010").category is None
    assert table.plover("010").lossy


def test_every_category_exports_to_a_code_that_imports_back_unless_marked_lossy(table):
    for category in CATEGORIES:
        spec = table.from_plover[category]
        for mode in (None, *(spec.get("modes") or {})):
            exported = table.cameo(category, mode)
            back = table.plover(exported.code)
            assert back is not None and exported.name, (category, mode)
            if back.category != category:
                assert exported.lossy, f"{category}/{mode} -> {exported.code} -> {back.category}"


def test_stances_export_with_a_lossy_note(table):
    assert table.cameo("OPPOSE").code == "110" and "stance" in table.cameo("OPPOSE").lossy
    assert table.cameo("ALIGN").lossy


def test_a_listed_mode_has_its_exact_code_without_the_default_note(table):
    assert table.cameo("ASSAULT").lossy
    assert table.cameo("ASSAULT", "aerial").code == "195"
    assert table.cameo("ASSAULT", "aerial").lossy is None
    assert table.cameo("ASSAULT", "no_such_mode").code == "190"


@pytest.mark.parametrize(
    ("code", "country", "group", "expected"),
    [("IRNMIL", "", "", "IRN.MIL"), ("USAGOV", "", "", "USA.GOV"), ("IRQCOP", "", "", "IRQ.POL"),
     ("USA", "", "", "USA"), ("IGOUNO", "", "UNO", "UN"), ("IGOUNO", "", "", "UN"),
     ("PSEHMS", "PSE", "HMS", "HAMAS"), ("USABUS", "USA", "", "cameo:USABUS"),
     ("REB", "", "", "cameo:REB"), ("", "", "", None), ("XYZ", "", "", "cameo:XYZ")],
)  # fmt: skip
def test_actor_codes_map_to_kb_ids(table, code, country, group, expected):
    from allegiance.kb import ActorKB

    assert table.actor_id(code, country=country, group=group, kb=ActorKB.load()) == expected


@pytest.mark.parametrize(
    ("actor_id", "code"),
    [("IRN.MIL", "IRNMIL"), ("USA.POL", "USACOP"), ("UN", "UNO"), ("USA", "USA"),
     ("PER.BARACK_OBAMA", "USAGOV"), ("cameo:USABUS", "USABUS"), ("GEN.CIVILIANS", None)],
)  # fmt: skip
def test_kb_ids_map_back_to_cameo_actor_codes(table, actor_id, code):
    from allegiance.kb import ActorKB

    assert table.actor_code(actor_id, ActorKB.load()) == code


def test_a_user_file_overrides_cells_key_by_key(tmp_path):
    user = tmp_path / "cameo.yaml"
    user.write_text(
        'to_plover:\n  "191": COERCE/blockade\nfrom_plover:\n  COERCE: {code: "170", modes: {blockade: "191"}}\n'
        "groups:\n  XYZ: UN\n",
        encoding="utf-8",
    )
    t = load_cameo([user])
    assert (t.plover("191").category, t.plover("191").mode) == ("COERCE", "blockade")
    assert t.plover("195").category == "ASSAULT"  # untouched cells stay
    assert t.cameo("COERCE", "blockade").code == "191"
    assert t.actor_id("XYZ") == "UN"


@pytest.mark.parametrize(
    ("text", "needle"),
    [('to_plover:\n  "19": NOT_A_CATEGORY\n', "unknown category"),
     ("to_plover:\n  19x: ASSAULT\n", "not a CAMEO code"),
     ("from_plover:\n  ASSAULT: {modes: {}}\n", "needs a CAMEO 'code'"),
     ("to_plover: [1, 2]\n", "must be a mapping")],
)  # fmt: skip
def test_a_bad_user_file_is_one_error_naming_the_file(tmp_path, text, needle):
    user = tmp_path / "bad.yaml"
    user.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_cameo([user])
    assert str(user) in str(err.value) and needle in str(err.value)
    assert "\n" not in str(err.value)


def test_docs_list_every_cell_of_the_packaged_table(table):
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "interop.md").read_text(encoding="utf-8")
    for code, mapping in table.to_plover.items():
        assert f"| `{code}` |" in docs, f"docs/interop.md lacks CAMEO {code}"
        if mapping.lossy:
            assert mapping.lossy in docs
    for category, spec in table.from_plover.items():
        assert f"| {category} | `{spec['code']}`" in docs, category
