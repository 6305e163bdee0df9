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
        ("The aid totals 1.5 million dollars.", 1.5e6, None, None, False, "aid"),
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
        "Cholera has taken hold in all four countries.",
        "Convoys arrived safely in Port Sudan on April 29th and April 30th.",
    ],
)
def test_not_quantities(nlp, text):
    assert _quantities(nlp, text) == []


def _one(nlp, text):
    found = _quantities(nlp, text)
    assert len(found) == 1, [(q.text, q.value) for q in found]
    assert text[found[0].start : found[0].end] == found[0].text
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The base model ships with 64GB of storage.", 64, "GB"),
        ("Each home battery delivers 5kW at peak.", 5, "kW"),
        ("Turnout among young voters rose 1.4pc on the last election.", 1.4, "percent"),
        ("Shares in the miner closed at 120p in London.", 120, "p"),
        ("The appeals court heard that the crack was just 1.2mm wide.", 1.2, "mm"),
        ("The striker's shot was measured at 121mph.", 121, "mph"),
        ("Patients took 2.5mg of the drug.", 2.5, "mg"),
        ("Blood pressure fell by 9 mmHg on average.", 9, "mmHg"),
        ("The 1,500m champion retired on Sunday.", 1500, "m"),
    ],
)  # fmt: skip
def test_units_glued_to_the_number(nlp, text, value, unit):
    q = _one(nlp, text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The insurer raised US$5.2m from investors.", 5.2e6, "USD"),
        ("The developer posted a profit of HK$3bn for the year.", 3e9, "HKD"),
        ("The engineering firm won a EUR40m contract.", 40e6, "EUR"),
        ("The party was fined RM12.50 per leaflet by the election court.", 12.5, "MYR/leaflet"),
        ("The club paid Rs 9.5 million for the bowler.", 9.5e6, "INR"),
        ("The court froze A$640m of the company's assets.", 640e6, "AUD"),
    ],
)  # fmt: skip
def test_currency_codes_and_prefixes(nlp, text, value, unit):
    q = _one(nlp, text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)
    assert q.concept == ("dollars" if unit == "USD" else "money")


def test_second_currency_in_brackets_is_a_second_quantity(nlp):
    found = _quantities(nlp, "The retailer paid £40m ($52m) for its rival.")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("£40m", 40e6, "GBP"),
        ("$52m", 52e6, "USD"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("About 25k runners took part in the marathon.", 25e3),
        ("The league signed a 1.8bn deal with the broadcaster.", 1.8e9),
        ("The campaign reached 4.3M voters online.", 4.3e6),
        ("The senator said the bill would cost $2b a year.", 2e9),
        ("Hospitals treated 2.1m patients in January.", 2.1e6),
        ("The city budget rose to $12.3b.", 12.3e9),
    ],
)  # fmt: skip
def test_magnitude_suffixes(nlp, text, value):
    assert _one(nlp, text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Homes sold for $600,000 to $1.2 million last year.", 6e5, 1.2e6, "USD"),
        ("Builders expect 1 to 2 million new homes.", 1e6, 2e6, None),
        ("Savings of $1bn-$1.5bn are expected from the merger.", 1e9, 1.5e9, "USD"),
        ("The court heard of returns of 12% to 15% a year.", 12, 15, "percent/year"),
        ("Forecasters expect 10 to 20mm of rain.", 10, 20, "mm"),
        ("Polls gave the senator between 280 and 310 seats.", 280, 310, None),
    ],
)  # fmt: skip
def test_ranges_keep_each_end(nlp, text, low, high, unit):
    q = _one(nlp, text)
    assert (q.low, q.high, q.unit) == (pytest.approx(low), pytest.approx(high), unit)
    assert q.value == pytest.approx((low + high) / 2)


def test_a_change_then_a_level_is_not_a_range(nlp):
    found = _quantities(nlp, "Oil rose 2.1% to $83.40 a barrel.")
    assert [(q.value, q.unit, q.low) for q in found] == [
        (2.1, "percent", None),
        (83.4, "USD/barrel", None),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A third of voters cast their ballots early.", 1 / 3),
        ("The trial found that 1/16 of the dose reached the brain.", 1 / 16),
        ("The court cut the damages by half.", 0.5),
        ("One in four adults reported a chronic condition.", 0.25),
        ("About 1 in 4 fans bought tickets online.", 0.25),
        ("Two-thirds of the seats went to the ruling party.", 2 / 3),
        ("Three out of five start-ups fail, the report said.", 0.6),
    ],
)  # fmt: skip
def test_fractions(nlp, text, value):
    assert _one(nlp, text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Temperatures fell to minus-5 overnight.", -5),
        ("Used car prices fell -1.2% on the month.", -1.2),
        ("The pension fund returned -2.7% last year.", -2.7),
        ("Wind chills could reach minus 31 in the north.", -31),
    ],
)  # fmt: skip
def test_negatives_keep_their_sign(nlp, text, value):
    assert _one(nlp, text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A 40-year-old man was charged with fraud.", 40),
        ("The senator, 70, said she would not run again.", 70),
        ("Mark Ellison, 70, of Tampa was sentenced on Thursday.", 70),
        ("The club's new captain has signed a two-year deal. She is 23 and from Leeds.", 23),
        ("The suspect, aged 19, was arrested at the scene.", 19),
    ],
)  # fmt: skip
def test_ages_are_quantities(nlp, text, value):
    assert [q.concept for q in _quantities(nlp, text) if q.value == value] == ["age"]


@pytest.mark.parametrize(
    "text",
    [
        "Reviewers compared the Phone 12 Pro with the Pixel 8 running Android 14 and iOS 17.",
        "The index 500 companies in row 21 of the table fall into category 3.",
        "Support for Wi-Fi 7 and USB 4 arrives in update 2.1.",
        "He won the stage in 4:39 and the marathon in 2:05:41.",
        "United came from behind for a 3-1 win; the top seed won 6-4, 7-5.",
        "The Supreme Court ruled 6-3 that the law stands.",
        "The family lives at 1600 Pennsylvania Avenue and 10 Downing Street.",
        "Write to PO Box 1450, Springfield, IL 62704.",
        "The firm was founded in 1998 and moved in the 1990s.",
        "The striker scored in the second half after half-time talks.",
        "The storm is the third of the season, a third straight weekend of snow.",
        "The vote in Ballot Measure 110 was held in District 12.",
    ],
)
def test_not_quantities_in_news(nlp, text):
    assert [(q.text, q.value) for q in _quantities(nlp, text)] == []


def test_units_come_from_a_user_lexicon(base_nlp, tmp_path):
    extra = tmp_path / "units.yaml"
    extra.write_text('currencies: {"Ksh": KES}\nunits: {furlongs: furlong}\n', encoding="utf-8")
    comp = QuantityExtractor(base_nlp, "n", lexicon_paths=[str(extra)])
    assert comp.lexicon.currencies["Ksh"] == "KES"
    assert find_numbers("Ksh 500", comp.lexicon) == [(0, 7, 500.0)]


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


@pytest.mark.parametrize(
    ("text", "value", "unit", "concept"),
    [
        # business, courts, energy, farming: a unit written as a word is the unit, and what
        # it measures is its "of" phrase
        ("The project cost about 6 billion euros.", 6e9, "EUR", "money"),
        ("The court fined the company 2.4 billion euros.", 2.4e9, "EUR", "money"),
        ("The deal is worth 5 billion yen.", 5e9, "JPY", "deal"),
        ("The ship carried 40,000 tonnes of grain.", 4e4, "t", "grain"),
        ("The storm dropped 300 millimetres of rain on the city.", 300, "mm", "rain"),
        # a rate: "a" or "per" and a noun
        ("The plant produces 2 million barrels per day.", 2e6, "barrels/day", None),
        ("Brent crude traded at $83.40 a barrel.", 83.4, "USD/barrel", "dollars"),
        ("Inflation rose by 2 percentage points.", 2, "percentage points", "inflation"),
    ],
)  # fmt: skip
def test_units_written_as_words_and_rates(nlp, text, value, unit, concept):
    q = _one(nlp, text)
    assert (q.value, q.unit, q.concept) == (pytest.approx(value), unit, concept)


def test_a_distance_from_a_place_measures_no_place(nlp):
    # must not fire: "of the dam" is where the distance is from, not what it measures
    q = _one(nlp, "The forces advanced to within 7.5 kilometers of the dam.")
    assert (q.unit, q.concept) == ("km", "kilometres")


@pytest.mark.parametrize(
    ("text", "change"),
    [
        # markets, health, politics: a verb of rising or falling before the number
        ("Shares fell 8.5% on Monday.", "down"),
        ("Exports jumped $2 billion last year.", "up"),
        ("The vaccine cut the risk of death by 75 percent.", "down"),
        ("The party's support climbed 4 points in a month.", "up"),
        # must not fire: the level reached after "to"
        ("Brent crude rose to $83.40 a barrel.", "="),
    ],
)
def test_a_rise_or_fall_before_a_number_is_its_change(nlp, text, change):
    assert _one(nlp, text).change == change


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # economy, markets, company results, polls, protest crowds
        ("Unemployment in the euro zone fell to 6.3 percent in March.", "unemployment"),
        ("The company's revenue climbed 12 percent last year.", "revenue"),
        ("Brent crude rose 2 percent on Monday.", "brent crude"),
        ("Approval of the president fell 6 percentage points.", "approval"),
        ("Organisers put the crowd at 150,000.", "crowd"),
        ("Police estimated the turnout at 20,000.", "turnout"),
    ],
)
def test_a_figure_is_of_what_its_clause_says_it_of(nlp, text, concept):
    assert _quantities(nlp, text)[0].concept == concept


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("The insurer raised US$5.2m from investors.", "dollars"),  # an act, not a size
        ("It rose 3 percent on Monday.", "percent"),  # a pronoun names nothing
        ("The firm increased prices by 5 percent.", "percent"),  # an agent's act
    ],
)
def test_a_figure_keeps_its_unit_concept_when_its_clause_names_no_thing(nlp, text, concept):
    assert _quantities(nlp, text)[0].concept == concept


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # budgets, company results, court fines: South Asian scale words
        ("The government approved a 15,000 crore rupee package.", 1.5e11, "INR"),
        ("Rs 2,000 crore was set aside for farmers.", 2e10, "INR"),
        ("The court fined the firm 5 lakh rupees.", 5e5, "INR"),
    ],
)
def test_crore_and_lakh_are_scales(nlp, text, value, unit):
    q = _quantities(nlp, text)[0]
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # a change, then the level reached: two figures, not a range
        ("Brent crude rose $3.40 to $91.20 a barrel.", 3.4, 91.2),
        ("Sales fell €2 billion to €40 billion.", 2e9, 4e10),
    ],
)
def test_a_change_then_a_level_in_one_currency_is_two_figures(nlp, text, first, second):
    qs = _quantities(nlp, text)
    assert [(q.value, q.change) for q in qs] == [
        (pytest.approx(first), "up" if "rose" in text else "down"),
        (pytest.approx(second), "="),
    ]


def test_a_range_in_one_currency_without_a_change_stays_a_range(nlp):
    (q,) = _quantities(nlp, "The deal is worth $600,000 to $1.2 million.")
    assert (q.low, q.high) == (600_000, 1_200_000)
