"""Key-point scores worked out by hand: word weights, the question's words, evidence spans, limits, first use."""

from __future__ import annotations

import math

import pytest

from dlprep.answers import check_answer, keypoints, suggested_rating
from dlprep.answers.keypoints import MAX_ANSWER_CHARS, content_stems, has_negation

QUESTION = "Why does dropout help?"
POINTS = ["dropout averages an ensemble", "dropout injects noise"]
# Stems: point 1 {dropout, averag, ensembl}, point 2 {dropout, inject, nois}; two points, so a stem in one point
# weighs log(1 + 2/1) = log 3 and "dropout", in both, log(1 + 2/2) = log 2, times 0.35 since the question has it.
ONE_WORD = math.log(3) / (2 * math.log(3) + 0.35 * math.log(2))  # 0.4503
TWO_WORDS = 2 * math.log(3) / (2 * math.log(3) + 0.35 * math.log(2))  # 0.9006


def test_a_word_of_one_point_outweighs_a_shared_word_and_the_questions_words() -> None:
    first, second = check_answer(QUESTION, POINTS, "It averages.").points
    assert first.score == pytest.approx(ONE_WORD, abs=1e-6)
    assert first.covered  # 0.45 >= 0.42
    assert (second.score, second.covered) == (0.0, False)
    only_dropout = check_answer(QUESTION, POINTS, "Dropout.").points[0]
    assert only_dropout.score == pytest.approx(0.35 * math.log(2) / (2 * math.log(3) + 0.35 * math.log(2)), abs=1e-6)


def test_the_evidence_is_the_first_best_sentence_and_an_unmatched_point_has_none() -> None:
    answer = "It averages an ensemble. Then it is switched off at test time."
    first, second = check_answer(QUESTION, POINTS, answer).points
    # the sentence and the sentence with its neighbour score the same: the sentence alone is the evidence
    assert (first.text, first.evidence) == (POINTS[0], "It averages an ensemble.")
    assert first.score == pytest.approx(TWO_WORDS, abs=1e-6)
    assert (second.text, second.score, second.evidence) == (POINTS[1], 0.0, "")


def test_a_point_spread_over_two_neighbouring_sentences_is_found_in_the_pair() -> None:
    answer = "It averages many networks. Together they form an ensemble."
    first = check_answer(QUESTION, POINTS, answer).points[0]
    assert first.score == pytest.approx(TWO_WORDS, abs=1e-6)
    assert first.evidence == answer


def test_a_point_exactly_at_the_threshold_is_covered() -> None:
    # one point: "dropout" and "averag" weigh log 2 each, so one of them is exactly half
    (point,) = check_answer("What is it?", ["dropout averages"], "Dropout.", threshold=0.5).points
    assert (point.score, point.covered) == (0.5, True)


def test_the_json_form_of_a_point() -> None:
    first, second = check_answer(QUESTION, POINTS, "It averages an ensemble.").points
    assert first.to_dict() == {"text": POINTS[0], "covered": True, "score": 0.901,
                               "evidence": "It averages an ensemble."}
    assert second.to_dict() == {"text": POINTS[1], "covered": False, "score": 0.0, "evidence": ""}


def test_an_answer_of_exactly_the_limit_is_checked_whole() -> None:
    assert check_answer(QUESTION, POINTS, "It averages.").notice == ""
    assert check_answer(QUESTION, POINTS, "a" * MAX_ANSWER_CHARS).notice == ""
    assert check_answer(QUESTION, POINTS, "a" * (MAX_ANSWER_CHARS + 1)).notice == (
        "only the first 20,000 characters were checked")


def test_a_card_without_key_points_suggests_again() -> None:
    assert suggested_rating(0, 0) == 1
    assert suggested_rating(1, 1) == 3


def test_negations_with_any_apostrophe_and_any_auxiliary() -> None:
    assert has_negation("it doesn’t depend on the batch")  # typographic apostrophe
    assert has_negation("the statistics shouldn't be shared")
    assert not has_negation("it depends on the batch")


def test_single_letters_are_not_content_words_but_digits_and_two_letter_terms_are() -> None:
    assert content_stems("LR x 2 k") == ["lr", "2"]


def test_the_stemmer_is_loaded_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keypoints, "_stemmer", None)  # as in a new process
    assert content_stems("Anchors and normalizing layers") == ["anchor", "normal", "layer"]
    assert content_stems("anchors") == ["anchor"]
