"""Cloze spans (``==hidden==``, optionally ``**hidden**`` and ``{{hidden}}``) outside code and math.

Deck files use ``==`` only. Imported notes may turn on the other markers, as Obsidian Spaced Repetition
does (``dlprep import --cloze highlight,bold,curly``). Text inside code spans or ``$...$`` math is never a
cloze (``$a == b$`` is a formula, not a hidden answer).
"""

from __future__ import annotations

from collections.abc import Sequence

MASK = "[…]"
MARKERS = {"highlight": ("==", "=="), "bold": ("**", "**"), "curly": ("{{", "}}")}
DEFAULT: tuple[tuple[str, str], ...] = (MARKERS["highlight"],)

Markers = Sequence[tuple[str, str]]


def markers_from_names(names: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """``["highlight", "bold"]`` -> the marker pairs; raises ValueError naming an unknown one."""
    unknown = [n for n in names if n not in MARKERS]
    if unknown:
        raise ValueError(f"unknown cloze marker {unknown[0]!r}; use {', '.join(MARKERS)}")
    return tuple(MARKERS[n] for n in names)


def code_mask(text: str) -> list[bool]:
    """True for each character inside an inline code span (backtick runs of equal length)."""
    inside = [False] * len(text)
    i = 0
    while i < len(text):
        if text[i] != "`":
            i += 1
            continue
        run = len(text[i:]) - len(text[i:].lstrip("`"))
        fence = "`" * run
        close = text.find(fence, i + run)
        if close == -1:
            i += run
            continue
        for k in range(i, close + run):
            inside[k] = True
        i = close + run
    return inside


def protected_mask(text: str) -> list[bool]:
    """True for characters inside inline code, ``$...$``/``$$...$$`` or ``\\(...\\)``/``\\[...\\]`` math."""
    mask = code_mask(text)
    i = 0
    while i < len(text):
        if mask[i]:
            i += 1
            continue
        if text.startswith("\\begin{", i):
            name_end = text.find("}", i)
            end = text.find("\\end{" + text[i + 7 : name_end] + "}", name_end) if name_end != -1 else -1
            if end != -1:
                stop = text.find("}", end) + 1
                for k in range(i, stop):
                    mask[k] = True
                i = stop
                continue
        if text.startswith(("\\(", "\\["), i):
            close = "\\)" if text[i + 1] == "(" else "\\]"
            end = text.find(close, i + 2)
            if end != -1:
                for k in range(i, end + 2):
                    mask[k] = True
                i = end + 2
                continue
        if text[i] == "$" and (i == 0 or text[i - 1] != "\\"):
            fence = "$$" if text.startswith("$$", i) else "$"
            end = text.find(fence, i + len(fence))
            while end != -1 and text[end - 1] == "\\":
                end = text.find(fence, end + 1)
            if end != -1 and end > i + len(fence):
                for k in range(i, end + len(fence)):
                    mask[k] = True
                i = end + len(fence)
                continue
        i += 1
    return mask


def _scan(text: str, markers: Markers) -> tuple[list[tuple[int, int, int]], int | None]:
    """Spans ``(start, end, marker length)`` and the offset of an opening marker never closed (or None)."""
    guard = protected_mask(text)
    spans: list[tuple[int, int, int]] = []
    i = 0
    while i < len(text):
        found = None
        for opener, closer in markers:
            if text.startswith(opener, i) and not guard[i]:
                found = (opener, closer)
                break
        if found is None:
            i += 1
            continue
        opener, closer = found
        end = text.find(closer, i + len(opener))
        while end != -1 and guard[end]:
            end = text.find(closer, end + 1)
        if end == -1 or "\n\n" in text[i:end]:
            return spans, i
        if end == i + len(opener):  # "====" or "****": not a span
            i = end + len(closer)
            continue
        spans.append((i, end + len(closer), len(opener)))
        i = end + len(closer)
    return spans, None


def find_spans(text: str, markers: Markers = DEFAULT) -> list[tuple[int, int]]:
    """``(start, end)`` of each cloze span (markers included), skipping code and math."""
    return [(s, e) for s, e, _ in _scan(text, markers)[0]]


def unclosed(text: str, markers: Markers = DEFAULT) -> int | None:
    """Offset of a cloze marker that opens a span never closed (outside code and math), else None."""
    return _scan(text, markers)[1]


def has_cloze(text: str, markers: Markers = DEFAULT) -> bool:
    return bool(find_spans(text, markers))


def mask_all(text: str, markers: Markers = DEFAULT) -> str:
    """The note text with every span masked (used for stable ids)."""
    return _replace(text, lambda k, inner: MASK, markers)


def front(text: str, index: int, markers: Markers = DEFAULT) -> str:
    """Span ``index`` (1-based) masked, the others shown plainly."""
    return _replace(text, lambda k, inner: MASK if k == index else inner, markers)


def back(text: str, index: int, markers: Markers = DEFAULT) -> str:
    """Span ``index`` shown in bold, the others plainly."""
    return _replace(text, lambda k, inner: f"**{inner}**" if k == index else inner, markers)


def answers(text: str, markers: Markers = DEFAULT) -> list[str]:
    """The hidden texts, in order."""
    return [text[s + n : e - n] for s, e, n in _scan(text, markers)[0]]


def normalize(text: str, markers: Markers) -> str:
    """The text with every span rewritten as ``==inner==`` (how a stored cloze card keeps its note)."""
    if tuple(markers) == DEFAULT:
        return text
    return _replace(text, lambda k, inner: f"=={inner}==", markers)


def _replace(text: str, fn, markers: Markers = DEFAULT) -> str:
    out, last = [], 0
    for k, (s, e, n) in enumerate(_scan(text, markers)[0], start=1):
        out.append(text[last:s])
        out.append(fn(k, text[s + n : e - n]))
        last = e
    out.append(text[last:])
    return "".join(out)
