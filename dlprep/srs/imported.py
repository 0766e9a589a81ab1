"""Storing imported notes: follow cards whose id changed, retire what left the notes, seed Obsidian schedules.

:meth:`StudyService.sync_decks` upserts cards by id. Imported notes move and change more than the
built-in decks, so before that sync this module matches cards that disappeared from their notes with new
cards of the same content (a renamed file, a renamed parent heading, a new id scheme) and moves the old
card, with its history, to the new id. After the sync, cards of the imported files or folders that are no
longer in the notes are retired (kept with their history, never shown), and schedules written by Obsidian
Spaced Repetition are given to cards that have no review history here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from dlprep.content.model import Card, Deck, SrSchedule
from dlprep.srs import clock
from dlprep.srs.scheduler import numeric_id

REVIEW_STATE = 2
DEFAULT_EASE = 250


@dataclass
class ImportCounts:
    """What storing the imported decks did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    moved: int = 0  # cards found under a new id (renamed file or heading) that kept their history
    scheduled: int = 0  # new cards given the schedule written beside them in the notes


_KEYS: list[Callable] = [
    lambda kind, question, answer, digest: digest,
    lambda kind, question, answer, digest: (kind, " ".join(question.split())),
    lambda kind, question, answer, digest: (kind, " ".join(answer.split())) if answer.strip() else None,
    # a heading that became a question card: the same text under it, another kind
    lambda kind, question, answer, digest: " ".join(answer.split()) if len(answer.strip()) > 20 else None,
]


def _matches(gone: list[dict], fresh: list[Card]) -> dict[str, str]:
    """Old id -> new id, for cards that left the notes and cards that appeared with the same content.

    Tried in order: the same content hash, then the same kind and question, then the same kind and
    answer, then the same answer alone (a heading card that became a question card); a key shared by two
    old or two new cards proves nothing and is skipped. Then, when old files map to new ones (most of a
    renamed file's cards were found), the same keys again within each pair of files, so that text copied
    across many files still follows its own file.
    """
    data = {row["id"]: json.loads(row["data"]) for row in gone}
    moved: dict[str, str] = {}
    _match_by_keys(gone, fresh, data, moved, lambda row: "", lambda card: "")
    votes: dict[str, dict[str, int]] = {}
    new_source = {card.id: card.source_file for card in fresh}
    for old, new in moved.items():
        by = votes.setdefault(str(data[old].get("source_file", "")), {})
        by[new_source[new]] = by.get(new_source[new], 0) + 1
    files = {old: max(by, key=by.get) for old, by in votes.items()}
    if files:
        _match_by_keys(gone, fresh, data, moved, lambda row: files.get(str(data[row["id"]].get("source_file", ""))),
                       lambda card: card.source_file)
    # An explain card from a heading that is itself a question, now a basic card asking that question.
    headings: dict[str, list[str]] = {}
    for row in gone:
        if row["id"] not in moved and row["kind"] == "explain":
            question = data[row["id"]].get("question", "")
            headings.setdefault(question.removeprefix("Explain: ").rsplit(" › ", 1)[-1], []).append(row["id"])
    taken = set(moved.values())
    asked: dict[str, list[str]] = {}
    for card in fresh:
        if card.id not in taken and card.kind == "basic":
            asked.setdefault(card.question, []).append(card.id)
    for question, olds in headings.items():
        if len(olds) == 1 and len(asked.get(question, [])) == 1:
            moved[olds[0]] = asked[question][0]
    return moved


def _match_by_keys(gone: list[dict], fresh: list[Card], data: dict[str, dict], moved: dict[str, str],
                   old_scope: Callable, new_scope: Callable) -> None:
    """Add to ``moved`` the pairs whose key (within their scope; None: no scope, no match) is unique."""
    for key in _KEYS:
        old_by: dict = {}
        for row in gone:
            scope = old_scope(row)
            if row["id"] in moved or scope is None:
                continue
            d = data[row["id"]]
            k = key(row["kind"], d.get("question", ""), d.get("answer", ""), row["content_hash"])
            if k is not None:
                old_by.setdefault((scope, k), []).append(row["id"])
        new_by: dict = {}
        taken = set(moved.values())
        for card in fresh:
            if card.id in taken:
                continue
            k = key(card.kind, card.question, card.answer, card.content_hash())
            if k is not None:
                new_by.setdefault((new_scope(card), k), []).append(card.id)
        for k, olds in old_by.items():
            news = new_by.get(k, [])
            if len(olds) == 1 and len(news) == 1:
                moved[olds[0]] = news[0]


def _card_id_columns(tx) -> list[tuple[str, str]]:
    """(table, column) of every column that holds a card id, found in the schema (other tables may come)."""
    found = [("cards", "id")]
    tables = [r[0] for r in tx.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
    for table in tables:
        for column in tx.execute(f"PRAGMA table_info({table})").fetchall():
            if column[1] == "card_id":
                found.append((table, "card_id"))
    return found


def store_imported(study, decks: Iterable[Deck], in_scope: Callable[[str], bool]) -> ImportCounts:
    """Sync ``decks`` (origin ``imported``) through ``study`` (a StudyService) and return the counts.

    ``in_scope(source_file)`` says whether a stored card's notes file belongs to what is being imported
    (one of the files, or inside one of the folders): such cards that are no longer in the notes are
    retired. Cards whose file no longer exists may also be found again under a new id (a renamed file).
    """
    decks = list(decks)
    store = study.store
    counts = ImportCounts()
    rows = store.query("SELECT id, kind, content_hash, data, retired FROM cards WHERE origin = 'imported'")
    existing = {r["id"]: r for r in rows}
    new_cards = {card.id: card for deck in decks for card in deck.cards}

    def source(row: dict) -> str:
        return str(json.loads(row["data"]).get("source_file", ""))

    gone = [
        r for r in rows
        if r["id"] not in new_cards and not r["retired"] and (in_scope(source(r)) or not Path(source(r)).exists())
    ]
    fresh = [card for card in new_cards.values() if card.id not in existing]
    moved = _matches(gone, fresh)
    if moved:
        with store.transaction() as tx:
            columns = _card_id_columns(tx)
            for old, new in moved.items():
                for table, column in columns:
                    tx.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))
        counts.moved = len(moved)
    summary = study.sync_decks(decks, origin="imported", retire_missing=False)
    counts.added, counts.updated, counts.unchanged = summary.added, summary.updated, summary.unchanged
    to_retire = [r["id"] for r in gone if r["id"] not in moved and in_scope(source(r))]
    if to_retire:
        with store.transaction() as tx:
            tx.executemany("UPDATE cards SET retired = 1 WHERE id = ?", [(i,) for i in to_retire])
        counts.retired = len(to_retire)
    schedules = {cid: s for deck in decks for cid, s in deck.schedules.items()}
    counts.scheduled = seed_schedules(store, schedules)
    return counts


def fsrs_state(card_id: str, schedule: SrSchedule) -> dict:
    """The py-fsrs card (as a dict) for an Obsidian schedule: in review, due that day, stability = interval.

    FSRS has no ease: the ease becomes a difficulty (250, Anki's start, is FSRS's middle 5; each 24
    points lower is one point harder, up to 10 at 130, Anki's floor; easier cards go down to 1).
    """
    from fsrs import Card as FsrsCard
    from fsrs import State

    due = datetime.combine(schedule.due, time(0, 0), tzinfo=UTC)
    interval = max(int(schedule.interval), 1)
    difficulty = min(10.0, max(1.0, 5.0 + (DEFAULT_EASE - schedule.ease) / 24))
    card = FsrsCard(
        card_id=numeric_id(card_id), state=State.Review, stability=float(interval), difficulty=difficulty,
        due=due, last_review=due - timedelta(days=interval),
    )
    return card.to_dict()


def seed_schedules(store, schedules: dict[str, SrSchedule]) -> int:
    """Give each card its Obsidian schedule, unless it already has a review history or a state here."""
    done = 0
    with store.transaction() as tx:
        for card_id, schedule in schedules.items():
            state = fsrs_state(card_id, schedule)
            cur = tx.execute(
                "UPDATE cards SET fsrs = ?, state = ?, due = ? WHERE id = ? AND fsrs IS NULL AND state = 0 "
                "AND NOT EXISTS (SELECT 1 FROM reviews WHERE reviews.card_id = cards.id)",
                (json.dumps(state), REVIEW_STATE, clock.iso(datetime.fromisoformat(state["due"])), card_id),
            )
            done += cur.rowcount
    return done


def retire_deck(store, deck: str, *, dry_run: bool = False) -> int:
    """Retire every live imported card of ``deck`` or of a deck below it (``deck/...``); history is kept."""
    name = deck.rstrip("/")  # "ML/" names the deck ML, as "ML" does
    # subdecks by their exact prefix: LIKE would read _ and % in a name as wildcards and ignore letter case
    params = (name, len(name) + 1, name + "/")
    where = "origin = 'imported' AND retired = 0 AND (deck = ? OR substr(deck, 1, ?) = ?)"
    count = store.query(f"SELECT COUNT(*) AS n FROM cards WHERE {where}", params)[0]["n"]
    if count and not dry_run:
        with store.transaction() as tx:
            tx.execute(f"UPDATE cards SET retired = 1 WHERE {where}", params)
    return count
