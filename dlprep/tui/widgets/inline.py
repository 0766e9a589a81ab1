"""Card text for places that are not a Markdown widget (tables, checklists, one-line labels).

Card text is Markdown written by people: ``[CLS]`` or ``[MASK]`` must show as typed, never be taken for
Textual markup, while ``**bold**``, ``*italic*`` and `` `code` `` should look as they do in the card.
:func:`inline_text` parses the inline Markdown with markdown-it and builds a :class:`rich.text.Text`, so
nothing in the text is ever read as markup.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from rich.text import Text

_STYLES = {"strong": "bold", "em": "italic", "s": "strike"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("strikethrough")


def inline_text(markdown: str, style: str = "") -> Text:
    """``markdown`` (one paragraph of inline Markdown) as styled text; line breaks become spaces."""
    out = Text(style=style)
    styles: list[str] = []
    for token in _parser().parseInline(markdown)[0].children or []:
        kind = token.type
        if kind.endswith("_open") and kind[:-5] in _STYLES:
            styles.append(_STYLES[kind[:-5]])
        elif kind.endswith("_close") and kind[:-6] in _STYLES and styles:
            styles.pop()
        elif kind == "code_inline":
            out.append(token.content, style=" ".join([*styles, "bold cyan"]))
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.content:
            out.append(token.content, style=" ".join(styles))
    return out


def plain_line(markdown: str, width: int | None = None) -> str:
    """The first line of ``markdown`` without its emphasis marks, cut to ``width`` with an ellipsis."""
    first = next((line for line in markdown.splitlines() if line.strip()), "")
    text = inline_text(first).plain.strip()
    if width is not None and len(text) > width:
        text = text[: max(0, width - 1)] + "…"
    return text
