"""Cloze spans (``==hidden==``) outside code spans: finding them and making a card's front and back."""

from __future__ import annotations

MASK = "[…]"


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


def find_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each ``==...==`` span (markers included), skipping code spans."""
    code = code_mask(text)
    spans: list[tuple[int, int]] = []
    i = 0
    while True:
        start = text.find("==", i)
        if start == -1:
            return spans
        if code[start]:
            i = start + 2
            continue
        end = text.find("==", start + 2)
        while end != -1 and code[end]:
            end = text.find("==", end + 2)
        if end == -1 or end == start + 2 or "\n\n" in text[start:end]:
            return spans
        spans.append((start, end + 2))
        i = end + 2


def has_cloze(text: str) -> bool:
    return bool(find_spans(text))


def mask_all(text: str) -> str:
    """The note text with every span masked (used for stable ids)."""
    return _replace(text, lambda k, inner: MASK)


def front(text: str, index: int) -> str:
    """Span ``index`` (1-based) masked, the others shown plainly."""
    return _replace(text, lambda k, inner: MASK if k == index else inner)


def back(text: str, index: int) -> str:
    """Span ``index`` shown in bold, the others plainly."""
    return _replace(text, lambda k, inner: f"**{inner}**" if k == index else inner)


def answers(text: str) -> list[str]:
    """The hidden texts, in order."""
    return [text[s + 2 : e - 2] for s, e in find_spans(text)]


def _replace(text: str, fn) -> str:
    out, last = [], 0
    for k, (s, e) in enumerate(find_spans(text), start=1):
        out.append(text[last:s])
        out.append(fn(k, text[s + 2 : e - 2]))
        last = e
    out.append(text[last:])
    return "".join(out)
