"""Markdown for drill prompts: code blocks without a language are shown as plain text.

Textual's Markdown guesses the language of such blocks with Pygments, which costs about a third of a
second per block; prompts have several (shapes, worked examples), so the guess made screens slow to open.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownFence


class PlainFence(MarkdownFence):
    """A code block highlighted with its stated language, or as plain text when it has none."""

    @classmethod
    def highlight(cls, code: str, language: str, ansi: bool = False, dark: bool = False) -> Content:
        return super().highlight(code, language or "text", ansi=ansi, dark=dark)


class PromptMarkdown(Markdown):
    """Markdown whose unlabelled code blocks are not language-guessed."""

    BLOCKS = {**Markdown.BLOCKS, "fence": PlainFence, "code_block": PlainFence}
