"""Cloze spans (``==hidden==``, optionally ``**hidden**`` and ``{{hidden}}``) outside code and math.

Deck files use ``==`` only. Imported notes may turn on the other markers, as Obsidian Spaced Repetition
does (``dlprep import --cloze highlight,bold,curly``). Text inside code spans or ``$...$`` math is never a
cloze (``$a == b$`` is a formula, not a hidden answer).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MASK = "[…]"
MARKERS = {"highlight": ("==", "=="), "bold": ("**", "**"), "curly": ("{{", "}}")}
DEFAULT: tuple[tuple[str, str], ...] = (MARKERS["highlight"],)

Markers = Sequence[tuple[str, str]]
_TICKS = re.compile(r"`+")


def markers_from_names(names: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """``["highlight", "bold"]`` -> the marker pairs; raises ValueError naming an unknown one."""
    unknown = [n for n in names if n not in MARKERS]
    if unknown:
        raise ValueError(f"unknown cloze marker {unknown[0]!r}; use {', '.join(MARKERS)}")
    return tuple(MARKERS[n] for n in names)


_SPECIAL = re.compile(r"`+|\\begin\{|\\[(\[]|\$\$?")


def code_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each inline code span (backtick runs of equal length)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _TICKS.finditer(text):
        if match.start() < pos:
            continue
        close = re.compile(r"(?<!`)" + match.group() + r"(?!`)").search(text, match.end())
        if close:
            spans.append((match.start(), close.end()))
            pos = close.end()
    return spans


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted ``(start, end)`` of inline code, ``$...$``/``$$...$$``, ``\\(...\\)``, ``\\[...\\]`` and
    ``\\begin{env}...\\end{env}`` math: text that is never a cloze, never split, never rewritten."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _SPECIAL.finditer(text):
        i = match.start()
        if i < pos:
            continue
        token = match.group()
        end = -1
        if token.startswith("`"):
            close = re.compile(r"(?<!`)" + token + r"(?!`)").search(text, match.end())
            end = close.end() if close else -1
        elif token == "\\begin{":
            name_end = text.find("}", i)
            if name_end != -1:
                stop = text.find("\\end{" + text[i + 7 : name_end] + "}", name_end)
                end = text.find("}", stop) + 1 if stop != -1 else -1
        elif token in ("\\(", "\\["):
            stop = text.find("\\)" if token == "\\(" else "\\]", i + 2)
            end = stop + 2 if stop != -1 else -1
        elif i == 0 or text[i - 1] != "\\":
            stop = text.find(token, i + len(token))
            while stop != -1 and text[stop - 1] == "\\":
                stop = text.find(token, stop + 1)
            end = stop + len(token) if stop > i + len(token) else -1
        if end != -1:
            spans.append((i, end))
            pos = end
    return spans


def code_mask(text: str) -> list[bool]:
    """True for each character inside an inline code span."""
    return _mask(len(text), code_spans(text))


def protected_mask(text: str) -> list[bool]:
    """True for each character that :func:`protected_spans` covers."""
    return _mask(len(text), protected_spans(text))


def _mask(size: int, spans: list[tuple[int, int]]) -> list[bool]:
    mask = [False] * size
    for start, end in spans:
        mask[start:end] = [True] * (end - start)
    return mask


def _scan(text: str, markers: Markers) -> tuple[list[tuple[int, int, int]], int | None]:
    """Spans ``(start, end, marker length)`` and the offset of an opening marker never closed (or None)."""
    guard = protected_spans(text)
    openers = re.compile("|".join(re.escape(o) for o, _ in markers))
    closers = dict(markers)
    spans: list[tuple[int, int, int]] = []
    pos = 0
    g = 0
    while True:
        match = openers.search(text, pos)
        if match is None:
            return spans, None
        i = match.start()
        while g < len(guard) and guard[g][1] <= i:
            g += 1
        if g < len(guard) and guard[g][0] <= i:
            pos = guard[g][1]
            continue
        opener = match.group()
        closer = closers[opener]
        end = text.find(closer, i + len(opener))
        k = g
        while end != -1:
            while k < len(guard) and guard[k][1] <= end:
                k += 1
            if k < len(guard) and guard[k][0] <= end:
                end = text.find(closer, guard[k][1])
                continue
            break
        if end == -1 or "\n\n" in text[i:end]:
            return spans, i
        if end == i + len(opener):  # "====" or "****": not a span
            pos = end + len(closer)
            continue
        spans.append((i, end + len(closer), len(opener)))
        pos = end + len(closer)


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
