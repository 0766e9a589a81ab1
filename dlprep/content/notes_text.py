"""Notes Markdown as cards show it: images as ``[image: path]`` placeholders, HTML dropped, code and math
kept exactly, and prose split into sentences (the key points of an explain card without a list).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from dlprep.content import cloze

_IMG_MD = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_IMG_HTML = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"'][^>]*>", re.I)
_HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1\s*>", re.I | re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_HARD_BREAK = re.compile(r"[ \t]*\\$", re.M)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)+|<?https?://\S+")
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+[\"'][^\"']*[\"'])?\)")
_REF_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\[[^\[\]]*\]")
_WIKI_LINK = re.compile(r"(?<!!)\[\[([^\]|#]*)(?:#([^\]|]*))?(?:\|([^\]]*))?\]\]")
_EMBED = re.compile(r"!\[\[([^\]|]*?)(?:\|[^\]]*)?\]\]")
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif")
_FLASHCARD_TAG = re.compile(r"(?<![\w/#])#flashcards(?:/[\w./-]*)?")
_PLACEHOLDER = re.compile(r"\[image: [^\]]*\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])\s*(?=\S)")
_ABBREVIATIONS = {"e.g.", "i.e.", "vs.", "al.", "fig.", "eq.", "cf.", "resp.", "approx.", "no.", "w.r.t.", "a.k.a."}


def _protected(text: str) -> list[bool]:
    """True for characters inside inline code or math (left exactly as written)."""
    return cloze.protected_mask(text)


def _outside_protected(text: str, fn) -> str:
    """Apply ``fn`` to each stretch of ``text`` outside code and math."""
    out, last = [], 0
    for start, end in cloze.protected_spans(text):
        out.append(fn(text[last:start]))
        out.append(text[start:end])
        last = end
    out.append(fn(text[last:]))
    return "".join(out)


def _image(path: str, alt: str = "") -> str:
    path = unquote(path.strip())
    alt = alt.strip()
    return f"[image: {path} ({alt})]" if alt else f"[image: {path}]"


def _embed(target: str) -> str:
    """``![[file.png]]`` is an image; ``![[Note#Section]]`` embeds other notes, shown as a reference."""
    if target.lower().endswith(_IMAGE_SUFFIXES):
        return _image(target)
    return f"(see {target.lstrip('#').replace('#', ' › ')})" if target.strip("#") else ""


def _wiki(match: re.Match) -> str:
    page, section, alias = match.group(1), match.group(2), match.group(3)
    if alias:
        return alias
    return " › ".join(p for p in (page, section) if p)


def links_to_text(text: str) -> str:
    """``[text](url)``, ``[text][ref]`` and ``[[page|alias]]`` read as their text (code and math untouched)."""
    def plain(piece: str) -> str:
        piece = _WIKI_LINK.sub(_wiki, piece)
        piece = _MD_LINK.sub(lambda m: m.group(1), piece)
        return _REF_LINK.sub(lambda m: m.group(1), piece)

    return _outside_protected(text, plain)


def strip_flashcard_tags(text: str) -> str:
    """``#flashcards`` and ``#flashcards/deck/path`` tags removed (they choose the deck, they are not text)."""
    return _outside_protected(text, lambda piece: _FLASHCARD_TAG.sub("", piece))


def _clean_plain(text: str) -> str:
    text = _IMG_HTML.sub(lambda m: _image(m.group(1)), text)
    text = _EMBED.sub(lambda m: _embed(m.group(1)), text)
    text = _IMG_MD.sub(lambda m: _image(m.group(2), m.group(1)), text)
    text = _HTML_HEADING.sub("", text)
    text = _HTML_COMMENT.sub("", text)
    text = _HTML_TAG.sub("", text)
    return _HARD_BREAK.sub("", text)


def clean_markdown(text: str, *, keep_cloze: bool = False, links: bool = False) -> str:
    """Notes Markdown as a card shows it: images as placeholders, HTML dropped, code and math untouched.

    With ``links``, links read as their text and ``#flashcards`` tags are removed.
    """
    text = _outside_protected(text, _clean_plain)
    if links:
        text = strip_flashcard_tags(links_to_text(text))
    if not keep_cloze:
        text = cloze.front(text, 0)  # every ==span== shown plainly
    lines = [ln.rstrip() for ln in text.split("\n")]
    return "\n".join(lines).strip("\n")


def has_words(text: str) -> bool:
    """Whether ``text`` says something beyond image placeholders and bare links."""
    rest = _LINK.sub("", _PLACEHOLDER.sub("", text))
    return any(ch.isalnum() for ch in rest)


def point_text(text: str) -> str:
    """Text for a key point: lines that are only links or images dropped, image placeholders removed."""
    kept = [line for line in text.split("\n") if has_words(line)]
    return " ".join(_PLACEHOLDER.sub("", "\n".join(kept)).split())


def sentences(text: str) -> list[str]:
    """Split prose into sentences, never inside code or math, not after common abbreviations."""
    text = " ".join(text.split())
    mask = _protected(text)
    out, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if mask[end - 1]:
            continue
        last_word = text[start:end].rsplit(" ", 1)[-1].lower()
        if last_word in _ABBREVIATIONS:
            continue
        out.append(text[start:end].strip())
        start = match.end()
    out.append(text[start:].strip())
    return [s for s in out if s and has_words(s)]
