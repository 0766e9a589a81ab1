"""A database that cannot be used gets one line that names the file and says what to do, and loses nothing.

The messages are checked word for word: they are what the user reads (the command line prints them as they are).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dlprep.errors import StoreError
from dlprep.store import SCHEMA_VERSION, Store, open_store
from dlprep.store.db import _explain

NOT_OURS = "it is not a dlprep progress database; move it aside or use --home DIR for another data home"
CANNOT_WRITE = "it cannot be written; check the permissions of the file and its folder, or use --home DIR"
LOCKED = "another process kept it locked for too long; close other dlprep windows and try again"


def _database_with_a_rating(path: Path) -> None:
    store = open_store(path)
    try:
        with store.transaction() as tx:
            tx.execute(
                "INSERT INTO reviews(card_id, rating, reviewed_at, before, after) "
                "VALUES ('c1', 3, '2026-03-02T12:00:00+00:00', '{}', '{}')"
            )
        store.set_setting("new_per_day", "7")
    finally:
        store.close()


def test_file_that_is_not_sqlite_gets_the_advice_to_move_it_aside(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    text = b"my notes, saved under the wrong name\n" * 200
    path.write_bytes(text)
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert str(err.value) == f"{path}: file is not a database ({NOT_OURS})"
    assert path.read_bytes() == text


def test_corrupt_database_gets_one_line_error_and_its_bytes_are_left_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    _database_with_a_rating(path)
    damaged = bytearray(path.read_bytes())
    damaged[100:4096] = b"\xff" * (4096 - 100)  # the schema page after the 100-byte header: torn by a bad disk
    path.write_bytes(bytes(damaged))
    with pytest.raises(StoreError) as err:
        open_store(path, backup_dir=tmp_path / "backups")
    assert str(err.value) == f"{path}: database disk image is malformed ({NOT_OURS})"
    assert path.read_bytes() == bytes(damaged)
    assert not (tmp_path / "backups").exists()


def test_folder_where_the_database_should_be_gets_the_permissions_advice(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    path.mkdir()
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert str(err.value) == f"{path}: unable to open database file ({CANNOT_WRITE})"


def test_sqlite_access_denied_gets_the_permissions_advice(tmp_path: Path) -> None:
    """SQLITE_PERM, worded "access permission denied", cannot be provoked here (root); it gets the same advice."""
    path = tmp_path / "progress.db"
    error = _explain(path, sqlite3.OperationalError("access permission denied"))
    assert str(error) == f"{path}: access permission denied ({CANNOT_WRITE})"


def test_read_only_database_names_the_file_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    _database_with_a_rating(path)
    # A read-only connection stands in for a file we may not write (root bypasses chmod).
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    store = Store(path, conn)
    try:
        with pytest.raises(StoreError) as err:
            store.set_setting("new_per_day", "20")
        assert str(err.value) == f"{path}: attempt to write a readonly database ({CANNOT_WRITE})"
        assert store.get_setting("new_per_day") == "7"
        assert len(store.query("SELECT id FROM reviews")) == 1
    finally:
        conn.close()


def test_database_locked_by_another_process_says_so_and_the_write_can_be_retried(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    _database_with_a_rating(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    # No waiting: the busy timeout of a real store would only make the test slow.
    store = Store(path, sqlite3.connect(path, timeout=0, isolation_level=None))
    try:
        with pytest.raises(StoreError) as err:
            store.set_setting("new_per_day", "20")
        assert str(err.value) == f"{path}: database is locked ({LOCKED})"
        holder.execute("ROLLBACK")
        store.set_setting("new_per_day", "20")
        assert store.get_setting("new_per_day") == "20"
    finally:
        holder.close()
        store.close()


def test_any_other_sqlite_error_is_one_line_naming_the_file(store: Store) -> None:
    with pytest.raises(StoreError) as err:
        store.query("SELECT rating FROM no_such_table")
    assert str(err.value) == f"{store.path}: no such table: no_such_table (see the SQLite message above)"


def test_failed_write_is_rolled_back_whole_and_the_store_keeps_working(store: Store) -> None:
    store.set_setting("new_per_day", "7")
    with pytest.raises(StoreError) as err, store.transaction() as tx:
        tx.execute("UPDATE settings SET value = '99' WHERE key = 'new_per_day'")
        tx.execute("INSERT INTO settings(key, value) VALUES ('new_per_day', '8')")
    assert str(err.value) == f"{store.path}: UNIQUE constraint failed: settings.key (see the SQLite message above)"
    assert store.get_setting("new_per_day") == "7"
    store.set_setting("new_per_day", "9")
    assert store.get_setting("new_per_day") == "9"


def _quiz_answer_checked_at_commit(tx: sqlite3.Connection) -> None:
    """An answer to a quiz that does not exist, its foreign key checked only at COMMIT (as `import progress` does)."""
    tx.execute("PRAGMA defer_foreign_keys = ON")
    tx.execute(
        "INSERT INTO quiz_answers(session_id, card_id, answer, correct, answered_at) "
        "VALUES (999, 'c1', 'layer norm', 1, '2026-03-02T12:00:00+00:00')"
    )


def test_failed_commit_is_one_line_naming_the_file(tmp_path: Path) -> None:
    store = open_store(tmp_path / "progress.db")
    with pytest.raises(StoreError) as err, store.transaction() as tx:
        _quiz_answer_checked_at_commit(tx)
    store.close()  # closing rolls the failed transaction back
    assert str(err.value) == f"{store.path}: FOREIGN KEY constraint failed (see the SQLite message above)"
    store = open_store(tmp_path / "progress.db")
    try:
        assert store.query("SELECT id FROM quiz_answers") == []
    finally:
        store.close()


def test_after_a_failed_commit_the_store_keeps_working(store: Store) -> None:
    with pytest.raises(StoreError), store.transaction() as tx:
        _quiz_answer_checked_at_commit(tx)
    store.set_setting("new_per_day", "9")
    assert store.get_setting("new_per_day") == "9"
    assert store.query("SELECT id FROM quiz_answers") == []


def test_database_from_a_newer_dlprep_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    _database_with_a_rating(path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    conn.close()
    before = path.read_bytes()
    backups = tmp_path / "backups"
    with pytest.raises(StoreError) as err:
        open_store(path, backup_dir=backups)
    assert str(err.value) == (
        f"{path}: schema version {SCHEMA_VERSION + 1} is newer than this dlprep understands "
        f"({SCHEMA_VERSION}); upgrade dlprep"
    )
    assert path.read_bytes() == before
    assert not backups.exists()
