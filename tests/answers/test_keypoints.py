"""The key-point matcher on answers written for one card, and on answers no one should crash on."""

from __future__ import annotations

import pytest

from dlprep.answers import check_answer, suggested_rating
from dlprep.answers.glossary import fold_terms

QUESTION = "Why do transformers use layer norm instead of batch norm?"
POINTS = [
    "layer norm normalizes each token over its own features, so it does not depend on the batch or on other tokens",
    "sequences in a batch have different lengths: batch statistics would mix in padding and vary with the padding",
    "it behaves identically in training and inference, including autoregressive decoding with batch size 1",
]


def covered(answer: str) -> list[bool]:
    return [p.covered for p in check_answer(QUESTION, POINTS, answer).points]


def test_a_point_stated_in_other_words_and_abbreviations_is_covered() -> None:
    answer = "LN computes statistics per token across its hidden features, so it never looks at the rest of the batch."
    result = check_answer(QUESTION, POINTS, answer)
    assert [p.covered for p in result.points] == [True, False, False]
    assert result.points[0].evidence == answer


def test_each_point_is_found_in_its_own_sentence() -> None:
    answer = ("Padding: sequences have different lengths, so batch statistics would include padding. "
              "And it is identical at training and inference, even decoding one token with batch size 1.")
    assert covered(answer) == [False, True, True]
    result = check_answer(QUESTION, POINTS, answer)
    assert "Padding" in result.points[1].evidence and "decoding" in result.points[2].evidence


def test_an_off_topic_answer_covers_nothing() -> None:
    assert covered("Layer norm is faster on GPUs and uses less memory.") == [False, False, False]


def test_a_negated_statement_scores_lower_than_the_same_words_affirmed() -> None:
    def score(answer: str) -> float:
        return check_answer(QUESTION, POINTS, answer).points[2].score

    affirmed = score("It behaves identically in training and inference.")
    negated = score("It does not behave identically in training and inference.")
    assert negated < affirmed


@pytest.mark.parametrize("answer", ["", "   \n\n ", "🙂🙃" * 500, "$$\\frac{x-\\mu}{\\sqrt{\\sigma^2+\\epsilon}}$$",
                                    "def f(x):\n    return x.mean(-1)\n" * 200, "\x00\x1b[2J\ud800", "a" * 100_000])
def test_any_text_gets_a_result(answer: str) -> None:
    result = check_answer(QUESTION, POINTS, answer)
    assert len(result.points) == 3
    assert all(0.0 <= p.score <= 1.0 for p in result.points)


def test_a_very_long_answer_is_cut_with_a_notice() -> None:
    result = check_answer(QUESTION, POINTS, "padding " * 20_000)
    assert "first 20,000 characters" in result.notice


def test_glossary_folds_spellings_to_one_token() -> None:
    assert fold_terms("supervised fine-tuning").split() == fold_terms("SFT".lower()).split() == ["sft"]
    assert fold_terms("batch normalization").split() == ["batchnorm"]
    assert fold_terms("batch").split() == ["batch"]


@pytest.mark.parametrize(("covered_points", "total", "rating"), [(3, 3, 3), (2, 3, 2), (1, 2, 2), (1, 3, 1), (0, 4, 1)])
def test_suggested_rating_never_exceeds_what_the_marks_support(covered_points: int, total: int, rating: int) -> None:
    assert suggested_rating(covered_points, total) == rating
