"""The time a relation is about: expressions read, the dependency walk, and what must not fire."""

from __future__ import annotations

import json
from datetime import date

import pytest

from allegiance.errors import LexiconError
from allegiance.nlp.timex import TimeResolver, load_time_lexicon, parse_expression

ANCHOR = "2016-10-20"  # a Thursday


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "relative"),
    [
        ("on March 3, 2016", "2016-03-03", "2016-03-03", "day", False),
        ("on 3 March 2016", "2016-03-03", "2016-03-03", "day", False),
        ("in March 2015", "2015-03-01", "2015-03-31", "month", False),
        ("in 2014", "2014-01-01", "2014-12-31", "year", False),
        ("in the 1980s", "1980-01-01", "1989-12-31", "decade", False),
        ("in the '90s", "1990-01-01", "1999-12-31", "decade", False),
        ("in the eighties", "1980-01-01", "1989-12-31", "decade", False),
        ("in the 19th century", "1801-01-01", "1900-12-31", "century", False),
        ("between 2003 and 2011", "2003-01-01", "2011-12-31", "span", False),
        ("from 2003 to 2011", "2003-01-01", "2011-12-31", "span", False),
        ("since 2014", "2014-01-01", ANCHOR, "span", True),
        ("until 2011", None, "2011-12-31", "span", False),
        ("yesterday", "2016-10-19", "2016-10-19", "day", True),
        ("on Tuesday", "2016-10-18", "2016-10-18", "day", True),
        ("last Thursday", "2016-10-13", "2016-10-13", "day", True),
        ("last week", "2016-10-10", "2016-10-16", "week", True),
        ("earlier this month", "2016-10-01", "2016-10-31", "month", True),
        ("next year", "2017-01-01", "2017-12-31", "year", True),
        ("two years ago", "2014-01-01", "2014-12-31", "year", True),
        ("three months ago", "2016-07-01", "2016-07-31", "month", True),
        ("the past three years", "2013-10-20", ANCHOR, "span", True),
        ("years ago", None, "2014-10-20", "span", True),
        ("days ago", None, "2016-10-18", "span", True),
        ("in November", "2015-11-01", "2015-11-30", "month", True),
        ("on May 4", "2016-05-04", "2016-05-04", "day", True),
        ("even as early as 2003", "2003-01-01", "2003-12-31", "year", False),
    ],
)
def test_expressions_resolve_against_the_document_date(text, start, end, precision, relative):
    p = parse_expression(text, ANCHOR)
    assert p is not None, text
    assert (p.start and p.start.isoformat(), p.end and p.end.isoformat()) == (start, end)
    assert (p.precision, p.relative) == (precision, relative)


@pytest.mark.parametrize(
    "text",
    ["the 2014 agreement", "Day of Rage", "in the capital", "on the same side", "2014 troops",
     "last resort", "this week's summit", "in 12 provinces", "a new era", "since the war"],
)  # fmt: skip
def test_what_is_not_a_time_expression(text):
    assert parse_expression(text, ANCHOR) is None


def test_relative_expressions_without_a_document_date_stay_unresolved():
    p = parse_expression("last week", None)
    assert p is not None and p.relative and p.start is None and p.end is None
    explicit = parse_expression("in 2014", None)
    assert explicit is not None and explicit.start == date(2014, 1, 1)


def test_user_lexicon_extends_and_bad_files_name_themselves(tmp_path):
    user = tmp_path / "time.yaml"
    user.write_text("months: {janvier: 1}\nhistory: {nouns: [epoch]}\n", encoding="utf-8")
    lex = load_time_lexicon((str(user),))
    assert lex.months == {"janvier": 1} and "epoch" in lex.history_nouns
    assert parse_expression("in janvier 2015", lexicon=lex).start == date(2015, 1, 1)
    bad = tmp_path / "bad.yaml"
    bad.write_text("past_after_days: soon\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.yaml.*past_after_days"):
        load_time_lexicon((str(bad),))


# ------------------------------------------------------------------ with the parser


def _time(nlp, text, word, anchor=ANCHOR):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return TimeResolver().resolve(token, anchor)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "start", "end", "historical"),
    [
        # courts
        ("The court sentenced the opposition leader on 3 March 2016.", "sentenced",
         "2016-03-03", "2016-03-03", False),
        ("A federal judge fined the company last week.", "fined",
         "2016-10-10", "2016-10-16", False),
        # business
        ("Exxon signed a deal with Rosneft earlier this month.", "signed",
         "2016-10-01", "2016-10-31", False),
        ("The two companies have cooperated since 2014.", "cooperated",
         "2014-01-01", ANCHOR, False),
        # protest
        ("Protesters clashed with riot police on Tuesday.", "clashed",
         "2016-10-18", "2016-10-18", False),
        # diplomacy and war
        ("Two years ago, Russia annexed Crimea.", "annexed", "2014-01-01", "2014-12-31", True),
        ("The US occupied Iraq between 2003 and 2011.", "occupied",
         "2003-01-01", "2011-12-31", True),
        ("In 2014, when ISIL seized Mosul, Iran sent advisers to Baghdad.", "seized",
         "2014-01-01", "2014-12-31", True),
        ("Iran waged a long war with Iraq in the 1980s.", "waged",
         "1980-01-01", "1989-12-31", True),
        # a nominal trigger takes its verb's time; a year on the trigger noun dates it
        ("US support for the Kurds grew in 2014.", "support", "2014-01-01", "2014-12-31", True),
        ("The 2003 invasion of Iraq toppled Saddam.", "invasion",
         "2003-01-01", "2003-12-31", True),
    ],
)  # fmt: skip
def test_the_clause_time_of_a_trigger(nlp, text, trigger, start, end, historical):
    time = _time(nlp, text, trigger)
    assert time is not None
    assert (time.start, time.end, time.historical) == (start, end, historical)
    assert time.expression is not None and time.expression.text in text


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "rule"),
    [
        ("That reminds some of the days of the US occupation of Iraq.", "occupation",
         "history:noun"),
        ("Many Iraqis still recall the American occupation.", "occupation", "history:remember"),
        ("The move reminded Iraqis of the occupation.", "occupation", "history:remember"),
        ("The rivalry goes back to the war with Iraq.", "war", "history:back"),
        ("The two parties were former allies.", "allies", "history:adjective"),
        ("Iran once backed the Houthi rebels.", "backed", "history:adverb"),
        ("The union used to support the governing party.", "support", "history:used_to"),
        ("Its legacy of hostility toward the West shaped the talks.", "hostility",
         "history:noun"),
        ("Iran has in the past accused Saudi Arabia of meddling.", "accused", "history:phrase"),
        ("The union backed the governing party in the past.", "backed", "history:phrase"),
        ("Long ago the two tribes fought each other.", "fought", "history:phrase"),
    ],
)  # fmt: skip
def test_historical_references_mark_the_past(nlp, text, trigger, rule):
    time = _time(nlp, text, trigger, anchor=None)
    assert time is not None and time.historical and time.how == "reference"
    assert time.rule == rule and time.marker is not None and time.marker.text in text


@pytest.mark.model
def test_the_marker_of_a_past_noun_is_its_phrase(nlp):
    time = _time(nlp, "That reminds some of the days of the US occupation of Iraq.", "occupation")
    assert time is not None and time.marker is not None and time.marker.text == "the days of"


@pytest.mark.model
def test_a_dated_reference_keeps_its_period(nlp):
    text = (
        "Iran has never hid its desire to exert influence over its neighbor, even dating back "
        "to the 1980s, when it waged a grinding war with Iraq."
    )
    time = _time(nlp, text, "war", anchor=None)
    assert time is not None and time.historical
    assert (time.start, time.end, time.precision) == ("1980-01-01", "1989-12-31", "decade")
    assert time.rule == "decade+history:back"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a year that names a thing is not the time of the act
        ("Iran violated the 2014 agreement with the United States.", "violated"),
        # the time of the saying is not the time of what is said
        ("Officials said on Tuesday that Iran had sent troops.", "sent"),
        # a protest called "Day of Rage" is not a date
        ("Thousands marched against the government in the Day of Rage.", "marched"),
        # a new era, days of fighting, once again: not the past
        ("The ministers opened a new era of cooperation.", "cooperation"),
        ("After days of fighting, the army retook the city.", "fighting"),
        ("Iran once again backed the Houthi rebels.", "backed"),
        ("Iraq recalled its ambassador from Tehran.", "recalled"),
        ("Militants used roadside bombs to kill US troops.", "kill"),
        ("Once the talks end, Iran will back the deal.", "back"),
        ("A former minister accused the government of fraud.", "accused"),
        ("Iraqi forces clashed with ISIL fighters in the capital.", "clashed"),
        ("Unlike in the past, Iran now backs the deal.", "backs"),
    ],
)
def test_what_must_not_fire(nlp, text, trigger):
    assert _time(nlp, text, trigger) is None


@pytest.mark.model
def test_the_past_week_is_a_period_not_history(nlp):
    time = _time(nlp, "Iran accused Saudi Arabia in the past week.", "accused")
    assert time is not None and not time.historical and time.rule == "relative_unit"


@pytest.mark.model
def test_a_lasting_tie_that_dates_back_began_then(nlp):
    time = _time(nlp, "Ties between Egypt and Israel date back to 1979.", "Ties")
    assert time is not None and not time.historical
    assert (time.start, time.end, time.rule) == ("1979-01-01", ANCHOR, "back_since")


@pytest.mark.model
def test_relation_records_carry_their_time(nlp, tmp_path):
    from allegiance.ingest import read_documents
    from allegiance.nlp.pipeline import extract
    from allegiance.schema import Relation

    docs = [
        {"id": "a", "text": "The US occupied Iraq between 2003 and 2011.", "published": ANCHOR},
        {"id": "b", "text": "That reminds some of the days of the US occupation of Iraq."},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    rels = [r for r in extract(read_documents(path), nlp=nlp) if isinstance(r, Relation)]
    by_doc = {r.doc_id: r for r in rels}
    assert by_doc["a"].time is not None and by_doc["a"].time.historical
    assert by_doc["a"].time.start == "2003-01-01"
    assert by_doc["b"].time is not None and by_doc["b"].time.rule == "history:noun"
    # records with a time round-trip through JSON
    assert Relation.model_validate_json(by_doc["a"].model_dump_json()) == by_doc["a"]


@pytest.mark.model
def test_a_future_act_looks_forward_for_a_month_or_weekday_without_a_year(nlp):
    text = "The German foreign minister will visit Albania in June."
    future = _time_nlp_future(nlp, text, "visit")
    assert (future.start, future.end) == ("2017-06-01", "2017-06-30")
    past = _time(nlp, "The German foreign minister visited Albania in June.", "visited")
    assert (past.start, past.end) == ("2016-06-01", "2016-06-30")
    tuesday = _time_nlp_future(nlp, "Iran will send troops on Tuesday.", "send")
    assert tuesday.start == "2016-10-25"


def _time_nlp_future(nlp, text, word):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    time = TimeResolver().resolve(token, ANCHOR, future=True)
    assert time is not None
    return time
