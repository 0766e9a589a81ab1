"""Cloze spans: where they are, what each card shows, and the code and math that are never a cloze."""

from __future__ import annotations

import pytest

from dlprep.content import cloze

ALL = cloze.markers_from_names(["highlight", "bold", "curly"])


def test_marker_names() -> None:
    assert ALL == (("==", "=="), ("**", "**"), ("{{", "}}"))
    assert cloze.markers_from_names([]) == ()
    assert cloze.DEFAULT == (("==", "=="),)
    with pytest.raises(ValueError) as caught:
        cloze.markers_from_names(["highlight", "italic", "under"])
    assert str(caught.value) == "unknown cloze marker 'italic'; use highlight, bold, curly"


@pytest.mark.parametrize(("text", "spans"), [
    ("a `b` c ``d`e`` f", [(2, 5), (8, 15)]),  # a double-tick span may hold a single tick
    ("x `a` `b`", [(2, 5), (6, 9)]),
    ("```x` y", []),  # a run of three is closed only by a run of three
    ("a `open", []),
    ("plain", []),
])
def test_code_spans(text: str, spans: list) -> None:
    assert cloze.code_spans(text) == spans


def test_code_mask_marks_the_characters_of_code() -> None:
    assert cloze.code_mask("a `b` c") == [False, False, True, True, True, False, False]
    assert cloze.code_mask("") == []


@pytest.mark.parametrize(("text", "spans"), [
    ("$a==b$ ==c==", [(0, 6)]),
    ("$$x$$ y", [(0, 5)]),
    ("`a` $b$", [(0, 3), (4, 7)]),
    (r"\(a\) \[b\] \begin{align}x\end{align} z", [(0, 5), (6, 11), (12, 37)]),
    (r"$a\$b$", [(0, 6)]),  # an escaped dollar does not close the math
    (r"cost \$5 and $6", []),  # an escaped dollar does not open it; the last one is never closed
    (r"\begin{x} no end", []),
    (r"\( open", []),
    (r"\[ open", []),
    ("$$", []),
    ("$$$$ x", []),  # an empty display math is not a span
    ("a$b", []),
    ("plain", []),
    ("a `open $x$", [(8, 11)]),
    ("``a```b``", [(0, 9)]),  # a run of two is closed by a run of two, not by the first two of a run of three
    ("\\`a`", [(1, 4)]),  # a backslash does not escape a backtick: code spans are literal
    ("`a\\`", [(0, 4)]),
    ("a} \\begin{eq}x\\end{eq}", [(3, 22)]),
    ("\\begin{a}x\\end{a} then \\begin{a}==y==\\end{a} {z}", [(0, 17), (23, 44)]),
    ("\\(a\\) and \\(b\\)", [(0, 5), (10, 15)]),
    ("\\(\\) x", [(0, 4)]),
    ("$a$ and $b$", [(0, 3), (8, 11)]),
    ("$a\\$b$ and $c$", [(0, 6), (11, 14)]),
    ("$\\$$ is a dollar", [(0, 4)]),
    ("$x$ ends with \\", [(0, 3)]),
    ("\\$5 is $x$", [(7, 10)]),
    ("$a \\\\", []),  # an unclosed dollar at the start of a line that ends in backslashes
])
def test_protected_spans(text: str, spans: list) -> None:
    assert cloze.protected_spans(text) == spans


def test_protected_mask() -> None:
    assert cloze.protected_mask("x $y$") == [False, False, True, True, True]


@pytest.mark.parametrize(("text", "spans", "hidden", "masked"), [
    ("BN learns ==γ== and ==β==.", [(10, 15), (20, 25)], ["γ", "β"], "BN learns […] and […]."),
    ("`a==b` is ==code==", [(10, 18)], ["code"], "`a==b` is […]"),
    ("==a `==` b== end", [(0, 12)], ["a `==` b"], "[…] end"),  # a closer inside code does not close
    ("==a $x==y$ b==", [(0, 14)], ["a $x==y$ b"], "[…]"),  # nor one inside math
    ("x ==a\nb==", [(2, 9)], ["a\nb"], "x […]"),  # a span may cross a line break
    ("==== x", [], [], "==== x"),  # an empty pair is not a span
    ("==== ==x==", [(5, 10)], ["x"], "==== […]"),
    ("`a`==b==", [(3, 8)], ["b"], "`a`[…]"),  # a span right after code
    ("`a` `b` `c` ==d==", [(12, 17)], ["d"], "`a` `b` `c` […]"),
    ("`a` `==b==` c", [], [], "`a` `==b==` c"),
    ("==`a`== b", [(0, 7)], ["`a`"], "[…] b"),  # a closer right after code
    ("==`a` `b` `c` d==", [(0, 17)], ["`a` `b` `c` d"], "[…]"),
    ("==a `==` b== and ==c==", [(0, 12), (17, 22)], ["a `==` b", "c"], "[…] and […]"),
    ("==a `==` `==` b== end", [(0, 17)], ["a `==` `==` b"], "[…] end"),
    ("==a `x` `==` b==", [(0, 16)], ["a `x` `==` b"], "[…]"),
    ("$a==b$", [], [], "$a==b$"),
    ("no marker", [], [], "no marker"),
])
def test_spans_answers_and_mask(text: str, spans: list, hidden: list, masked: str) -> None:
    assert cloze.find_spans(text) == spans
    assert cloze.answers(text) == hidden
    assert cloze.has_cloze(text) is bool(spans)
    assert cloze.unclosed(text) is None
    assert cloze.mask_all(text) == masked


@pytest.mark.parametrize(("text", "at"), [
    ("==open", 0),
    ("x ==a\n\nb==", 2),  # a blank line ends the paragraph, so the span is never closed
    ("==a== ==b", 6),
    ("`==` ==b", 5),
])
def test_unclosed_marker_offset(text: str, at: int) -> None:
    assert cloze.unclosed(text) == at


def test_front_and_back_of_each_sibling() -> None:
    text = "BN learns ==γ== and ==β==."
    assert cloze.front(text, 1) == "BN learns […] and β."
    assert cloze.front(text, 2) == "BN learns γ and […]."
    assert cloze.back(text, 1) == "BN learns **γ** and β."
    assert cloze.back(text, 2) == "BN learns γ and **β**."


def test_other_markers_for_imported_notes() -> None:
    text = "**bold** and {{curly}} and ==hl=="
    assert cloze.find_spans(text, ALL) == [(0, 8), (13, 22), (27, 33)]
    assert cloze.answers(text, ALL) == ["bold", "curly", "hl"]
    assert cloze.front(text, 3, ALL) == "bold and curly and […]"
    assert cloze.back(text, 2, ALL) == "bold and **curly** and hl"
    assert cloze.mask_all(text, ALL) == "[…] and […] and […]"
    assert cloze.normalize(text, ALL) == "==bold== and ==curly== and ==hl=="
    assert cloze.normalize(text, cloze.DEFAULT) == text
    assert cloze.answers(text) == ["hl"]  # deck files read only ==
    assert cloze.find_spans("{{a}}", (cloze.MARKERS["curly"],)) == [(0, 5)]
    assert cloze.unclosed("{{a}} {{b", ALL) == 6
    assert cloze.unclosed("**a", ALL) == 0
    assert cloze.has_cloze("a **b** c", ALL) and not cloze.has_cloze("a **b** c")
