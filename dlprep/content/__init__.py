"""Cards from Markdown: the deck parser, the loader for a folder of decks, and math shown as Unicode.

Names are imported on first use, so that reading a stored card (``dlprep.content.model``) does not pay
for the Markdown and YAML parsers at start-up.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "load_decks": "dlprep.content.loader",
    "Card": "dlprep.content.model",
    "Deck": "dlprep.content.model",
    "DeckIssue": "dlprep.content.model",
    "Option": "dlprep.content.model",
    "parse_deck": "dlprep.content.parser",
    "parse_deck_text": "dlprep.content.parser",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'dlprep.content' has no attribute {name!r}")
