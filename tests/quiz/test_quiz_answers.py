"""Short-answer grading: normalized comparison of what was typed with the expected answer."""

from __future__ import annotations

import pytest

from dlprep.quiz.answers import is_correct, normalize, without_remarks, word_count


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("gamma", "$\\gamma$"),
        ("γ", "gamma"),
        ("Gamma", "γ"),
        ("beta 1", "$\\beta_1$"),
        ("β₁", "beta_1"),
        ("lambda", "λ"),
        ("epsilon", "ϵ"),
        ("The Layer Norm.", "layer norm"),
        ("an equivariance", "equivariance"),
        ("layer-norm", "Layer norm"),
        ("1x1 convolution", "$1 \\times 1$ convolution"),
        ("1 x 1", "1 × 1"),
        ("two parameters", "2 parameters"),
        ("sqrt d", "$\\sqrt{d}$"),
        ("2n+1", "$2n + 1$"),
        ("SGDR", "SGDR (warm restarts)"),
        ("sgdr warm restarts", "SGDR (warm restarts)"),
        ("naive bayes", "Naïve Bayes"),
        ("`softmax`", "**softmax**"),
        ("sigma(a+b)", "$\\sigma(a + b)$"),
    ],
)
def test_equivalent_spellings_are_accepted(given: str, expected: str) -> None:
    assert is_correct(given, expected)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("beta", "gamma"),
        ("layer", "layer norm"),
        ("", "gamma"),
        ("the", "the apple"),
        ("β2", "$\\beta_1$"),
        ("batch norm", "layer norm"),
        ("warm restarts", "SGDR (warm restarts)"),
    ],
)
def test_different_answers_are_rejected(given: str, expected: str) -> None:
    assert not is_correct(given, expected)


def test_normalize_spells_out_greek_and_drops_articles_and_punctuation() -> None:
    assert normalize("The γ-term, a β!") == "gammatermbeta"


def test_word_count_reads_math_and_ignores_remarks_outside_math() -> None:
    assert word_count("SGDR (warm restarts)") == 1
    assert word_count("$\\sigma(x + y)$") == 3
    assert word_count("the decision threshold on validation data") == 5


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("a^2", "$a^2$"),  # "a" is the variable here, not an article
        ("ax+b", "$a x + b$ (an affine map)"),
        ("ax + b, an affine map", "$a x + b$ (an affine map)"),
        ("a x + b, an affine map", "$a x + b$ (an affine map)"),
        ("a x + b, an affine map", "$a x + b$, an affine map (the usual one)"),
    ],
)
def test_the_variable_a_is_not_dropped_as_an_article(given: str, expected: str) -> None:
    assert is_correct(given, expected)


@pytest.mark.parametrize(
    "given", ["cosine schedule", "cosine schedule with warm restarts", "the cosine schedule with warm restarts"]
)
def test_an_answer_with_an_article_and_a_remark_is_matched_with_or_without_either(given: str) -> None:
    assert is_correct(given, "The cosine schedule (with warm restarts)")


def test_a_remark_before_a_formula_is_optional_and_the_formula_keeps_its_parentheses() -> None:
    expected = "softmax (over the classes) of $\\sigma(z)$ (the logits)"
    assert without_remarks(expected) == "softmax of $\\sigma(z)$"
    assert is_correct("softmax of sigma(z)", expected)
    assert word_count(expected) == 4


def test_the_common_misspelling_lamda_is_read_as_lambda() -> None:
    assert is_correct("lamda", "$\\lambda$")
    assert normalize("Lamda") == "lambda"


GCN = "$\\sigma(\\tilde{D}^{-1/2} \\tilde{A} \\tilde{D}^{-1/2} H W)$"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("b", "$a + b$"),
        ("sigma(D^-1/2 D^-1/2 H W)", GCN),  # the adjacency matrix left out
        ("I", "$\\tilde{A} = A + I$"),
        ("bn", "$a^n b^n$"),
    ],
)
def test_an_answer_that_leaves_out_the_variable_a_of_a_formula_is_rejected(given: str, expected: str) -> None:
    assert not is_correct(given, expected)


def test_a_formula_with_the_variable_a_typed_in_full_is_accepted() -> None:
    assert is_correct("sigma(D^-1/2 A D^-1/2 H W)", GCN)
    assert is_correct("σ(D^{-1/2} Ã D^{-1/2} H W)", GCN)
    assert is_correct("a^n b^n", "$a^n b^n$")
    assert word_count("$\\sigma(a + b)$") == 3
