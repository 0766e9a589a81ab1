"""Helpers that write hand-made histories into a real store (rows exactly as the services write them)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from dlprep.store import Store


def at(text: str) -> datetime:
    """An aware UTC datetime from ``YYYY-MM-DDTHH:MM``."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def add_card(
    store: Store, card_id: str, section: str, *, kind: str = "basic", state: int = 0,
    stability: float | None = None, due: str | None = None, suspended: int = 0, tags: str = "",
    data: dict | None = None, deck: str | None = None, note_id: str = "", origin: str = "builtin",
) -> None:
    fsrs = None
    if state:
        fsrs = json.dumps({
            "card_id": 1, "state": state, "step": None if state == 2 else 0, "stability": stability,
            "difficulty": 5.0, "due": at(due).isoformat() if due else None, "last_review": None,
        })
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO cards (id, deck, section, kind, note_id, data, origin, fsrs, state, due, "
            "suspended, tags, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (card_id, deck or ("drills" if kind == "drill" else section), section, kind, note_id,
             json.dumps(data or {}), "drill" if kind == "drill" else origin, fsrs, state,
             at(due).isoformat() if due else None, suspended, tags, "2026-03-01T00:00:00+00:00"),
        )


def add_review(
    store: Store, card_id: str, rating: int, when: str, before_state: int, duration_ms: int = 0,
    source: str = "review",
) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, before, after, source) "
            "VALUES (?,?,?,?,?,?,?)",
            (card_id, rating, at(when).isoformat(), duration_ms,
             json.dumps({"state": before_state, "due": None, "fsrs": None}),
             json.dumps({"state": 2, "due": None, "fsrs": None}), source),
        )


def add_attempt(
    store: Store, drill_id: str, finished: str, status: str, passed: int, total: int,
    duration_ms: int = 0, hints_used: int = 0,
) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO attempts (drill_id, started_at, finished_at, code, status, passed, total, "
            "hints_used, duration_ms, result) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (drill_id, at(finished).isoformat(), at(finished).isoformat(), "def f(): pass\n", status,
             passed, total, hints_used, duration_ms, json.dumps({"cases": []})),
        )


BN = "Batch Normalization"
DROPOUT = "Dropout"
IMPL = "Implement DL modules"
NOW = "2026-03-10T12:00"


def build_history(store: Store) -> None:
    """The history the statistics tests compute by hand (see tests/reports/test_stats.py)."""
    add_card(store, "a1", BN, state=2, stability=30, due="2026-03-12T10:00")
    add_card(store, "a2", BN, state=2, stability=5, due="2026-03-10T08:00", tags="leech")
    add_card(store, "a3", BN, kind="cloze", note_id="n3")
    add_card(store, "b1", DROPOUT, state=1, stability=1, due="2026-03-11T02:00")
    add_card(store, "b2", DROPOUT, state=2, stability=50, due="2026-03-11T02:00", suspended=1, tags="leech")
    add_card(store, "drill:conv2d", IMPL, kind="drill", state=2, stability=25, due="2026-04-20T00:00")
    add_card(store, "drill:adam", IMPL, kind="drill", state=1, stability=2, due="2026-03-13T12:00")
    add_review(store, "a1", 3, "2026-03-05T10:00", 0, 1000)
    add_review(store, "a1", 3, "2026-03-07T02:30", 1, 2000)
    add_review(store, "a1", 1, "2026-03-08T10:00", 2, 3000)
    add_review(store, "a1", 2, "2026-03-09T10:00", 2, 4000)
    add_review(store, "a2", 4, "2026-03-09T11:00", 2, 5000)
    add_review(store, "b1", 3, "2026-03-10T05:00", 2, 6000)
    add_review(store, "b1", 1, "2026-03-10T06:00", 3, 7000)
    add_review(store, "a2", 3, "2026-03-11T09:00", 2, 8000)
    add_attempt(store, "conv2d", "2026-03-08T09:10", "fail", 3, 8, 600_000, hints_used=1)
    add_attempt(store, "conv2d", "2026-03-09T09:10", "pass", 8, 8, 300_000)
    add_attempt(store, "adam", "2026-03-10T07:00", "fail", 2, 5, 120_000)
    add_attempt(store, "adam", "2026-03-12T07:00", "pass", 5, 5, 60_000)
