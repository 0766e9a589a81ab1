"""Opening a store: a new data home, durability settings, transactions across threads and processes, copies,
opening without migrating."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from dlprep.errors import StoreError
from dlprep.store import SCHEMA_VERSION, Store, open_store
from dlprep.store.migrations import MIGRATIONS

NORMAL, FULL = 1, 2  # PRAGMA synchronous


def test_a_new_data_home_is_created_with_its_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "there" / "progress.db"
    store = open_store(path)
    try:
        store.set_setting("new_per_day", "7")
    finally:
        store.close()
    store = open_store(path)
    try:
        assert store.get_setting("new_per_day") == "7"
        assert store.schema_version() == SCHEMA_VERSION
    finally:
        store.close()


def test_wal_database_syncs_normally_and_one_without_wal_syncs_every_commit(tmp_path: Path) -> None:
    store = open_store(tmp_path / "progress.db")
    try:
        assert store.query("PRAGMA journal_mode") == [{"journal_mode": "wal"}]
        assert store.query("PRAGMA synchronous") == [{"synchronous": NORMAL}]  # a crash of the app loses nothing
    finally:
        store.close()
    # A database that cannot use WAL (an in-memory one stands in for a file system without shared memory)
    # keeps a rollback journal and syncs on every commit.
    store = open_store(Path(":memory:"))
    try:
        assert store.query("PRAGMA journal_mode")[0]["journal_mode"] != "wal"
        assert store.query("PRAGMA synchronous") == [{"synchronous": FULL}]
        store.set_setting("new_per_day", "7")
        assert store.get_setting("new_per_day") == "7"
    finally:
        store.close()


def test_an_answer_to_a_quiz_that_does_not_exist_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="FOREIGN KEY constraint failed"), store.transaction() as tx:
        tx.execute(
            "INSERT INTO quiz_answers(session_id, card_id, answer, correct, answered_at) "
            "VALUES (999, 'c1', 'layer norm', 1, '2026-03-02T12:00:00+00:00')"
        )
    assert store.query("SELECT id FROM quiz_answers") == []


def test_a_store_opened_in_one_thread_is_written_from_worker_threads(tmp_path: Path) -> None:
    """Textual workers rate cards in threads; the store is opened on the main thread."""
    store = open_store(tmp_path / "progress.db")
    failures: list[BaseException] = []

    def rate(n: int) -> None:
        try:
            with store.transaction() as tx:
                tx.execute(
                    "INSERT INTO reviews(card_id, rating, reviewed_at, before, after) VALUES (?, 3, ?, '{}', '{}')",
                    (f"c{n}", f"2026-03-02T12:00:0{n}+00:00"),
                )
        except BaseException as exc:  # reported to the main thread below
            failures.append(exc)

    try:
        workers = [threading.Thread(target=rate, args=(n,)) for n in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert failures == []
        assert sorted(r["card_id"] for r in store.query("SELECT card_id FROM reviews")) == ["c0", "c1", "c2", "c3"]
    finally:
        store.close()


def test_a_transaction_that_reads_then_writes_keeps_other_writers_out(tmp_path: Path) -> None:
    """Rating reads a card, then writes it: another dlprep window must not write in between (lost update)."""
    path = tmp_path / "progress.db"
    store = open_store(path)
    other = sqlite3.connect(path, timeout=0, isolation_level=None)  # another window that does not wait
    try:
        store.set_setting("new_per_day", "7")
        with store.transaction() as tx:
            seen = int(tx.execute("SELECT value FROM settings WHERE key = 'new_per_day'").fetchone()[0])
            with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                other.execute("UPDATE settings SET value = '100' WHERE key = 'new_per_day'")
            tx.execute("UPDATE settings SET value = ? WHERE key = 'new_per_day'", (str(seen + 1),))
        assert store.get_setting("new_per_day") == "8"
    finally:
        other.close()
        store.close()


def test_copy_goes_into_a_new_folder_and_holds_every_row(tmp_path: Path) -> None:
    store = open_store(tmp_path / "progress.db")
    try:
        store.set_setting("new_per_day", "7")
        target = tmp_path / "backups" / "by-hand" / "copy.db"
        store.backup_to(target)
        store.set_setting("new_per_day", "8")  # after the copy: not in it
    finally:
        store.close()
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT value FROM settings WHERE key = 'new_per_day'").fetchone() == ("7",)
        assert copy.execute("SELECT MAX(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    copy.close()


def test_opening_without_migrating_leaves_an_old_database_at_its_version(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1)")
    conn.execute("INSERT INTO settings VALUES ('new_per_day', '5')")
    conn.commit()
    conn.close()
    store = open_store(path, migrate=False, backup_dir=tmp_path / "backups")
    try:
        assert store.schema_version() == 1
        assert store.get_setting("new_per_day") == "5"
        assert "attempts" not in store.db.table_names()
    finally:
        store.close()
    assert not (tmp_path / "backups").exists()
    # A new file opened this way is empty, at version 0: the next normal open builds the whole schema.
    fresh = open_store(tmp_path / "fresh.db", migrate=False)
    try:
        assert fresh.schema_version() == 0
        assert fresh.db.table_names() == ["schema_version"]
    finally:
        fresh.close()
