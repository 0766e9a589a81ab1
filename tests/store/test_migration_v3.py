"""Schema 3 (the indexes for large collections): a version-2 database migrates with its data intact."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from dlprep.store import SCHEMA_VERSION, open_store
from dlprep.store.migrations import MIGRATIONS


def _version_two(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for version in (1, 2):
        for statement in MIGRATIONS[version - 1]:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?)", (version,))
    conn.execute(
        "INSERT INTO cards(id, deck, section, kind, note_id, data, fsrs, state, due, lapses, tags, created_at) "
        "VALUES ('c1', 'Deck', 'S', 'cloze', 'n1', '{\"question\": \"q\"}', '{\"stability\": 3.5}', 2, "
        "'2026-01-05T10:00:00+00:00', 3, 'leech', '2026-01-01T00:00:00+00:00')"
    )
    before = json.dumps({"state": 2, "fsrs": "{}", "due": None})
    conn.execute(
        "INSERT INTO reviews(card_id, rating, reviewed_at, duration_ms, before, after) "
        "VALUES ('c1', 3, '2026-01-02T10:00:00+00:00', 1500, ?, '{}')", (before,)
    )
    conn.execute(
        "INSERT INTO reviews(card_id, rating, reviewed_at, before, after) "
        "VALUES ('c1', 1, '2026-01-03T10:00:00+00:00', 'not json', '{}')"
    )
    conn.execute(
        "INSERT INTO attempts(drill_id, started_at, finished_at, code, status) VALUES ('d', 'a', 'b', 'x', 'pass')"
    )
    conn.commit()
    conn.close()


def test_version_two_database_migrates_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _version_two(path)
    with sqlite3.connect(path) as conn:
        old_cards = conn.execute("SELECT * FROM cards").fetchall()
        old_reviews = conn.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    store = open_store(path, backup_dir=tmp_path / "backups")
    try:
        assert store.schema_version() == SCHEMA_VERSION >= 3
        # every column the old file had, unchanged; migration 7 adds the card's place in its deck
        assert [tuple(r.values())[:-1] for r in store.query("SELECT * FROM cards")] == old_cards
        assert store.query("SELECT position FROM cards") == [{"position": 1}]
        columns = "id, card_id, rating, reviewed_at, duration_ms, before, after, source"
        assert [tuple(r.values()) for r in store.query(f"SELECT {columns} FROM reviews ORDER BY id")] == old_reviews
        # The state before each rating is read once from the JSON (None where the JSON is broken).
        assert [r["before_state"] for r in store.query("SELECT before_state FROM reviews ORDER BY id")] == [2, None]
        assert store.query("SELECT status FROM attempts") == [{"status": "pass"}]
        indexes = {r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"cards_queue", "cards_note", "reviews_retention", "reviews_day"} <= indexes
        assert "reviews_time" not in indexes
    finally:
        store.close()
    assert len(list((tmp_path / "backups").glob("progress-v2-*.db"))) == 1


def test_new_reviews_get_their_before_state(store) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO reviews(card_id, rating, reviewed_at, before, after) VALUES ('c', 3, 't', ?, '{}')",
            (json.dumps({"state": 3}),),
        )
    assert store.query("SELECT before_state FROM reviews") == [{"before_state": 3}]


def test_only_the_copies_from_the_last_two_migrations_are_kept(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    for name in ("progress-v1-20240101T000000Z.db", "progress-v1-20250101T000000Z.db", "daily-2026-03-01.db"):
        (backups / name).write_bytes(b"")
    path = tmp_path / "old.db"
    _version_two(path)
    open_store(path, backup_dir=backups).close()
    names = sorted(p.name for p in backups.iterdir())
    assert names[:2] == ["daily-2026-03-01.db", "progress-v1-20250101T000000Z.db"]  # daily copies untouched
    assert len(names) == 3 and names[2].startswith("progress-v2-")  # the copy taken before this migration
