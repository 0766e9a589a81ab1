"""Every card, listed and acted on one at a time: the service behind the card browser and ``dlprep cards``.

:meth:`CardList.list_cards` filters by text, deck, kind, state and flags; :meth:`CardList.history` gives a
card's reviews; suspend, unsuspend, reset to new and bury act on one card, each in its own transaction.
Front ends call this module and never the database. Times are timezone-aware UTC datetimes; intervals
are in days.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from dlprep.content.model import Card
from dlprep.srs import clock
from dlprep.srs.service import LEARNING, NEW, RELEARNING, REVIEW, StudyService
from dlprep.store import Store

STATE_NAMES = {NEW: "new", LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}
STATES = ("new", "learning", "review")  # the filter's choices; learning covers relearning
FLAGS = ("suspended", "leech", "buried", "imported", "active")
CARD_KINDS = ("basic", "cloze", "mc", "explain", "gen")


@dataclass
class CardFilter:
    """What to list. ``text`` words must all appear in the question, answer, options or key points
    (case-insensitive); ``flag`` is one of :data:`FLAGS` or None for every card."""

    text: str = ""
    deck: str | None = None
    kind: str | None = None
    state: str | None = None
    flag: str | None = None
    limit: int | None = None


@dataclass
class CardRow:
    """One card as a listing shows it."""

    id: str
    deck: str
    section: str
    kind: str
    question: str
    answer: str
    source: str
    file: str
    line: int
    state: str
    due: datetime | None
    interval_days: float | None
    lapses: int
    suspended: bool
    leech: bool
    buried_until: datetime | None
    card: Card = field(repr=False, compare=False, default=None)  # type: ignore[assignment]

    def to_dict(self) -> dict:
        """JSON-ready fields (``dlprep cards --json``)."""
        return {
            "id": self.id, "deck": self.deck, "kind": self.kind, "question": self.question, "answer": self.answer,
            "source": self.source, "file": self.file, "line": self.line, "state": self.state,
            "due": clock.iso(self.due) if self.due else None, "lapses": self.lapses, "suspended": self.suspended,
            "leech": self.leech,
        }


@dataclass
class HistoryEntry:
    """One review of a card: when (UTC), the rating 1-4, the interval it gave in days, and where."""

    reviewed_at: datetime
    rating: int
    interval_days: float | None
    source: str
    typed: str = ""  # the typed answer of an explain or gen card, when there was one
    covered: str = ""  # the key points the learner confirmed, as "3/5"; for a gen card "right" or "wrong"
    seed: int | None = None  # a gen card's seed: redraw with dlprep.content.gen.draw(card, seed)


def answer_text(card: Card) -> str:
    """What the back of a card says, whatever its kind."""
    if card.kind == "mc":
        right = card.correct_option
        return card.options[right].text if right is not None else ""
    if card.kind == "explain":
        return "; ".join(card.key_points)
    if card.kind == "gen":
        return f"fresh numbers each review (generator {card.generator})"
    return card.answer


def _searchable(card: Card) -> str:
    parts = [card.question, card.answer, card.explanation, *card.key_points, *(o.text for o in card.options)]
    return "\n".join(parts).lower()


@lru_cache(maxsize=256)
def _deck_file_source(path: str, mtime_ns: int) -> str:
    """The ``source:`` of a deck file's front matter (notes unless it says beyond-notes)."""
    try:
        with open(path, encoding="utf-8") as handle:
            head = handle.read(2000)
    except OSError:
        return "notes"
    if head.startswith("---"):
        for line in head.split("\n")[1:]:
            if line.strip() == "---":
                break
            key, _, value = line.partition(":")
            if key.strip() == "source" and value.strip():
                return value.strip().strip("'\"")
    return "notes"


def card_source(card: Card, origin: str) -> str:
    """notes, beyond-notes or imported."""
    if origin == "imported":
        return "imported"
    path = Path(card.source_file)
    try:
        return _deck_file_source(str(path), path.stat().st_mtime_ns)
    except OSError:
        return "notes"


class CardList:
    """Listing and per-card actions over one store; ``study`` gives the clock and the study day."""

    def __init__(self, store: Store, study: StudyService) -> None:
        self.store = store
        self.study = study

    # ----- reading ----------------------------------------------------------------------------------
    def decks(self) -> list[str]:
        """Names of the decks that have live cards."""
        rows = self.store.query(
            "SELECT DISTINCT deck FROM cards WHERE retired = 0 AND kind != 'drill' ORDER BY deck")
        return [r["deck"] for r in rows]

    def list_cards(self, filters: CardFilter | None = None) -> list[CardRow]:
        """The live cards (drills excluded) that pass ``filters``, by deck and position in the deck."""
        f = filters or CardFilter()
        sql = ("SELECT id, deck, section, kind, data, origin, fsrs, state, due, lapses, suspended, buried_until, "
               "tags FROM cards WHERE retired = 0 AND kind != 'drill'")
        params: list = []
        if f.deck:
            sql += " AND deck = ?"
            params.append(f.deck)
        if f.kind:
            sql += " AND kind = ?"
            params.append(f.kind)
        if f.state == "new":
            sql += f" AND state = {NEW}"
        elif f.state == "learning":
            sql += f" AND state IN ({LEARNING}, {RELEARNING})"
        elif f.state == "review":
            sql += f" AND state = {REVIEW}"
        now = clock.iso(self.study.now())
        if f.flag == "suspended":
            sql += " AND suspended = 1"
        elif f.flag == "leech":
            sql += " AND (' ' || tags || ' ') LIKE '% leech %'"
        elif f.flag == "buried":
            sql += " AND buried_until > ?"
            params.append(now)
        elif f.flag == "imported":
            sql += " AND origin = 'imported'"
        elif f.flag == "active":
            sql += " AND suspended = 0 AND (buried_until IS NULL OR buried_until <= ?)"
            params.append(now)
        words = f.text.lower().split()
        found: list[CardRow] = []
        for row in self.store.query(sql + " ORDER BY deck, rowid", tuple(params)):
            card = Card.from_data(json.loads(row["data"]))
            if words:
                haystack = _searchable(card)
                if not all(word in haystack for word in words):
                    continue
            found.append(self._row(row, card))
            if f.limit is not None and len(found) >= f.limit:
                break
        return found

    def get(self, card_id: str) -> CardRow | None:
        rows = self.store.query(
            "SELECT id, deck, section, kind, data, origin, fsrs, state, due, lapses, suspended, buried_until, "
            "tags FROM cards WHERE id = ?", (card_id,))
        return self._row(rows[0], Card.from_data(json.loads(rows[0]["data"]))) if rows else None

    def _row(self, row: dict, card: Card) -> CardRow:
        due = clock.parse_iso(row["due"]) if row["due"] else None
        interval = None
        if row["fsrs"] and due is not None:
            last = json.loads(row["fsrs"]).get("last_review")
            if last:
                interval = (due - clock.parse_iso(last)).total_seconds() / 86400
        buried = clock.parse_iso(row["buried_until"]) if row["buried_until"] else None
        return CardRow(
            id=row["id"], deck=row["deck"], section=row["section"], kind=row["kind"], question=card.question,
            answer=answer_text(card), source=card_source(card, row["origin"]), file=card.source_file,
            line=card.line, state=STATE_NAMES.get(row["state"], str(row["state"])),
            due=due if row["state"] != NEW else None, interval_days=interval, lapses=row["lapses"],
            suspended=bool(row["suspended"]), leech="leech" in row["tags"].split(),
            buried_until=buried if buried and buried > self.study.now() else None, card=card,
        )

    def history(self, card_id: str) -> list[HistoryEntry]:
        """Every review of the card, oldest first, with the interval each rating gave."""
        from dlprep.answers.history import typed_answers

        rows = self.store.query(
            "SELECT id, rating, reviewed_at, after, source FROM reviews WHERE card_id = ? ORDER BY id", (card_id,))
        from dlprep.srs.gen_reviews import gen_reviews

        typed = typed_answers(self.store, card_id)
        generated = gen_reviews(self.store, card_id)
        out = []
        for r in rows:
            at = clock.parse_iso(r["reviewed_at"])
            due = json.loads(r["after"]).get("due")
            interval = (clock.parse_iso(due) - at).total_seconds() / 86400 if due else None
            entry = HistoryEntry(at, r["rating"], interval, r["source"])
            if r["id"] in typed:
                entry.typed, entry.covered = typed[r["id"]].answer, typed[r["id"]].covered
            if r["id"] in generated:
                gen = generated[r["id"]]
                entry.seed, entry.typed, entry.covered = gen.seed, gen.answer, "right" if gen.correct else "wrong"
            out.append(entry)
        return out

    # ----- acting on one card --------------------------------------------------------------------------
    def set_suspended(self, card_id: str, suspended: bool) -> None:
        """Suspend or unsuspend; unsuspending a leech keeps its tag (its lapses are history)."""
        self.study.set_suspended(card_id, suspended)

    def reset(self, card_id: str) -> None:
        """Back to new: the scheduling state is forgotten, the review history and lapses are kept."""
        with self.store.transaction() as tx:
            tx.execute("UPDATE cards SET fsrs = NULL, state = ?, due = NULL, buried_until = NULL WHERE id = ?",
                       (NEW, card_id))

    def bury(self, card_id: str) -> datetime:
        """Hide the card until the next study day starts; returns that moment."""
        _, day_end = self.study.today_bounds()
        with self.store.transaction() as tx:
            tx.execute("UPDATE cards SET buried_until = ? WHERE id = ?", (clock.iso(day_end), card_id))
        return day_end
