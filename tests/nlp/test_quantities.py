"""Quantities: each number form, concept, actor, change and date, and the exclusions."""

from __future__ import annotations

import pytest

from allegiance.nlp.quantities import QuantityExtractor, find_numbers, parse_number


def _quantities(nlp, text, published=None):
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    doc._.published = published
    return nlp(doc)._.quantities


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "approximate", "concept"),
    [
        ("That brings the number of troops to just over the 3,000 mark.", 3000, 3000, None, True, "troops"),
        ("The U.S. has nearly 5,000 men and women in Iraq.", 5000, None, 5000, True, "troops"),
        ("They killed more than 500 soldiers.", 500, 500, None, False, "troops killed"),
        ("Some 200 advisers are deployed.", 200, None, None, True, "advisers"),
        ("An estimated 6,000 fighters are in the city.", 6000, None, None, True, "fighters"),
        ("Between 10 and 20 civilians died.", 15, 10, 20, False, "civilians"),
        ("The Iraqis cleared 15 to 20 percent of the city.", 17.5, 15, 20, False, "percent"),
        ("The aid totals 1.5 million dollars.", 1.5e6, None, None, False, "dollars"),
        ("The U.S. will provide $500 million in assistance.", 5e8, None, None, False, "dollars"),
        ("Dozens of villages were liberated.", 24, 24, None, True, "villages"),
        ("Hundreds of refugees crossed the border.", 200, 200, None, True, "refugees"),
        ("Ninety-Four Citizen Airmen departed for Turkey.", 94, None, None, False, "troops"),
        ("The forces advanced to within 7.5 kilometers of the dam.", 7.5, None, None, False, "kilometres"),
        ("The coalition conducted 34 strikes against ISIL.", 34, None, None, False, "airstrikes"),
        ("The 60-plus nation coalition supports them.", 60, 60, None, True, "nation"),
        ("Tens of millions of people are in need.", 2e7, 2e7, None, True, "people"),
        ("A New Five-Year Program starts.", 5, None, None, False, "year"),
    ],
)  # fmt: skip
def test_quantity_forms(nlp, text, value, low, high, approximate, concept):
    found = _quantities(nlp, text)
    assert len(found) == 1
    q = found[0]
    assert (q.value, q.low, q.high, q.approximate, q.concept) == (
        value,
        low,
        high,
        approximate,
        concept,
    )
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("Obama approved sending 1,500 more troops to Iraq.", "up"),
        ("The Pentagon will cut the force by 500 troops.", "down"),
        ("The garrison has 500 fewer troops than last year.", "down"),
        ("The garrison has 500 troops.", "="),
    ],
)
def test_change(nlp, text, change):
    assert [q.change for q in _quantities(nlp, text)] == [change]


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("The PMF had 60,000 fighters in 2014.", "2016-10-20", "2014"),
        ("The militia had 60,000 fighters last month.", "2016-10-20", "2016-09"),
        ("The militia has 60,000 fighters.", "2016-10-20", "2016-10-20"),
        ("The militia has 60,000 fighters.", None, None),
        ("On 20 October 2016, 500 U.S. troops arrived in Erbil.", None, "2016-10-20"),
        ("On 20 Oct., 500 U.S. troops arrived in Erbil.", "2016-11-02", "2016-10-20"),
        ("Since Dec. 5, 2016, the coalition has delivered 922 munitions.", None, "2016-12-05"),
        ("In 2014, 3,000 troops were in Iraq.", "2016-10-20", "2014"),
    ],
)
def test_date_from_sentence_else_published(nlp, text, published, date):
    assert [q.date for q in _quantities(nlp, text, published)] == [date]


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2014 and the city fell in 1980.",
        "Abu Jandal was killed on Monday, Dec. 26, near Tabqa Dam.",
        "The tanks were seized between 11-13 Dec. near Palmyra.",
        "The call starts at 10 a.m. on Tuesday.",
        "He was the 3rd commander and the first to visit.",
        "Scott C. Dayton, 42, of Woodbridge, Virginia, died in Syria.",
        "For more information, call 910-432-3383 today.",
        "1. Ensure an effective posture.",
        "The council passed UN Security Council Resolution 2254 without delay.",
        "FS Forbin joined Task Force (CTF) 50 on Monday.",
        "Exercise Eager Lion 16 will begin soon.",
        "Our two countries continue to work side by side.",
        "It is one of the premiere exercises in the region.",
        "Force protection is my number one priority here.",
        "The gate has stood since approximately 575 B.C. in Babylon.",
        "Statement by Acting Deputy Administrator John Barsa, 30-12-2020.",
        "Americans in Venezuela can reach us 24/7 at +1-202-501-4444 for assistance.",
        "The Fiscal ’19 Budget Request will restore the military.",
        "McCain died in Arizona after a long battle with cancer. He was 81.",
        "Cholera has taken hold in all four countries.",
        "Convoys arrived safely in Port Sudan on April 29th and April 30th.",
    ],
)
def test_not_quantities(nlp, text):
    assert _quantities(nlp, text) == []


def test_quantities_in_ignored_ranges_are_skipped(nlp):
    text = "The U.S. has 5,000 troops in Iraq."
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    doc._.ignore = [(0, len(text))]
    assert nlp(doc)._.quantities == []


def test_parse_number_and_find_numbers():
    assert parse_number("1,500") == 1500
    assert parse_number("two hundred") == 200
    assert parse_number("$1.5 billion") == 1.5e9
    assert parse_number("banana") is None
    assert [v for _, _, v in find_numbers("some 200 advisers and 3,000 troops")] == [200, 3000]


def test_lexicon_round_trips_through_disk(base_nlp, tmp_path):
    comp = QuantityExtractor(base_nlp, "n")
    comp.to_disk(tmp_path)
    again = QuantityExtractor(base_nlp, "n").from_disk(tmp_path)
    assert again.lexicon.synonyms == comp.lexicon.synonyms


def test_user_lexicon_adds_concept_synonyms(base_nlp, tmp_path):
    extra = tmp_path / "concepts.yaml"
    extra.write_text("concepts:\n  troops: [legionnaire]\n", encoding="utf-8")
    comp = QuantityExtractor(base_nlp, "n", lexicon_paths=[str(extra)])
    assert comp.lexicon.synonyms["legionnaire"] == "troops"
    assert comp.lexicon.synonyms["soldier"] == "troops"


# -- the founding articles -------------------------------------------------------------------

SEED_FIGURES = [
    ("000", "2014-11-15", "1,500", 1500, "troops", "up", "2014"),
    ("000", "2014-11-15", "just over the 3,000", 3000, "troops", "=", "2014"),
    ("004", "2016-10-20", "more than 600", 600, "troops", "up", "2016"),
    ("004", "2016-10-20", "nearly 5,000", 5000, "troops", "=", "2016"),
    ("004", "2016-10-20", "some 200", 200, "advisers", "=", "2016"),
    ("004", "2016-10-20", "an estimated 6,000", 6000, "fighters", "=", "2016"),
    ("004", "2016-10-20", "more than 500", 500, "troops killed", "=", "2016"),
]


@pytest.fixture(scope="module")
def seed_quantities(nlp, seed_texts):
    out = {}
    published = {"000": "2014-11-15", "004": "2016-10-20"}
    for name, text in seed_texts.items():
        doc = nlp.make_doc(text)
        doc._.doc_id = name[:3]
        doc._.published = published[name[:3]]
        out[name[:3]] = nlp(doc)._.quantities
    return out


@pytest.mark.parametrize(
    ("doc", "published", "words", "value", "concept", "change", "year"), SEED_FIGURES
)
def test_seed_troop_figures(seed_quantities, doc, published, words, value, concept, change, year):
    found = [q for q in seed_quantities[doc] if q.text == words]
    assert len(found) == 1
    q = found[0]
    assert (q.value, q.concept, q.change) == (value, concept, change)
    assert q.date is not None and q.date.startswith(year)
    if concept in {"troops", "advisers", "troops killed"}:
        assert q.actor_id is not None and q.actor_id.startswith("USA")
    else:
        assert q.actor_id is not None and q.actor_id.startswith("ISIL")
