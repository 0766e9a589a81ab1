"""Find an explain card by id: in the progress database when there is one, else in the built-in decks."""

from __future__ import annotations

import json

from dlprep.content.model import Card
from dlprep.errors import DlprepError


def find_card(card_id: str) -> Card:
    """The card ``card_id`` (built-in or imported); a clear error when it does not exist."""
    from dlprep.paths import database_path

    if database_path().exists():
        from dlprep.services import open_progress_store

        store = open_progress_store()
        try:
            rows = store.query("SELECT data FROM cards WHERE id = ?", (card_id,))
        finally:
            store.close()
        if rows:
            return Card.from_data(json.loads(rows[0]["data"]))
    from dlprep.content import load_decks

    decks, _ = load_decks()
    for deck in decks:
        for card in deck.cards:
            if card.id == card_id:
                return card
    raise DlprepError(f"no card with id {card_id!r} (`dlprep decks` lists the decks)")
