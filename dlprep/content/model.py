"""Cards and decks as plain dataclasses, with ``to_data``/``from_data`` for the store's JSON column."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date

KINDS = ("basic", "cloze", "mc", "explain", "gen")
SOURCES = ("notes", "beyond-notes", "imported")


@dataclass
class Option:
    """One multiple-choice option."""

    text: str
    correct: bool = False


@dataclass
class Card:
    """One reviewable card.

    ``question``/``answer`` are Markdown. A cloze card keeps the whole note text in ``question`` with
    ``==spans==`` and its own span number in ``cloze_index`` (1-based); :mod:`dlprep.content.cloze` makes
    the front and back. ``line`` is 1-based in ``source_file``. A ``gen`` card names its ``generator``
    (:mod:`dlprep.content.gen`); its ``question`` is the card's title, the numbers come at review time.
    """

    id: str
    deck: str
    section: str
    kind: str
    question: str
    answer: str = ""
    options: list[Option] = field(default_factory=list)
    explanation: str = ""
    key_points: list[str] = field(default_factory=list)
    note_id: str = ""
    cloze_index: int = 0
    context: str = ""
    source_file: str = ""
    line: int = 0
    generator: str = ""

    def to_data(self) -> dict:
        """The content as JSON-ready data (what the store keeps in ``cards.data``)."""
        data = asdict(self)
        if not self.generator:
            del data["generator"]  # only gen cards carry it; other cards' stored data stays as it was
        return data

    @classmethod
    def from_data(cls, data: dict) -> Card:
        """A card from its stored data; keys that are not fields (from another version) are ignored."""
        known = cls.__dataclass_fields__
        fields = {k: v for k, v in data.items() if k in known}
        fields["options"] = [Option(**o) for o in data.get("options", ())]
        return cls(**fields)

    def content_hash(self) -> str:
        """A hash of what the learner sees; changes when the wording changes, not the position."""
        seen = {
            "kind": self.kind,
            "question": self.question,
            "answer": self.answer,
            "options": [asdict(o) for o in self.options],
            "explanation": self.explanation,
            "key_points": self.key_points,
            "cloze_index": self.cloze_index,
        }
        if self.generator:
            seen["generator"] = self.generator
        return hashlib.sha1(json.dumps(seen, sort_keys=True).encode()).hexdigest()[:16]

    @property
    def correct_option(self) -> int | None:
        """Index of the correct option of a multiple-choice card."""
        for i, option in enumerate(self.options):
            if option.correct:
                return i
        return None


@dataclass
class DeckIssue:
    """A problem in a deck file, located to the line (1-based)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class SrSchedule:
    """A schedule written by Obsidian Spaced Repetition (``<!--SR:!2024-03-01,12,250-->``).

    ``due`` is the next review day, ``interval`` the last interval in days, ``ease`` Anki-style (250 = 2.5).
    """

    due: date
    interval: int
    ease: int


@dataclass
class Deck:
    """A parsed deck file: front matter, cards, and the problems found while parsing.

    Imported notes also fill ``notices`` (what was left out and why), ``schedules`` (card id -> the
    Obsidian schedule found beside it) and ``id_lines`` (card id -> (1-based line, id to write there) for
    ``dlprep import --write-ids``).
    """

    name: str
    section: str
    path: str = ""
    topic: str = ""
    source: str = "notes"
    cards: list[Card] = field(default_factory=list)
    issues: list[DeckIssue] = field(default_factory=list)
    notices: list[DeckIssue] = field(default_factory=list)
    schedules: dict[str, SrSchedule] = field(default_factory=dict)
    id_lines: dict[str, tuple[int, str]] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return slugify(self.name)


def slugify(text: str) -> str:
    """Lower-case words joined by ``-`` (ids and file names)."""
    out, dash = [], False
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-") or "deck"
