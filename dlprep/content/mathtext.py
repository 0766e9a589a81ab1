"""Show ``$...$`` and ``$$...$$`` math as readable Unicode (Textual's Markdown does not render LaTeX).

pylatexenc does the conversion, with a few macros of our own: ``\\frac{a}{b}`` reads ``(a)/(b)`` (no
parentheses around a single symbol), ``\\sqrt{x}`` reads ``√x`` or ``√(x+1)``, ``\\argmin``/``\\argmax`` are
operators, ``\\epsilon`` is ε, and simple super/subscripts become Unicode (x², yᵢ). Code spans and fenced
code are left untouched.
"""

from __future__ import annotations

import re
from functools import cache

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import LatexWalker

_SUP = dict(
    zip("0123456789+-=()abcdefghijklmnoprstuvwxyzT", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ", strict=True)
)
_MULTILINE_DISPLAY = re.compile(r"(?<![\\`])\$\$((?:(?!\$\$)[^`])*?\n(?:(?!\$\$)[^`])*?)\$\$")
_SUB = dict(zip("0123456789+-=()aeijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True))


def _group(text: str) -> str:
    """Parenthesize an argument unless it is one symbol or already bracketed."""
    text = text.strip()
    bracketed = text.lstrip("√")[:1] in ("(", "[") and text[-1] in ")]"
    if bracketed or not any(op in text for op in "+-−*/·,= "):
        return text
    return f"({text})"


def _arg(node, l2tobj: LatexNodes2Text, index: int) -> str:
    args = node.nodeargd.argnlist if node.nodeargd else []
    if index >= len(args) or args[index] is None:
        return ""
    return " ".join(l2tobj.nodelist_to_text([args[index]]).split())


def _frac(node, l2tobj: LatexNodes2Text) -> str:
    num = _arg(node, l2tobj, 0).replace(" ", "")
    den = _arg(node, l2tobj, 1).replace(" ", "")
    return f"{_group(num)}/{_group(den)}"


def _sqrt(node, l2tobj: LatexNodes2Text) -> str:
    return "√" + _group((_arg(node, l2tobj, 1) or _arg(node, l2tobj, 0)).replace(" ", ""))


@cache
def _converter() -> LatexNodes2Text:
    text_db = get_default_latex_context_db()
    text_db.add_context_category(
        "dlprep",
        prepend=True,
        macros=[
            MacroTextSpec("frac", simplify_repl=_frac),
            MacroTextSpec("sqrt", simplify_repl=_sqrt),
            MacroTextSpec("epsilon", simplify_repl="ε"),
            MacroTextSpec("argmin", simplify_repl="argmin"),
            MacroTextSpec("argmax", simplify_repl="argmax"),
            MacroTextSpec("operatorname", simplify_repl="%s"),
            MacroTextSpec("top", simplify_repl="ᵀ"),
            MacroTextSpec("mathbb", simplify_repl="%s"),
            MacroTextSpec("mathcal", simplify_repl="%s"),
            MacroTextSpec("mathbf", simplify_repl="%s"),
            MacroTextSpec("text", simplify_repl="%s"),
        ],
        environments=[],
        specials=[],
    )
    return LatexNodes2Text(latex_context=text_db, math_mode="text", strict_latex_spaces=False)


def _scripts(text: str) -> str:
    """In LaTeX source, turn ``x^2``, ``x^{T}`` and ``y_{i}`` into Unicode where every character has a form."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "^_" and i + 1 < len(text):
            table = _SUP if ch == "^" else _SUB
            if text[i + 1] == "{":
                close = text.find("}", i + 2)
                body = text[i + 2 : close] if close != -1 else ""
                end = close + 1
            else:
                body, end = text[i + 1], i + 2
            if body and all(c in table for c in body):
                if _after_macro_name(text, i):
                    out.append(" ")
                out.append("".join(table[c] for c in body))
                i = end
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def _after_macro_name(text: str, i: int) -> bool:
    """True when position ``i`` directly follows a control word such as ``\\beta``."""
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return j < i and j > 0 and text[j - 1] == "\\"


# A control word swallows the spaces after it (TeX's rule), so "\\epsilon = x" would read "ε= x". An empty
# group after the word keeps them where a reader expects a space: before an operator or punctuation, and
# around a binary operator or relation ("N \\times N", "\\alpha \\cdot x"); not before a letter
# ("\\alpha x" reads "αx"), an argument, a script or another control word.
_OPERATORS = ("times|cdot|pm|mp|div|le|leq|ge|geq|neq|ne|approx|sim|simeq|equiv|propto|to|rightarrow|leftarrow|"
              "Rightarrow|mapsto|in|notin|subset|subseteq|cup|cap|otimes|oplus|odot|ll|gg")
_SPACE_AFTER_WORD = re.compile(
    r"(\\[A-Za-z]+)(?=\s+(?:[^\s\w{\[_^\\]|\\(?:" + _OPERATORS + r")(?![A-Za-z])))"
    r"|(\\(?:" + _OPERATORS + r"))(?![A-Za-z])(?=\s+[^\s{\[_^])")


def _keep_space(match: re.Match) -> str:
    return (match.group(1) or match.group(2)) + "{}"


def latex_to_unicode(latex: str) -> str:
    """Convert one LaTeX math expression to plain Unicode text."""
    try:
        latex = _SPACE_AFTER_WORD.sub(_keep_space, latex)
        nodes, _, _ = LatexWalker(_scripts(latex), tolerant_parsing=False).get_latex_nodes()
        text = _converter().nodelist_to_text(nodes)
    except Exception:  # pylatexenc raises several types on malformed input; show the source instead
        return latex
    return " ".join(text.split())


def render_math(markdown: str) -> str:
    """Replace every ``$...$`` / ``$$...$$`` span outside code with its Unicode reading (``$$`` may span
    lines; ``$`` stays within one)."""
    out: list[str] = []
    prose: list[str] = []
    in_fence = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            if not in_fence:
                out.extend(_render_prose(prose))
                prose = []
            in_fence = not in_fence
            out.append(line)
            continue
        (out if in_fence else prose).append(line)
    out.extend(_render_prose(prose))
    return "\n".join(out)


def _render_prose(lines: list[str]) -> list[str]:
    """Lines outside fenced code: display math over several lines first, then each line."""
    text = "\n".join(lines)
    if "$$" in text:
        text = _MULTILINE_DISPLAY.sub(lambda m: latex_to_unicode(" ".join(m.group(1).split())), text)
    return [_render_line(line) for line in text.split("\n")] if lines else []


def _render_line(line: str) -> str:
    from dlprep.content.cloze import code_mask

    mask = code_mask(line)
    out: list[str] = []
    i = 0
    while i < len(line):
        if line[i] == "$" and not mask[i] and (i == 0 or line[i - 1] != "\\"):
            double = line.startswith("$$", i)
            fence = "$$" if double else "$"
            end = line.find(fence, i + len(fence))
            while end != -1 and mask[end]:
                end = line.find(fence, end + 1)
            if end != -1 and end > i + len(fence):
                out.append(latex_to_unicode(line[i + len(fence) : end]))
                i = end + len(fence)
                continue
        out.append(line[i])
        i += 1
    return "".join(out)
