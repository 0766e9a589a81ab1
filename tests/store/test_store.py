"""The progress database: WAL, migrations that keep data, clear errors for bad files, two instances."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dlprep.errors import StoreError
from dlprep.store import SCHEMA_VERSION, open_store
from dlprep.store.migrations import MIGRATIONS


def test_new_database_is_wal_and_current(tmp_path: Path) -> None:
    store = open_store(tmp_path / "p.db")
    try:
        assert store.schema_version() == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
        assert store.query("PRAGMA busy_timeout")[0]["timeout"] >= 10_000
        assert {"cards", "reviews", "settings", "attempts"} <= set(store.db.table_names())
    finally:
        store.close()


def test_version_one_database_migrates_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (1)")
    conn.execute(
        "INSERT INTO cards(id, deck, kind, created_at, state, lapses) "
        "VALUES ('c1', 'Deck', 'basic', '2026-01-01', 2, 3)"
    )
    conn.execute(
        "INSERT INTO reviews(card_id, rating, reviewed_at, before, after) "
        "VALUES ('c1', 3, '2026-01-02T10:00:00+00:00', '{}', '{}')"
    )
    conn.execute("INSERT INTO settings VALUES ('new_per_day', '5')")
    conn.commit()
    conn.close()

    backups = tmp_path / "backups"
    store = open_store(path, backup_dir=backups)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.query("SELECT id, state, lapses FROM cards") == [{"id": "c1", "state": 2, "lapses": 3}]
        assert store.query("SELECT card_id, rating FROM reviews") == [{"card_id": "c1", "rating": 3}]
        assert store.get_setting("new_per_day") == "5"
        assert "attempts" in store.db.table_names()
    finally:
        store.close()
    copies = list(backups.glob("progress-v1-*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as old:
        assert old.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 1
        assert old.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 1


def test_file_that_is_not_sqlite_gets_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    path.write_bytes(b"this is a text file, not a database\n" * 100)
    with pytest.raises(StoreError) as err:
        open_store(path)
    message = str(err.value)
    assert str(path) in message and "not a database" in message and "\n" not in message
    assert path.read_bytes().startswith(b"this is a text file")


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 5,))
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_data_home_that_cannot_be_created_gets_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data home should be")
    with pytest.raises(StoreError) as err:
        open_store(blocker / "p.db")
    assert str(blocker) in str(err.value) and "--home" in str(err.value)


def test_read_only_database_file_gets_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    open_store(path).close()
    # A read-only connection stands in for a file we may not write (root bypasses chmod).
    uri = f"file:{path}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    from dlprep.store.db import Store

    store = Store(path, conn)
    with pytest.raises(StoreError) as err:
        store.set_setting("x", "1")
    assert "readonly" in str(err.value) and str(path) in str(err.value)
    conn.close()


def test_transaction_rolls_back_on_error(store) -> None:
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.execute("INSERT INTO settings VALUES ('a', '1')")
        raise RuntimeError("boom")
    assert store.get_setting("a") is None


def test_second_instance_waits_instead_of_failing(tmp_path: Path) -> None:
    """Another process holds a write lock for a while; our write waits for it and succeeds."""
    path = tmp_path / "p.db"
    open_store(path).close()
    holder = textwrap.dedent(
        f"""
        import sqlite3, sys, time
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO settings VALUES ('holder', '1')")
        print("locked", flush=True)
        time.sleep(1.5)
        conn.execute("COMMIT")
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        store = open_store(path)
        store.set_setting("second", "2")
        assert store.get_setting("holder") == "1"
        assert store.get_setting("second") == "2"
        store.close()
    finally:
        proc.wait(timeout=10)
    assert proc.returncode == 0
