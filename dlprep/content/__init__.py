"""Cards from Markdown: the deck parser, the loader for a folder of decks, and math shown as Unicode."""

from dlprep.content.loader import load_decks
from dlprep.content.model import Card, Deck, DeckIssue, Option
from dlprep.content.parser import parse_deck, parse_deck_text

__all__ = ["Card", "Deck", "DeckIssue", "Option", "load_decks", "parse_deck", "parse_deck_text"]
