"""The PLOVER scorer: locating gold actors, matching relations, detection and quad accuracy."""

from __future__ import annotations

import json

import pytest

from allegiance.errors import InputError
from allegiance.eval.plover import (
    GOLD_QUADS,
    PloverPrediction,
    PloverRecord,
    load_plover,
    locate,
    matches,
    score_plover,
)


def _record(text, source, target, event="ACCUSE", rid="r1"):
    return {
        "id": rid,
        "event": event,
        "text": text,
        "source": [{"actorText": source}] if source else "",
        "target": [{"actorText": target}] if target else "",
    }


@pytest.mark.parametrize(
    ("text", "actor", "expected"),
    [
        # whole text, case-insensitive, every occurrence
        ("Iran and iran", "Iran", ((0, 4), (9, 13))),
        # coders abbreviate with an ellipsis
        ("U.S. and Russian negotiators met", "U.S. ... negotiators", ((0, 4), (17, 28))),
        # a coordination written apart: word by word, acronyms kept, function words not
        ("French and Egyptian warships", "French warships", ((0, 6), (20, 28))),
        ("US and British forces", "US forces", ((0, 2), (15, 21))),
        # doubled spaces in the gold
        ("The Homeland Union (Conservatives) began", "Homeland Union  (Conservatives)", ((4, 34),)),
        # a word inside another word is not the actor
        ("Iranians protested", "Iran officials", ()),
    ],
)
def test_locate_finds_the_gold_actor_as_written(text, actor, expected):
    assert locate(text, actor) == expected


def test_load_skips_records_without_a_sentence_and_marks_missing_roles(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text(
        json.dumps(
            [
                {"id": "doc", "event": "DOCUMENT", "comment": "no sentence"},
                _record("Israel accused Syria of shelling.", "Israel", "Syria"),
                _record("Workers went on strike in Lagos.", "Workers", None, event="PROTEST"),
            ]
        ),
        encoding="utf-8",
    )
    records = load_plover(path)
    assert [r.id for r in records] == ["r1", "r1"]
    assert records[0].sources == ((0, 6),) and records[0].targets == ((15, 20),)
    assert records[0].quad_class == GOLD_QUADS["ACCUSE"] == 3
    assert records[0].scorable and not records[1].scorable


@pytest.mark.parametrize("content", ["{not json", '{"a": 1}', "[1, 2]"])
def test_load_rejects_what_is_not_a_list_of_records_naming_the_file(tmp_path, content):
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="bad.txt"):
        load_plover(path)


REC = PloverRecord("r", "Israel accused Syria of shelling.", "ACCUSE", 3, ((0, 6),), ((15, 20),))


@pytest.mark.parametrize(
    ("pred", "expected"),
    [
        (PloverPrediction((0, 6), (15, 20), 3), True),
        (PloverPrediction((15, 20), (0, 6), 3), True),  # either order
        (PloverPrediction((0, 14), (15, 20), 1), True),  # overlap is enough, any quad
        (PloverPrediction((0, 6), (15, 20), 3, negated=True), False),
        (PloverPrediction((0, 6), (24, 32), 3), False),  # only one gold actor
    ],
)
def test_a_relation_detects_a_record_when_both_arguments_overlap_gold_actors(pred, expected):
    assert matches(REC, pred) is expected


def test_detection_counts_scorable_records_and_quad_accuracy_counts_detected_ones():
    other = PloverRecord("s", "Cuba hailed Chile.", "SUPPORT", 1, ((0, 4),), ((12, 17),))
    unscorable = PloverRecord("u", "Workers struck.", "PROTEST", 4, ((0, 7),), ())
    missed = PloverRecord("m", "Peru warned Bolivia.", "THREATEN", 3, ((0, 4),), ((12, 19),))
    scores = score_plover(
        [REC, other, unscorable, missed],
        [
            [PloverPrediction((0, 6), (15, 20), 3)],
            # the surer of two readings is the one read: a wrong quad class here
            [PloverPrediction((0, 4), (12, 17), 1, confidence=0.4),
             PloverPrediction((0, 4), (12, 17), 3, confidence=0.9)],
            [],
            [PloverPrediction((0, 4), (12, 19), 3, confidence=0.2)],
        ],
    )  # fmt: skip
    assert (scores.n_records, scores.n_scorable, scores.detected) == (4, 3, 3)
    assert scores.detection == 1.0
    assert scores.quad_correct == 2 and scores.quad_accuracy == pytest.approx(2 / 3)
    assert scores.confusion == {(3, 3): 2, (1, 3): 1}
    assert scores.by_event["SUPPORT"].detected == 1 and scores.by_event["SUPPORT"].quad_correct == 0
    assert scores.prediction_precision == 1.0
    # a confidence threshold drops the weak readings
    strict = score_plover(
        [REC, other, unscorable, missed],
        [[PloverPrediction((0, 6), (15, 20), 3)],
         [PloverPrediction((0, 4), (12, 17), 1, confidence=0.4)],
         [], [PloverPrediction((0, 4), (12, 19), 3, confidence=0.2)]],
        min_confidence=0.5,
    )  # fmt: skip
    assert strict.detected == 1 and strict.n_predictions == 1


def test_predictions_that_link_no_gold_pair_lower_prediction_precision():
    scores = score_plover([REC], [[PloverPrediction((0, 6), (15, 20), 3),
                                   PloverPrediction((0, 6), (24, 32), 4)]])  # fmt: skip
    assert scores.prediction_precision == 0.5
    assert scores.detection == 1.0


def test_one_list_of_predictions_per_record_is_required():
    with pytest.raises(ValueError, match="per record"):
        score_plover([REC], [])


def test_a_stance_counts_as_detected_but_not_as_the_right_quad_class():
    scores = score_plover([REC], [[PloverPrediction((0, 6), (15, 20), None, "OPPOSE")]])
    assert scores.detected == 1 and scores.quad_correct == 0
    assert scores.confusion == {(3, None): 1}
    assert scores.as_dict()["confusion"] == [{"gold": 3, "predicted": None, "count": 1}]


def test_another_mention_of_the_same_actor_detects_the_record_unless_matching_by_span():
    # "Israel accused Syria ... it said": the relation's source is the pronoun "it"
    # (22, 24), resolved to Israel, whose name (0, 6) is the gold source.
    rec = PloverRecord("p", "Israel accused Syria, it said.", "ACCUSE", 3, ((0, 6),), ((15, 20),))
    pronoun = PloverPrediction((22, 24), (15, 20), 3, source_alts=((0, 6),))
    assert matches(rec, pronoun)
    assert not matches(rec, pronoun, by_actor=False)
    scores = score_plover([rec], [[pronoun]])
    assert scores.detected == 1 and scores.detected_spans == 0
    assert scores.as_dict()["detected_spans"] == 0
    # a mention of some other actor in the sentence does not stand in for the gold one
    stranger = PloverPrediction((22, 24), (15, 20), 3)
    assert not matches(rec, stranger)
