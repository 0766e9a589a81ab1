"""Math shown as Unicode: the formulas the cards use, code left alone."""

from __future__ import annotations

import pytest

from dlprep.content.mathtext import latex_to_unicode, render_math


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\gamma \frac{x-\mu}{\sigma + \epsilon} + \beta", "γ(x-μ)/(σ+ε) + β"),
        (r"\frac{x-\mu}{\sqrt{\sigma^2+\epsilon}}", "(x-μ)/√(σ²+ε)"),
        (r"softmax(\frac{QK^T}{\sqrt{d}})V", "softmax(QKᵀ/√d)V"),
        (r"\bar{\alpha}_t = \prod_{s=1}^{t} (1-\beta_s)", "α̅ₜ = ∏ₛ₌₁ᵗ (1-βₛ)"),
        (r"N^2 - N", "N² - N"),
        (r"\frac{1}{2}", "1/2"),
    ],
)
def test_formulas_read_as_unicode(latex: str, expected: str) -> None:
    assert latex_to_unicode(latex) == expected


def test_inline_and_display_math_in_markdown_but_not_in_code() -> None:
    text = "Scale by $\\frac{1}{\\sqrt{d}}$ and `$x^2$` stays.\n```\n$a^2$\n```\n$$x^2$$"
    assert render_math(text) == "Scale by 1/√d and `$x^2$` stays.\n```\n$a^2$\n```\nx²"


def test_malformed_latex_is_shown_as_written() -> None:
    assert latex_to_unicode(r"\frac{x") == r"\frac{x"
    assert render_math("costs $5 and more") == "costs $5 and more"


def test_display_math_over_several_lines_is_rendered_and_code_is_not() -> None:
    """Multi-line ``$$`` blocks used to stay raw LaTeX (each line was rendered on its own)."""
    markdown = "Loss:\n$$\n\\frac{1}{N}\n\\sum_i x_i^2\n$$\nCode: `$$x$$`\n```\n$$\nraw\n$$\n```"
    assert render_math(markdown) == "Loss:\n1/N ∑ᵢ xᵢ²\nCode: `$$x$$`\n```\n$$\nraw\n$$\n```"


@pytest.mark.parametrize(("latex", "text"), [
    ("$\\epsilon = 10^{-8}$", "ε = 10⁻⁸"),
    ("$\\sigma + \\epsilon$", "σ + ε"),
    ("$N \\times N$", "N × N"),
    ("$\\gamma \\frac{x-\\mu}{\\sqrt{\\sigma^2+\\epsilon}} + \\beta$", "γ(x-μ)/√(σ²+ε) + β"),
    ("$\\beta_1$", "β₁"),
    ("$y = \\alpha x$", "y = αx"),
    ("$\\alpha \\cdot x$", "α · x"),
    ("$a \\le b$", "a ≤ b"),
])
def test_a_space_after_a_symbol_stays_where_it_was_typed(latex: str, text: str) -> None:
    assert render_math(latex) == text
