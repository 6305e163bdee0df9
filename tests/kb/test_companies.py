"""The companies of the knowledge base: their countries, safe aliases, and how news names them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from allegiance.kb import ActorKB, normalize

COMPANIES = (
    Path(__file__).resolve().parents[2] / "src" / "allegiance" / "kb" / "data" / "companies.yaml"
)

#: words that are ordinary English (or a common surname, a letter) before they are a company:
#: aliases of more than three letters match in any case, so none of them may be an alias
FORBIDDEN = frozenset(
    {
        "apple",
        "shell",
        "amazon",
        "meta",
        "target",
        "oracle",
        "visa",
        "alphabet",
        "total",
        "intel",
        "ford",
        "orange",
        "x",
        "vale",
        "chevron",
        "thales",
        "leonardo",
        "gm",
    }
)


def _entries() -> list[dict]:
    data = yaml.safe_load(COMPANIES.read_text(encoding="utf-8"))
    return [e for e in data["actors"] if str(e["id"]).startswith("BIZ.")]


ENTRIES = _entries()


def test_the_file_lists_companies_by_the_hundred() -> None:
    assert len(ENTRIES) >= 150
    ids = [e["id"] for e in ENTRIES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_country_is_a_state_and_a_parent_is_that_state(entry: dict) -> None:
    kb = ActorKB.load()
    actor = kb.get(entry["id"])
    assert actor is not None
    assert actor.type == "other" and actor.sector == "business"
    country = kb.get(entry["country"])
    assert country is not None and country.type == "state"
    if entry.get("parent") is not None:
        assert entry["parent"] == entry["country"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_no_alias_or_name_is_a_common_word(entry: dict) -> None:
    # the name is looked up and matched as well as the aliases
    for form in (entry["name"], *entry.get("aliases", ())):
        assert normalize(form) not in FORBIDDEN, form


def test_common_words_name_no_actor() -> None:
    kb = ActorKB.load()
    for word in FORBIDDEN:
        actor = kb.lookup(word)
        assert actor is None or not actor.id.startswith("BIZ."), word


def test_longer_names_still_resolve() -> None:
    kb = ActorKB.load()
    assert kb.lookup("Intel Corp").id == "BIZ.INTEL"
    assert kb.lookup("Ford Motor Company").id == "BIZ.FORD"
    assert kb.lookup("Vale S.A.").id == "BIZ.VALE"
    assert kb.lookup("Shell plc").id == "BIZ.SHELL"
    assert kb.roll_up("BIZ.ROSNEFT", "country") == "RUS"
    assert kb.ancestors("BIZ.SAUDI_ARAMCO") == ["SAU"]
    assert kb.ancestors("BIZ.BOEING") == []


def _actor_ids(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {span.text: span._.actor.actor_id for span in doc.spans["actors"]}


@pytest.mark.parametrize(
    ("text", "mention", "actor_id"),
    [
        ("Rosneft signed a supply deal with India's Reliance.", "Rosneft", "BIZ.ROSNEFT"),
        (
            "Saudi Aramco raised its official selling price for Asian buyers.",
            "Saudi Aramco",
            "BIZ.SAUDI_ARAMCO",
        ),
        ("Washington imposed new sanctions on Huawei last year.", "Huawei", "BIZ.HUAWEI"),
        (
            "Lockheed Martin won a contract to build F-35 jets for Poland.",
            "Lockheed Martin",
            "BIZ.LOCKHEED_MARTIN",
        ),
        ("Workers at Boeing went on strike in Seattle.", "Boeing", "BIZ.BOEING"),
        ("TSMC said it would invest $100 billion in Arizona.", "TSMC", "BIZ.TSMC"),
        ("Maersk suspended shipments through the Red Sea.", "Maersk", "BIZ.MAERSK"),
        ("Naftogaz said the transit contract had expired.", "Naftogaz", "BIZ.NAFTOGAZ"),
        ("JPMorgan cut its ties with Sberbank.", "Sberbank", "BIZ.SBERBANK"),
        ("Intel Corp received subsidies from the US government.", "Intel Corp", "BIZ.INTEL"),
        ("Ford Motor recalled 500,000 vehicles.", "Ford Motor", "BIZ.FORD"),
        ("BP and Eni agreed to a joint venture in Angola.", "BP", "BIZ.BP"),
        ("Air France cancelled its flights to Tel Aviv.", "Air France", "BIZ.AIR_FRANCE_KLM"),
    ],
)
def test_news_mentions_resolve_to_the_company(nlp, text: str, mention: str, actor_id: str) -> None:
    assert _actor_ids(nlp, text).get(mention) == actor_id


@pytest.mark.parametrize(
    "text",
    [
        "She ate an apple and a pear.",
        "The agency shared intel with its allies.",
        "A total of five shells hit the town.",
        "Harrison Ford starred in the film.",
        "Leonardo da Vinci painted the Mona Lisa.",
    ],
)
def test_common_words_are_no_company(nlp, text: str) -> None:
    assert not [a for a in _actor_ids(nlp, text).values() if a.startswith("BIZ.")]


@pytest.mark.parametrize(
    ("text", "company", "staff"),
    [
        ("Boeing workers walked out.", ("Boeing", "BIZ.BOEING"), ("workers", "GEN.LABOR")),
        (
            "Gazprom workers protested over unpaid wages.",
            ("Gazprom", "BIZ.GAZPROM"),
            ("workers", "GEN.LABOR"),
        ),
        (
            "Aeroflot pilots threatened a strike.",
            ("Aeroflot", "BIZ.AEROFLOT"),
            ("pilots", "GEN.LABOR"),
        ),
    ],
)
def test_a_companys_workers_are_not_the_company(
    nlp, text: str, company: tuple[str, str], staff: tuple[str, str]
) -> None:
    found = _actor_ids(nlp, text)
    assert found.get(company[0]) == company[1] and found.get(staff[0]) == staff[1]


def test_a_companys_managers_are_the_company(nlp) -> None:
    # the opposite reading: executives and officials speak for the company
    assert (
        _actor_ids(nlp, "Gazprom executives met Chinese officials.").get("Gazprom executives")
        == "BIZ.GAZPROM"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Air Canada pilots went on strike.", "Air Canada"),
        ("Royal Bank of Canada sued the Canadian regulator.", "Royal Bank of Canada"),
        ("South African Airways signed an agreement with Kenya Airways.", "South African Airways"),
        ("Turkish Airlines signed a deal with Boeing for 200 jets.", "Turkish Airlines"),
        ("Indian Oil Corporation bought crude from Russia.", "Indian Oil Corporation"),
    ],
)
def test_a_country_inside_a_company_name_is_not_the_country(nlp, text: str, name: str) -> None:
    found = _actor_ids(nlp, text)
    assert found.get(name, "").startswith("NER:"), found


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("The Iraqi Army retook the town.", "Iraqi Army", "IRQ.MIL"),
        ("The Government of Iraq condemned the attack.", "Government of Iraq", "IRQ.GOV"),
        (
            "The Egyptian Foreign Ministry summoned the envoy.",
            "Egyptian Foreign Ministry",
            "EGY.GOV",
        ),
    ],
)
def test_a_state_organ_named_by_its_country_stays_the_state(
    nlp, text: str, name: str, actor: str
) -> None:
    assert _actor_ids(nlp, text).get(name) == actor
