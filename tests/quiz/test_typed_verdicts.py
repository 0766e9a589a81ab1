"""Typed answers: the verdict and the words the learner reads for each rule, and numbers in every spelling."""

from __future__ import annotations

import pytest

from dlprep.quiz.typed import as_number, check_typed


@pytest.mark.parametrize(("given", "expected", "correct", "how"), [
    ("", "layer norm", False, "no answer (I don't know)"),
    ("Layer Norm", "layer norm", True, "same answer"),
    ("1/2", "0.5 (a half)", True, "same number"),  # the remark is not part of the number
    ("4.0", "4", True, "same number"),
    ("0", "0.0", True, "same number"),
    ("many", "4", False, "a different number"),
    ("0.1", "0", False, "a different number"),
    ("3", "4", False, "a different number"),
    ("depthwise conv", "depthwise convolution", True, "same key words"),
    ("batch norm", "layer norm", False, "different"),
])
def test_each_rule_gives_its_verdict_in_words(given: str, expected: str, correct: bool, how: str) -> None:
    verdict = check_typed(given, expected)
    assert (verdict.correct, verdict.how) == (correct, how)


@pytest.mark.parametrize(("given", "expected", "expected_marks"), [
    ("", "layer norm", [("layer", False), ("norm", False)]),  # nothing typed: every word is missing
    ("Layer Norm", "layer norm", [("layer", True), ("norm", True)]),
    ("4.0", "4", [("4", True)]),
    ("3", "4", [("4", False)]),
    ("depthwise conv", "depthwise convolution", [("depthwise", True), ("convolution", True)]),
])
def test_the_expected_answer_is_marked_word_by_word_on_every_path(
    given: str, expected: str, expected_marks: list[tuple[str, bool]],
) -> None:
    assert check_typed(given, expected).expected_marks == expected_marks


@pytest.mark.parametrize(("text", "value"), [
    ("42.", 42.0),  # the full stop of a sentence
    (".5", 0.5),
    ("−3", -3.0),  # a typographic minus
    ("−3/4", -0.75),
    ("1,000", 1000.0),
    ("1 000 000", 1_000_000.0),
    ("$1e-8", 1e-8),  # a dollar sign left open
    ("2.5 x 10^-3", 0.0025),
    ("$3 \\times 10^{5}$", 300_000.0),
    ("3×10⁻⁴", 3e-4),
    ("1/0", None),
])
def test_more_spellings_of_a_number(text: str, value: float | None) -> None:
    got = as_number(text)
    assert got is None if value is None else got == pytest.approx(value, rel=1e-12)
