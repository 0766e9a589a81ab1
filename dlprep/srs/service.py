"""The study service: what the TUI and CLI call to sync decks, build the day's queue, rate and undo.

Every rating is committed in its own transaction (with the card's whole scheduling state before it, so undo
is exact, and a summary of the state after it) before the next card is chosen.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from dlprep.content.model import Card, Deck
from dlprep.srs import clock, days, queue
from dlprep.srs.plan_queue import queue_hook
from dlprep.srs.queue import LEARNING, NEW, RELEARNING, REVIEW
from dlprep.srs.scheduler import StudyScheduler
from dlprep.srs.settings import StudySettings
from dlprep.store import Store

COUNTS_FRESH_S = 60.0  # deck_counts() is reused this long while nothing was written and the day is the same
_SCHED_FIELDS = ("fsrs", "state", "due", "lapses", "suspended", "buried_until", "tags")
# What a review row keeps of the card after the rating. Undo needs only ``before`` and the siblings it buried;
# the card's history reads ``due``. The new FSRS state is not repeated: it is the card's own state, and the
# ``before`` of the card's next review (a row is about 40% smaller without it).
_AFTER_KEPT = ("state", "due", "lapses", "suspended")


class _DryRun(Exception):
    """Raised inside a transaction to roll back a dry run."""


@dataclass
class DeckCounts:
    """Per-deck counts for the dashboard: due reviews, cards in (re)learning due today, new available."""

    deck: str
    section: str
    due: int = 0
    learning: int = 0
    new: int = 0
    total: int = 0


@dataclass
class StudyItem:
    """The next thing to study: the card, its scheduling state, and the interval each rating gives."""

    card: Card
    state: int
    previews: dict[int, timedelta] = field(default_factory=dict)


@dataclass
class SyncSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0


class StudyService:
    """Scheduling over one store. ``now`` and ``tz`` are injectable for tests (a fake clock)."""

    def __init__(
        self,
        store: Store,
        settings: StudySettings | None = None,
        *,
        now: Callable[[], datetime] = clock.utc_now,
        tz: tzinfo | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or StudySettings.load(store)
        self.now = now
        self.tz = tz or clock.local_tz()
        self.scheduler = StudyScheduler.from_settings(self.settings, self.tz)
        self._streak_cache: tuple | None = None
        self._totals_cache: dict[tuple, list[dict]] = {}
        self._counts_cache: tuple[tuple, float, list[DeckCounts]] | None = None

    # ----- content --------------------------------------------------------------------------------
    def sync_decks(
        self,
        decks: Iterable[Deck],
        origin: str = "builtin",
        *,
        retire_missing: bool = True,
        retire_scope: set[str] | None = None,
        dry_run: bool = False,
    ) -> SyncSummary:
        """Upsert the decks' cards; scheduling state is kept when the content changes.

        Cards of ``origin`` that no longer appear are retired (kept with their history, never shown);
        ``retire_scope`` limits that to the named decks (re-importing one notes file leaves the others).
        With ``dry_run`` the counts are computed and nothing is written.
        """
        summary = SyncSummary()
        self._totals_cache = {}
        now = clock.iso(self.now())
        sql, params = "SELECT id, deck, content_hash, data, retired, position FROM cards WHERE origin = ?", [origin]
        if retire_scope is not None:  # only the decks in scope are read (a start-up sync of changed files)
            sql += f" AND deck IN ({', '.join('?' * len(retire_scope))})"
            params.extend(sorted(retire_scope))
        rows = self.store.query(sql, tuple(params))
        existing = {r["id"]: r for r in rows}
        seen: set[str] = set()
        with contextlib.suppress(_DryRun), self.store.transaction() as tx:
            for deck in decks:
                for position, card in enumerate(deck.cards, start=1):  # the card's place in its deck
                    seen.add(card.id)
                    data = json.dumps(card.to_data(), ensure_ascii=False)
                    digest = card.content_hash()
                    old = existing.get(card.id)
                    if old is None:
                        tx.execute(
                            "INSERT INTO cards(id, deck, section, kind, note_id, content_hash, data, origin, "
                            "created_at, position) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET deck = excluded.deck, "
                            "section = excluded.section, kind = excluded.kind, note_id = excluded.note_id, "
                            "content_hash = excluded.content_hash, data = excluded.data, origin = excluded.origin, "
                            "position = excluded.position, retired = 0",
                            (card.id, card.deck, card.section, card.kind, card.note_id, digest, data, origin, now,
                             position),
                        )
                        summary.added += 1
                    elif old["content_hash"] != digest or old["data"] != data or old["retired"]:
                        tx.execute(
                            "UPDATE cards SET deck = ?, section = ?, kind = ?, note_id = ?, content_hash = ?, "
                            "data = ?, position = ?, retired = 0 WHERE id = ?",
                            (card.deck, card.section, card.kind, card.note_id, digest, data, position, card.id),
                        )
                        summary.updated += 1
                    else:
                        if old["position"] != position:  # only its place in the deck moved: not an update to report
                            tx.execute("UPDATE cards SET position = ? WHERE id = ?", (position, card.id))
                        summary.unchanged += 1
            if retire_missing:
                for card_id, row in existing.items():
                    in_scope = retire_scope is None or row["deck"] in retire_scope
                    if card_id not in seen and not row["retired"] and in_scope:
                        tx.execute("UPDATE cards SET retired = 1 WHERE id = ?", (card_id,))
                        summary.retired += 1
            if dry_run:
                raise _DryRun
        self._totals_cache = {}  # again: a count taken while the sync ran must not outlive it
        return summary

    # ----- the day's queue -------------------------------------------------------------------------
    def today_bounds(self) -> tuple[datetime, datetime]:
        day = clock.study_day(self.now(), self.settings.day_start_hour, self.tz)
        return clock.day_bounds(day, self.settings.day_start_hour, self.tz)

    def _done_today(self) -> tuple[int, int]:
        """(new cards introduced today, review-state cards reviewed today)."""
        start, _ = self.today_bounds()
        return queue.done_today(self.store, clock.iso(start))

    def _scope(self, deck: str | None, kinds: tuple[str, ...] | None) -> queue.Scope:
        return queue.Scope(now=clock.iso(self.now()), deck=deck, kinds=tuple(kinds) if kinds else None)

    def queue(self, deck: str | None = None, kinds: tuple[str, ...] | None = None) -> tuple[list, list, list]:
        """(learning due now, reviews due today within the limit, new within the limit).

        Rows hold the scheduling columns (no card content: see :meth:`item`)."""
        _, end = self.today_bounds()
        new_done, reviews_done = self._done_today()
        scope = self._scope(deck, kinds)
        hook = queue_hook(self, kinds)  # interview date (srs/plan_queue.py): new limit, pulled reviews, new order
        learning = queue.learning(self.store, scope, scope.now)
        reviews_left = self.settings.reviews_per_day - reviews_done
        reviews = queue.reviews(self.store, scope, clock.iso(end), reviews_left)
        if hook.pulled:  # interview-date hook: review cards pulled forward to today
            have = {r["id"] for r in reviews}
            extra = [r for r in queue.by_ids(self.store, scope, hook.pulled) if r["state"] == REVIEW
                     and r["id"] not in have]
            reviews = sorted(reviews + extra, key=lambda r: (r["due"], r["created_at"], r["rid"]))
            reviews = reviews[: max(0, reviews_left)]
        if hook.quota is None:  # no date: the settings' limit, new cards taking turns across decks
            new = queue.new(self.store, scope, hook.new_limit - new_done)
        else:
            new = hook.limit_new(queue.new(self.store, scope, None), new_done)
        return learning, reviews, new

    def _candidates(self, deck: str | None, kinds: tuple[str, ...] | None = None) -> list[dict]:
        """Every active card of ``deck`` with its FSRS state: only the interview-date plan reads them all."""
        where, params = self._scope(deck, kinds).where()
        return self.store.query(
            f"SELECT id, deck, section, kind, note_id, fsrs, state, due, lapses FROM cards WHERE {where} "
            "ORDER BY created_at, rowid", tuple(params))

    def _deck_totals(self, kinds: tuple[str, ...] | None) -> list[dict]:
        """Cards per deck and section. Only a deck sync changes them, so they are kept until this service
        syncs or another process writes to the database (SQLite's ``data_version`` tells)."""
        version = self.store.query("PRAGMA data_version")[0]["data_version"]
        key = (version, tuple(kinds) if kinds else None)
        if key not in self._totals_cache:
            self._totals_cache = {k: v for k, v in self._totals_cache.items() if k[0] == version}
            self._totals_cache[key] = queue.deck_totals(self.store, kinds)
        return self._totals_cache[key]

    def queue_counts(self, deck: str | None = None, kinds: tuple[str, ...] | None = None) -> tuple[int, int, int]:
        """The sizes of :meth:`queue`'s three lists, counted in the indexes without reading any card."""
        _, end = self.today_bounds()
        new_done, reviews_done = self._done_today()
        scope = self._scope(deck, kinds)
        hook = queue_hook(self, kinds)
        if hook.pulled or hook.quota is not None:  # an interview date: the plan decides, count its lists
            return tuple(len(part) for part in self.queue(deck, kinds))  # type: ignore[return-value]
        return (
            queue.count(self.store, scope, (LEARNING, RELEARNING), due_op="<=", bound=scope.now),
            queue.count(self.store, scope, (REVIEW,), due_op="<", bound=clock.iso(end),
                        cap=self.settings.reviews_per_day - reviews_done),
            queue.count(self.store, scope, (NEW,), cap=hook.new_limit - new_done),
        )

    def learning_today(self, deck: str | None = None, kinds: tuple[str, ...] | None = None) -> int:
        """Cards in (re)learning still to come today, not only those due this minute (as Anki counts them):
        the sum of :meth:`deck_counts`' ``learning`` over the scope, counted in the queue index alone."""
        _, end = self.today_bounds()
        scope = self._scope(deck, kinds)
        return queue.count(self.store, scope, (LEARNING, RELEARNING), due_op="<", bound=clock.iso(end))

    def deck_counts(self, kinds: tuple[str, ...] | None = None) -> list[DeckCounts]:
        """Due / learning / new per deck. Each deck's numbers are what a review of that deck would show
        (the daily limits are shared, so the decks' numbers can add up to more than one day allows).

        The numbers depend on the database and the study day alone (cards come due, and buried cards return,
        at the day's end), so a result is reused while no write happened on any connection (``total_changes``,
        ``PRAGMA data_version``) on the same study day, for at most :data:`COUNTS_FRESH_S`: the dashboard's
        timer, and its refresh after a screen that changed nothing, cost nothing.
        """
        key = (self.store.conn.total_changes, self.store.query("PRAGMA data_version")[0]["data_version"],
               self.today_bounds(), tuple(kinds) if kinds else None)
        cached = self._counts_cache
        if cached is not None and cached[0] == key and time.monotonic() - cached[1] < COUNTS_FRESH_S:
            return list(cached[2])
        counts = self._count_decks(kinds)
        self._counts_cache = (key, time.monotonic(), counts)
        return list(counts)

    def _count_decks(self, kinds: tuple[str, ...] | None) -> list[DeckCounts]:
        _, end = self.today_bounds()
        new_done, reviews_done = self._done_today()
        hook = queue_hook(self, kinds)  # interview date (srs/plan_queue.py): new limit, pulled-forward reviews
        new_left = max(0, hook.new_limit - new_done)
        reviews_left = max(0, self.settings.reviews_per_day - reviews_done)
        counts: dict[str, DeckCounts] = {}
        for row in self._deck_totals(kinds):
            counts.setdefault(row["deck"], DeckCounts(row["deck"], row["section"])).total += row["n"]
        for row in queue.deck_state_counts(self.store, self._scope(None, kinds), clock.iso(end)):
            entry = counts.get(row["deck"])
            if entry is None:
                continue
            if row["state"] in (LEARNING, RELEARNING):
                entry.learning += row["n"]
            elif row["state"] == REVIEW:
                entry.due = min(reviews_left, entry.due + row["n"])
            elif row["state"] == NEW:
                entry.new = min(new_left, entry.new + row["n"])
        if hook.pulled:  # interview-date hook: pulled-forward reviews count as due today
            for row in queue.by_ids(self.store, self._scope(None, kinds), hook.pulled):
                entry = counts.get(row["deck"])
                if entry is not None and row["state"] == REVIEW and row["due"] >= clock.iso(end):
                    entry.due = min(reviews_left, entry.due + 1)
        return list(counts.values())

    def next_item(self, deck: str | None = None, kinds: tuple[str, ...] | None = None) -> StudyItem | None:
        """The next card: learning cards when due, then reviews and new cards interleaved.

        New cards are spread through the reviews in proportion to how many of each remain; when
        nothing else is left, learning cards due within the learn-ahead window are shown early.
        """
        scope = self._scope(deck, kinds)
        first = queue.learning(self.store, scope, scope.now, limit=1)
        row = first[0] if first else None
        if row is None:
            _, end = self.today_bounds()
            new_done, reviews_done = self._done_today()
            hook = queue_hook(self, kinds)  # interview date (srs/plan_queue.py)
            if hook.quota is None and not hook.pulled:
                reviews = queue.reviews(self.store, scope, clock.iso(end),
                                        self.settings.reviews_per_day - reviews_done)
                new = queue.new(self.store, scope, hook.new_limit - new_done)
            else:  # the plan decides today's new cards and pulls reviews forward
                _, reviews, new = self.queue(deck, kinds)
            if reviews and new:
                new_share = (new_done + 1) / (new_done + len(new))
                review_share = (reviews_done + 1) / (reviews_done + len(reviews))
                row = new[0] if new_share <= review_share else reviews[0]
            elif reviews or new:
                row = (reviews or new)[0]
            else:
                ahead = clock.iso(self.now() + timedelta(minutes=self.settings.learn_ahead_min))
                soon = queue.learning(self.store, scope, ahead, limit=1)
                row = soon[0] if soon else None
        return self.item(row["id"]) if row else None

    def item(self, card_id: str) -> StudyItem | None:
        """The study item for one card (e.g. to show a card again after undoing its rating)."""
        rows = self.store.query(
            "SELECT id, deck, section, kind, note_id, data, fsrs, state, due, lapses FROM cards WHERE id = ?",
            (card_id,),
        )
        return self._item(rows[0]) if rows else None

    def _item(self, row: dict) -> StudyItem:
        card = Card.from_data(json.loads(row["data"]))
        state = json.loads(row["fsrs"]) if row["fsrs"] else None
        previews = self.scheduler.preview(row["id"], state, self.now())
        return StudyItem(card=card, state=row["state"], previews=previews)

    # ----- rating, undo, suspend --------------------------------------------------------------------
    def _snapshot(self, tx, card_id: str) -> dict:
        row = tx.execute(f"SELECT {', '.join(_SCHED_FIELDS)} FROM cards WHERE id = ?", (card_id,)).fetchone()
        if row is None:
            raise KeyError(card_id)
        return dict(zip(_SCHED_FIELDS, row, strict=True))

    def rate(self, card_id: str, rating: int, duration_ms: int | None = None, source: str = "review",
             *, with_review: Callable[[object, int], None] | None = None) -> dict:
        """Schedule ``card_id`` with ``rating`` (1-4) and commit it. Returns the new scheduling fields.

        A lapse (Again on a card in review) counts toward the leech threshold; at the threshold the card is
        suspended and tagged ``leech``. New and review cloze siblings are buried until the next study day
        (siblings in (re)learning never are); a card rated into (re)learning is no longer buried itself.
        ``with_review(tx, review_id)`` runs in the same transaction, to keep data that belongs to this review
        (it commits with the rating or not at all).
        """
        if rating not in (1, 2, 3, 4):
            raise ValueError(f"rating must be 1-4, got {rating}")
        now = self.now()
        _, day_end = self.today_bounds()
        with self.store.transaction() as tx:
            before = self._snapshot(tx, card_id)
            reviewed = self.scheduler.review(card_id, json.loads(before["fsrs"]) if before["fsrs"] else None,
                                             rating, now)
            lapses = before["lapses"] + (1 if rating == 1 and before["state"] == REVIEW else 0)
            tags = set(before["tags"].split())
            suspended = before["suspended"]
            if lapses >= self.settings.leech_lapses and lapses > before["lapses"]:
                tags.add("leech")
                suspended = 1
            after = {
                "fsrs": json.dumps(reviewed.to_dict()),
                "state": int(reviewed.state),
                "due": clock.iso(reviewed.due),
                "lapses": lapses,
                "suspended": suspended,
                "buried_until": None if reviewed.state in (LEARNING, RELEARNING) else before["buried_until"],
                "tags": " ".join(sorted(tags)),
            }
            tx.execute(
                f"UPDATE cards SET {', '.join(f'{k} = ?' for k in after)} WHERE id = ?",
                (*after.values(), card_id),
            )
            buried = self._bury_siblings(tx, card_id, clock.iso(day_end))
            tx.execute(
                "INSERT INTO reviews(card_id, rating, reviewed_at, duration_ms, before, after, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (card_id, rating, clock.iso(now), duration_ms, json.dumps(before),
                 json.dumps({**{k: after[k] for k in _AFTER_KEPT}, "buried_siblings": buried}), source),
            )
            if with_review is not None:
                with_review(tx, tx.execute("SELECT last_insert_rowid()").fetchone()[0])
        return after

    def _bury_siblings(self, tx, card_id: str, until: str) -> dict[str, str | None]:
        """Bury the card's new and review siblings (Anki's "bury new siblings" and "bury review siblings");
        siblings in learning or relearning stay (Anki's "bury interday learning siblings" off)."""
        note = tx.execute("SELECT note_id FROM cards WHERE id = ?", (card_id,)).fetchone()[0]
        if not note:
            return {}
        rows = tx.execute(
            f"SELECT id, buried_until FROM cards WHERE note_id = ? AND id != ? AND retired = 0 "
            f"AND state IN ({NEW}, {REVIEW})",  # literals: see dlprep.srs.queue
            (note, card_id),
        ).fetchall()
        for sibling, _ in rows:
            tx.execute("UPDATE cards SET buried_until = ? WHERE id = ?", (until, sibling))
        return {sibling: previous for sibling, previous in rows}

    def undo(self) -> str | None:
        """Undo the most recent rating: restore the card exactly and unbury its siblings.

        Returns the card id, or None when there is nothing to undo.
        """
        with self.store.transaction() as tx:
            row = tx.execute("SELECT id, card_id, before, after FROM reviews ORDER BY id DESC LIMIT 1").fetchone()
            if row is None:
                return None
            review_id, card_id, before_json, after_json = row
            before = json.loads(before_json)
            tx.execute(
                f"UPDATE cards SET {', '.join(f'{k} = ?' for k in _SCHED_FIELDS)} WHERE id = ?",
                (*(before[k] for k in _SCHED_FIELDS), card_id),
            )
            for sibling, previous in json.loads(after_json).get("buried_siblings", {}).items():
                tx.execute("UPDATE cards SET buried_until = ? WHERE id = ?", (previous, sibling))
            tx.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        return card_id

    def set_suspended(self, card_id: str, suspended: bool = True) -> None:
        with self.store.transaction() as tx:
            tx.execute("UPDATE cards SET suspended = ? WHERE id = ?", (int(suspended), card_id))

    def leeches(self) -> list[Card]:
        return [Card.from_data(json.loads(r["data"])) for r in queue.leech_rows(self.store)]

    # ----- today's activity --------------------------------------------------------------------------
    def reviews_today(self) -> int:
        start, _ = self.today_bounds()
        return self.store.query("SELECT COUNT(*) AS n FROM reviews WHERE reviewed_at >= ?", (clock.iso(start),))[0]["n"]

    def streak(self) -> int:
        """Consecutive study days with at least one rating, ending today (or yesterday if none yet today).

        The run that ends yesterday is kept between calls while today and the newest rating before today
        stay the same (one index probe checks that), so a dashboard refresh probes one day, not the whole run.
        """
        now, hour = self.now(), self.settings.day_start_hour
        today = clock.study_day(now, hour, self.tz)
        start, _ = clock.day_bounds(today, hour, self.tz)
        key = (today, days.last_review_before(self.store, start))
        if self._streak_cache is None or self._streak_cache[0] != key:
            before = days.run_ending(self.store, today - timedelta(days=1), now, day_start_hour=hour, tz=self.tz)
            self._streak_cache = (key, before)
        return self._streak_cache[1] + (today in days.reviewed_days(self.store, [today], now, hour, self.tz))
