"""Grading typed short answers: both sides are normalized, then compared.

Normalizing ignores case, accents, punctuation, spacing and the articles a/an/the (but not inside ``$...$``
math, where "a" is a variable); math written as LaTeX is read as Unicode first, and Greek letters and a few
symbols are spelled out, so "gamma", "γ" and ``$\\gamma$`` are the same answer, as are "beta 1", "β₁" and
``$\\beta_1$``. Small numbers written as words match digits ("two" == "2"). A parenthetical remark in the
expected answer is optional.
"""

from __future__ import annotations

import re
import unicodedata

from dlprep.content.mathtext import render_math

GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta",
    "θ": "theta", "ϑ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
    "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon",
    "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
}
SYMBOLS = {"×": "x", "√": "sqrt", "∑": "sum", "∏": "prod", "∞": "infinity", "∇": "nabla", "∂": "partial"}
NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10",
}
ARTICLES = {"a", "an", "the"}
SPELLING = {"lamda": "lambda"}
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_MATH = re.compile(r"(\$\$?)(.+?)\1", re.S)
_ARTICLE = re.compile(r"(?<!\S)(?:a|an|the)(?!\S)")
_KEEP = "\ue000"  # marks a word of a formula, kept even where articles are dropped


def without_remarks(text: str) -> str:
    """``text`` without parenthetical remarks; parentheses inside ``$...$`` math are part of the formula."""
    out, last = [], 0
    for match in _MATH.finditer(text):
        out.append(_PARENTHETICAL.sub("", text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_PARENTHETICAL.sub("", text[last:]))
    return "".join(out).strip()


def _plain(text: str) -> str:
    """``text`` with math read, Greek and symbols spelled out, accents dropped, and every other character but
    letters and digits turned into a space."""
    text = unicodedata.normalize("NFKC", render_math(text)).casefold()
    spelled = []
    for ch in text:
        name = GREEK.get(ch) or SYMBOLS.get(ch)
        spelled.append(f" {name} " if name else ch)
    text = unicodedata.normalize("NFKD", "".join(spelled))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(ch if ch.isalnum() else " " for ch in text)


def words(text: str, *, drop_articles: bool = True) -> list[str]:
    """The answer as a list of normalized words (see the module docstring).

    Inside ``$...$`` math, "a" (or "an" from ``$a^n$``) is a variable, never an article: it is always kept.
    """
    pieces, last = [], 0
    for match in _MATH.finditer(text):
        pieces.append(_plain(text[last : match.start()]))
        pieces.append(_ARTICLE.sub(lambda m: _KEEP + m.group(0), _plain(match.group(0))))
        last = match.end()
    pieces.append(_plain(text[last:]))
    out = []
    for raw in "".join(pieces).split():
        word = raw.replace(_KEEP, "")
        word = NUMBER_WORDS.get(word, SPELLING.get(word, word))
        if not (drop_articles and word in ARTICLES and _KEEP not in raw):
            out.append(word)
    return out


def normalize(text: str, *, drop_articles: bool = True) -> str:
    """A comparison key: the normalized words joined without spaces ("1 x 1" == "1x1")."""
    return "".join(words(text, drop_articles=drop_articles))


def is_correct(given: str, expected: str) -> bool:
    """Whether the typed answer ``given`` matches ``expected`` after normalizing both.

    Both sides are compared with the articles dropped and, since "a" is also a common variable name that a
    typed answer writes without ``$`` (``sigma(a+b)`` for ``$\\sigma(a + b)$``), with every word kept.
    """
    for drop in (True, False):
        key = normalize(given, drop_articles=drop)
        targets = {normalize(expected, drop_articles=drop), normalize(without_remarks(expected), drop_articles=drop)}
        if key and key in targets:
            return True
    return False


def word_count(expected: str) -> int:
    """How many words an answer has once math is read and parenthetical remarks are dropped."""
    return len(words(without_remarks(expected)))
