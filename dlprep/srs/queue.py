"""The day's queue as indexed queries: the next card, the queue within the daily limits, per-deck counts.

Every query here repeats the partial indexes' condition (``retired = 0 AND suspended = 0``) so that
SQLite uses them (schema 3, :mod:`dlprep.store.migrations`): the next learning or review card is an
``ORDER BY due LIMIT n`` walk of ``cards_queue`` (``cards_deck_queue`` for one deck), the next new card
one of ``cards_new``, and the dashboard's counts ``GROUP BY`` over covering indexes (``cards_counts`` for the totals,
``cards_queue`` ranges for what is new or due).
Rows carry the scheduling columns only; the card's content (``data``) is read for the chosen card alone.

Order, as before: learning and review cards by due time, new cards in the order they were added
(``created_at``, then insertion order); ties in due time also fall back to that order.
"""

from __future__ import annotations

from dataclasses import dataclass

from dlprep.store import Store

NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
# States are written into the SQL as literals, never bound: SQLite prepares a statement again on every run
# when a bound value could decide whether a partial index applies (``cards_new_turn`` holds state 0 only),
# which doubled the cost of the small queue queries.
COLUMNS = "id, deck, section, kind, note_id, state, due, lapses, created_at, rowid AS rid"
ACTIVE = "retired = 0 AND suspended = 0"


@dataclass(frozen=True)
class Scope:
    """Which cards a queue looks at: one deck or all, some kinds or all, and the time buried cards return."""

    now: str
    deck: str | None = None
    kinds: tuple[str, ...] | None = None

    def where(self) -> tuple[str, list]:
        sql = f"{ACTIVE} AND (buried_until IS NULL OR buried_until <= ?)"
        params: list = [self.now]
        if self.deck is not None:
            sql += " AND deck = ?"
            params.append(self.deck)
        if self.kinds:
            sql += f" AND kind IN ({', '.join('?' * len(self.kinds))})"
            params.extend(self.kinds)
        return sql, params


def _by_due(store: Store, scope: Scope, state: int, due_op: str, bound: str, limit: int | None) -> list[dict]:
    where, params = scope.where()
    sql = (f"SELECT {COLUMNS} FROM cards WHERE state = {int(state)} AND due {due_op} ? AND {where} "
           "ORDER BY due, created_at, rowid")
    args: list = [bound, *params]
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return store.query(sql, tuple(args))


def _order(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (r["due"], r["created_at"], r["rid"]))


def learning(store: Store, scope: Scope, until: str, limit: int | None = None) -> list[dict]:
    """Cards in learning or relearning due at or before ``until``, soonest first."""
    rows = _by_due(store, scope, LEARNING, "<=", until, limit) + _by_due(store, scope, RELEARNING, "<=", until, limit)
    rows = _order(rows)
    return rows if limit is None else rows[:limit]


def reviews(store: Store, scope: Scope, end: str, limit: int) -> list[dict]:
    """Up to ``limit`` review cards due before ``end`` (the end of the study day), most overdue first."""
    return _by_due(store, scope, REVIEW, "<", end, max(0, limit)) if limit > 0 else []


def new(store: Store, scope: Scope, limit: int | None) -> list[dict]:
    """Up to ``limit`` new cards (all of them for None), the decks taking turns.

    A card's turn is its place in its deck (``position``: 1, 2, ... in the order the deck file lists its
    cards), so the first card of every deck comes before the second of any. New cards are introduced in
    that order, so a deck whose first ten cards are studied offers its eleventh next, level with the other
    decks' eleventh; a card reset to new goes back to its place. Equal turns keep the order the cards were
    added in. The new cards are the first entries of the partial index ``cards_new_turn`` (new cards only,
    by position), so the cost does not grow with the collection; one deck's are read by deck.
    """
    if limit is not None and limit <= 0:
        return []
    where, params = scope.where()
    index = "" if scope.deck is not None else "INDEXED BY cards_new_turn "
    sql = (f"SELECT {COLUMNS} FROM cards {index}WHERE state = {NEW} AND {where} "  # a literal: the index's condition
           "ORDER BY position, created_at, rowid")
    args: list = [*params]
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return store.query(sql, tuple(args))


def by_ids(store: Store, scope: Scope, ids) -> list[dict]:
    """The queue rows of the cards ``ids`` that are in ``scope`` (e.g. reviews an interview date pulls forward)."""
    ids = list(ids)
    if not ids:
        return []
    where, params = scope.where()
    out: list[dict] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        out.extend(store.query(
            f"SELECT {COLUMNS} FROM cards WHERE id IN ({', '.join('?' * len(chunk))}) AND {where}",
            (*chunk, *params)))
    return out


def count(store: Store, scope: Scope, states: tuple[int, ...], *, due_op: str | None = None,
          bound: str | None = None, cap: int | None = None) -> int:
    """How many cards of ``states`` (optionally due ``due_op bound``) a queue of ``scope`` holds, at most
    ``cap``; answered from the queue indexes alone (kind and buried_until are index columns)."""
    if cap is not None and cap <= 0:
        return 0
    where, params = scope.where()
    sql = f"SELECT 1 FROM cards WHERE state IN ({', '.join(str(int(s)) for s in states)}) AND {where}"
    args: list = [*params]
    if due_op is not None:
        sql += f" AND due {due_op} ?"
        args.append(bound)
    if cap is not None:
        sql += " LIMIT ?"
        args.append(cap)
    return store.query(f"SELECT COUNT(*) AS n FROM ({sql})", tuple(args))[0]["n"]


def done_today(store: Store, start: str) -> tuple[int, int]:
    """(new cards introduced, review-state cards reviewed) since ``start``; quiz answers do not count."""
    rows = store.query(
        "SELECT before_state AS state, COUNT(DISTINCT card_id) AS n FROM reviews INDEXED BY reviews_day "
        "WHERE reviewed_at >= ? AND source != 'quiz' GROUP BY 1",
        (start,),
    )
    by_state = {r["state"]: r["n"] for r in rows}
    return by_state.get(NEW, 0), by_state.get(REVIEW, 0)


def deck_totals(store: Store, kinds: tuple[str, ...] | None) -> list[dict]:
    """(deck, section, n) of the cards that are not retired, suspended ones included, by deck."""
    kind_filter = f" AND kind IN ({', '.join('?' * len(kinds))})" if kinds else ""
    return store.query(
        f"SELECT deck, section, COUNT(*) AS n FROM cards INDEXED BY cards_counts WHERE retired = 0{kind_filter} "
        "GROUP BY deck, section ORDER BY deck, section",
        tuple(kinds or ()),
    )


def deck_state_counts(store: Store, scope: Scope, end: str) -> list[dict]:
    """(deck, state, n): new cards, and learning/review cards due before ``end``, per deck.

    Each state is one range of the covering index ``cards_queue``: only the new cards and the cards due
    today are visited, not the whole collection."""
    where, params = scope.where()
    out: list[dict] = []
    for state in (NEW, LEARNING, REVIEW, RELEARNING):
        due = "" if state == NEW else " AND due < ?"
        out.extend(store.query(
            f"SELECT deck, state, COUNT(*) AS n FROM cards INDEXED BY cards_queue "
            f"WHERE state = {state}{due} AND {where} GROUP BY deck",
            (*(() if state == NEW else (end,)), *params),
        ))
    return out


def leech_rows(store: Store) -> list[dict]:
    """The content of every leech card that is not retired, by deck (the tagged cards are few: an index)."""
    return store.query(
        "SELECT data FROM cards WHERE retired = 0 AND tags != '' AND (' ' || tags || ' ') LIKE '% leech %' "
        "ORDER BY deck"
    )
