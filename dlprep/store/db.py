"""Opening the progress database: WAL, busy timeout, migrations, and clear errors for bad files."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from dlprep.errors import StoreError
from dlprep.store.migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)
MIGRATION_COPIES_KEPT = 2
BUSY_TIMEOUT_MS = 30_000
_COPY_NAME = re.compile(r"progress-v(?P<version>\d+)-(?P<stamp>\d{8}T\d{6}Z)\.db")


class Store:
    """One open progress database.

    ``store.db`` is the sqlite-utils :class:`~sqlite_utils.Database`. Writes go through
    :meth:`transaction`, which holds a lock (Textual workers run in threads) and commits on exit,
    so each rating is durable before the caller moves on.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.lock = threading.RLock()
        self._db = None

    @property
    def db(self):
        """The sqlite-utils view of the connection, created on first use (its import is slow)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the body in one ``BEGIN IMMEDIATE`` transaction; commit on success, roll back on error."""
        with self.lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _explain(self.path, exc) from None
            try:
                yield self.conn
            except sqlite3.Error as exc:
                self.conn.execute("ROLLBACK")
                raise _explain(self.path, exc) from None
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:  # a deferred constraint failed: COMMIT leaves the transaction open
                    self.conn.execute("ROLLBACK")
                raise _explain(self.path, exc) from None

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """Run a read query and return rows as dicts."""
        with self.lock:
            try:
                cur = self.conn.execute(sql, params)
            except sqlite3.Error as exc:
                raise _explain(self.path, exc) from None
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def schema_version(self) -> int:
        """The version recorded in the database (0 for a new file)."""
        return _read_version(self.conn)

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        rows = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0]["value"] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def backup_to(self, target: Path) -> None:
        """Copy the whole database to ``target`` with SQLite's online backup API."""
        target.parent.mkdir(parents=True, exist_ok=True)
        with self.lock:
            dest = sqlite3.connect(target)
            try:
                self.conn.backup(dest)
            finally:
                dest.close()

    def close(self) -> None:
        with self.lock:
            self.conn.close()


def _explain(path: Path, exc: sqlite3.Error) -> StoreError:
    """Turn a sqlite error into one sentence that names the file and what to do."""
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        advice = "it is not a dlprep progress database; move it aside or use --home DIR for another data home"
    elif "readonly" in text or "unable to open" in text or "permission" in text.lower():
        advice = "it cannot be written; check the permissions of the file and its folder, or use --home DIR"
    elif "locked" in text or "busy" in text:
        advice = "another process kept it locked for too long; close other dlprep windows and try again"
    else:
        advice = "see the SQLite message above"
    return StoreError(f"{path}: {text} ({advice})")


def _read_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _copy_order(path: Path) -> tuple[str, int] | None:
    """Sort key of a copy named ``progress-v<version>-<time>.db``: the time it was taken, then the version.

    None for any other name: a file dlprep did not write there (a copy made by hand) is never pruned.
    """
    match = _COPY_NAME.fullmatch(path.name)
    return (match["stamp"], int(match["version"])) if match else None


def _migrate(store: Store, backup_dir: Path | None) -> None:
    conn = store.conn
    with store.lock:
        current = _read_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"{store.path}: schema version {current} is newer than this dlprep understands "
            f"({SCHEMA_VERSION}); upgrade dlprep"
        )
    if current == SCHEMA_VERSION:
        return
    if current > 0 and backup_dir is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        store.backup_to(backup_dir / f"progress-v{current}-{stamp}.db")
        # Keep the copies from before the last two migrations: the last two in time, whatever their versions
        # (after an older database is put back and migrated, the copy just taken is the newest).
        copies = sorted((p for p in backup_dir.glob("progress-v*-*.db") if _copy_order(p)), key=_copy_order)
        for old in copies[:-MIGRATION_COPIES_KEPT]:
            old.unlink(missing_ok=True)
    with store.transaction() as tx:
        # Re-read inside the write lock: another process may have migrated meanwhile.
        current = _read_version(tx)
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version - 1]:
                tx.execute(statement)
            tx.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))


def open_store(path: Path, *, migrate: bool = True, backup_dir: Path | None = None) -> Store:
    """Open (creating if needed) the database at ``path``, in WAL mode, migrated to the latest schema.

    Raises :class:`StoreError` with a one-line explanation for files that are not SQLite databases,
    cannot be written, or come from a newer dlprep.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path.parent}: cannot create the data folder ({exc.strerror}); use --home DIR") from None
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = NORMAL" if mode.lower() == "wal" else "PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        store = Store(path, conn)
        if migrate:
            _migrate(store, backup_dir)
        else:
            _read_version(conn)
    except sqlite3.Error as exc:
        raise _explain(path, exc) from None
    return store
