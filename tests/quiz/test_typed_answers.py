"""Typed quiz answers: the same answer in other words passes, hedges and negations fail, numbers compare."""

from __future__ import annotations

import pytest

from dlprep.quiz.typed import as_number, check_typed


@pytest.mark.parametrize(("given", "expected"), [
    ("the decision threshold on validation data", "the decision threshold"),
    ("k anchor", "k anchors"),
    ("a depthwise conv, one filter per channel", "depthwise convolution"),
    ("BN", "batch norm"),
    ("1e-8", "$10^{-8}$"),
    ("0.5", "1/2"),
    ("50%", "0.5"),
    ("gamma", "$\\gamma$"),
])
def test_the_same_answer_in_other_words_passes(given: str, expected: str) -> None:
    assert check_typed(given, expected).correct


@pytest.mark.parametrize(("given", "expected"), [
    ("batch norm or layer norm", "Layer norm"),
    ("not layer norm", "Layer norm"),
    ("layer norm and group norm", "Layer norm"),
    ("layer", "layer norm"),
    ("warm restarts", "SGDR (warm restarts)"),
    ("3", "4"),
    ("1e-7", "$10^{-8}$"),
])
def test_hedges_negations_missing_words_and_other_numbers_fail(given: str, expected: str) -> None:
    assert not check_typed(given, expected).correct


def test_an_empty_answer_means_i_do_not_know() -> None:
    verdict = check_typed("  ", "layer norm")
    assert not verdict.correct and verdict.how == "no answer (I don't know)"


def test_differences_are_marked_on_both_sides() -> None:
    verdict = check_typed("batch norm", "layer norm")
    assert verdict.expected_marks == [("layer", False), ("norm", True)]
    assert verdict.given_marks == [("batch", False), ("norm", True)]


@pytest.mark.parametrize(("text", "value"), [("10^-8", 1e-8), ("$10^{-8}$", 1e-8), ("2.5e3", 2500.0),
                                             ("3/4", 0.75), ("12%", 0.12), ("-4", -4.0), ("layer norm", None)])
def test_numbers_are_read_in_their_usual_spellings(text: str, value: float | None) -> None:
    assert as_number(text) == pytest.approx(value) if value is not None else as_number(text) is None
