"""Write a :class:`Deck` back out in the deck syntax (used by tests and by tools that rewrite decks).

``parse_deck_text(render_deck(deck))`` gives back the same cards, ids included.
"""

from __future__ import annotations

import yaml

from dlprep.content.model import Card, Deck


def render_card(card: Card) -> str:
    """One card in deck syntax, preceded by its id comment."""
    lines = [f"<!-- id: {card.note_id if card.kind == 'cloze' else card.id} -->"]
    if card.kind == "mc":
        lines.append(f"[mc] {card.question}")
        lines.extend(f"- [{'x' if o.correct else ' '}] {o.text}" for o in card.options)
        if card.explanation:
            lines.extend(f"> {ln}" for ln in card.explanation.splitlines())
    elif card.kind == "explain":
        lines.append(f"[explain] {card.question}")
        lines.extend(f"- {p}" for p in card.key_points)
        if card.explanation:
            lines.extend(f"> {ln}" for ln in card.explanation.splitlines())
    elif card.kind == "cloze":
        lines.append(card.question)
    elif card.kind == "gen":
        lines.append(f"[gen] {card.generator} {card.question}".rstrip())
    elif "\n" in card.question or "\n" in card.answer:
        lines.extend([card.question, "?", card.answer])
    else:
        lines.append(f"{card.question}::{card.answer}")
    return "\n".join(lines)


def render_deck(deck: Deck) -> str:
    """The whole deck file: front matter, then cards separated by blank lines (one per cloze note)."""
    meta = {"deck": deck.name, "section": deck.section, "source": deck.source}
    if deck.topic:
        meta["topic"] = deck.topic
    parts = ["---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---"]
    done_notes: set[str] = set()
    for card in deck.cards:
        if card.kind == "cloze":
            if card.note_id in done_notes:
                continue
            done_notes.add(card.note_id)
        parts.append(render_card(card))
    return "\n\n".join(parts) + "\n"
