"""Grading a typed short answer, in the order a careful examiner would, with the differences marked.

1. Nothing typed means "I don't know": wrong, with no penalty beyond that.
2. The same answer once normalized (:func:`dlprep.quiz.answers.is_correct`: case, accents, math, Greek).
3. The same number (``1e-8`` = ``10^{-8}`` = ``$10^{-8}$``; ``0.5`` = ``1/2`` = ``50%``).
4. The same words: every content word of the expected answer (glossary-folded and stemmed, so "anchors" =
   "anchor" and "conv" = "convolution") is in the typed one, which may add an explanation but may not hedge
   ("batch norm or layer norm"), list alternatives ("layer norm and group norm") or negate ("not layer norm").

The learner can still overrule the verdict ("I was right"); :class:`TypedVerdict` says how it was reached.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from dlprep.answers.keypoints import content_stems, has_negation, words
from dlprep.content.mathtext import render_math
from dlprep.quiz.answers import is_correct, without_remarks

HEDGES = frozenset({"or", "either", "maybe", "perhaps", "probably", "and"})
_NUMBER = re.compile(
    r"^\s*([-+−]?\d*\.?\d+(?:e[-+]?\d+)?)\s*(?:(?:[x×*·]\s*)?10\s*\^\s*\{?\s*([-+−]?\d+)\s*\}?)?\s*(%?)\s*$", re.I)
_FRACTION = re.compile(r"^\s*([-+−]?\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*$")
_POWER = re.compile(r"^\s*10\s*\^\s*\{?\s*([-+−]?\d+)\s*\}?\s*$")


@dataclass
class TypedVerdict:
    """``correct`` and how it was decided; ``expected_marks``/``given_marks`` pair each word with a match flag."""

    correct: bool
    how: str
    expected_marks: list[tuple[str, bool]] = field(default_factory=list)
    given_marks: list[tuple[str, bool]] = field(default_factory=list)


def as_number(text: str) -> float | None:
    """The value of ``text`` when it is a single number (math, powers of ten, fractions, percentages)."""
    plain = render_math(text).replace("−", "-").replace(",", "").replace("⁻", "-").strip().rstrip(".")
    plain = plain.replace("$", "").replace(" ", "")
    superscripts = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
    plain = re.sub(r"10([-⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)", lambda m: "10^" + m.group(1).translate(superscripts), plain)
    if match := _POWER.match(plain):
        return 10.0 ** int(match.group(1))
    if match := _FRACTION.match(plain):
        denominator = float(match.group(2))
        return float(match.group(1)) / denominator if denominator else None
    if match := _NUMBER.match(plain):
        value = float(match.group(1))
        if match.group(2):
            value *= 10.0 ** int(match.group(2))
        if match.group(3):
            value /= 100.0
        return value
    return None


def _same_number(given: str, expected: str) -> bool:
    a, b = as_number(given), as_number(expected)
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)


def _plain_stems(text: str) -> set[str]:
    """Stems of each word on its own (no glossary phrases), so "norm" in "batch norm" still matches "norm"."""
    return {s for word in render_math(text).split() for s in content_stems(word)}


def _marks(text: str, other: str) -> list[tuple[str, bool]]:
    """Each word of ``text`` with whether ``other`` has it too (by stem, or by glossary term)."""
    other_stems = _plain_stems(other) | set(content_stems(other))
    out = []
    for word in render_math(text).split():
        stems = content_stems(word)
        out.append((word, bool(stems) and all(s in other_stems for s in stems)))
    return out


def check_typed(given: str, expected: str) -> TypedVerdict:
    """Grade ``given`` against ``expected`` (see the module docstring for the rules, in order)."""
    given = given.strip()
    core = without_remarks(expected) or expected
    expected_stems, given_stems = set(content_stems(core)), set(content_stems(given))
    marks = {"expected_marks": _marks(core, given), "given_marks": _marks(given, core)}
    if not given:
        return TypedVerdict(False, "no answer (I don't know)", **marks)
    if is_correct(given, expected):
        return TypedVerdict(True, "same answer", **marks)
    if _same_number(given, core):
        return TypedVerdict(True, "same number", **marks)
    if as_number(core) is not None:
        return TypedVerdict(False, "a different number", **marks)
    hedged = set(words(given)) & HEDGES - set(words(core))
    if expected_stems and expected_stems <= given_stems and not hedged and has_negation(given) == has_negation(core):
        return TypedVerdict(True, "same key words", **marks)
    return TypedVerdict(False, "different", **marks)
