"""The built-in decks keep every card id (ids carry review history) whatever the parser learns.

``tests/fixtures/ids/builtin_deck_ids.json`` lists the ids each deck file gave before the import work
(Obsidian syntax, case-sensitive ids, cloze markers) changed the parser. Regenerate it only on purpose,
when a deck's cards really change.
"""

from __future__ import annotations

import json
from pathlib import Path

from dlprep.content import load_decks

FIXTURE = Path(__file__).parent.parent / "fixtures" / "ids" / "builtin_deck_ids.json"


def test_every_listed_builtin_card_id_is_still_produced() -> None:
    listed: dict[str, list[str]] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    decks, issues = load_decks()
    assert issues == []
    produced = {Path(deck.path).name: [card.id for card in deck.cards] for deck in decks}
    missing = {name: sorted(set(ids) - set(produced.get(name, []))) for name, ids in listed.items()}
    assert {name: ids for name, ids in missing.items() if ids} == {}
    assert sum(len(ids) for ids in listed.values()) == 386
