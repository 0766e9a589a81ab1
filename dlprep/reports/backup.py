"""Lossless progress backups as one JSON file, and a rolling daily copy of the database.

The progress file holds every row of ``reviews``, ``attempts``, ``hints_shown``, ``quiz_sessions``,
``quiz_answers``, ``settings``, ``gen_reviews`` (the seed of each review of a gen card), ``typed_answers``,
``mock_sessions`` and ``mock_items``, and every ``cards`` row (content and scheduling state, so imported
cards and their history travel together), with their original ids. Values are written as stored (text
columns holding JSON stay text), so export -> import -> export gives the same file apart from the
export time.

Layout (one row per line, each in its canonical form; the tables in name order; the checksum last, since
it is computed while the rows stream out)::

    {"format": "dlprep-progress", "format_version": 1, "schema_version": N, "exported_at": "...",
     "tables": {"attempts": [
    {...},
    ...]}, "checksum": "sha256 of the canonical JSON of tables"}

The checksum is the SHA-256 of ``json.dumps(tables, sort_keys=True, ensure_ascii=False,
separators=(",", ":"))``, fed a row at a time. Both directions stream: export writes each row as SQLite
returns it, and import reads any layout of the document with an incremental reader, so memory stays
flat however long the history is.

Import replaces the progress in the database with the file's in one transaction: it checks every row as it
reads it (table and column names, value types) and the format, versions and checksum, and rolls back at
the first problem, so a bad file leaves the database untouched. Cards in the database that the file does
not list keep their content but go back to new, since their history is not in the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from dlprep.errors import DlprepError, StoreError
from dlprep.store import SCHEMA_VERSION, Store

FORMAT = "dlprep-progress"
FORMAT_VERSION = 1
TABLES = ("cards", "reviews", "attempts", "hints_shown", "quiz_sessions", "quiz_answers", "settings", "gen_reviews",
          "typed_answers", "mock_sessions", "mock_items")
ORDER_BY = {"cards": "id", "settings": "key", "gen_reviews": "review_id"}
DAILY_PREFIX = "daily-"
DAILY_KEEP = 2
IMPORT_PREFIX = "before-import-"
IMPORT_KEEP = 2
_CHUNK = 1 << 20


class BackupError(DlprepError):
    """A progress file cannot be written or read; the message names the file and the problem."""


def _columns(store: Store, table: str) -> list[str]:
    """The stored columns of ``table`` (generated columns such as ``reviews.before_state`` are left out)."""
    return [row["name"] for row in store.query(f"PRAGMA table_info({table})")]


_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _canonical(value) -> str:
    return _CANONICAL.encode(value)


def _checksum(tables: dict) -> str:
    return hashlib.sha256(_canonical(tables).encode("utf-8")).hexdigest()


def _table_rows(store: Store, table: str) -> Iterator[dict]:
    """The rows of ``table`` in a stable order, as SQLite returns them (never all in memory)."""
    columns = _columns(store, table)
    cursor = store.conn.execute(
        f"SELECT {', '.join(columns)} FROM {table} ORDER BY {ORDER_BY.get(table, 'id')}"
    )
    while batch := cursor.fetchmany(1000):
        for row in batch:
            yield dict(zip(columns, row, strict=True))


def progress_snapshot(store: Store) -> dict[str, list[dict]]:
    """Every row of the progress tables, in a stable order (for tests and small databases)."""
    with store.lock:
        return {table: list(_table_rows(store, table)) for table in TABLES}


def export_progress(store: Store, path: Path, *, now: datetime | None = None) -> dict:
    """Write the progress file to ``path`` (atomically, a row at a time) and return row counts."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    counts: dict[str, int] = {}
    digest = hashlib.sha256()
    head = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "schema_version": store.schema_version(),
        "exported_at": (now or datetime.now(UTC)).isoformat(),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as out, store.lock:
            out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "tables": {')
            digest.update(b"{")
            for t, table in enumerate(sorted(TABLES)):
                out.write(("," if t else "") + f"\n{json.dumps(table)}: [")
                digest.update(f"{',' if t else ''}{json.dumps(table)}:[".encode())
                n = 0
                for row in _table_rows(store, table):  # each row written as it is hashed: canonical JSON
                    text = _canonical(row)
                    out.write(("," if n else "") + "\n" + text)
                    digest.update((b"," if n else b"") + text.encode("utf-8"))
                    n += 1
                out.write("]")
                digest.update(b"]")
                counts[table] = n
            digest.update(b"}")
            out.write(f'}}, "checksum": "{digest.hexdigest()}"}}\n')
        os.replace(tmp, path)
    except OSError as exc:
        if tmp.parent.is_dir():
            tmp.unlink(missing_ok=True)
        raise BackupError(f"{path}: cannot write the progress file ({exc.strerror or exc})") from None
    return {"path": str(path), **{table: counts[table] for table in TABLES}}


class _JsonStream:
    """Reads one JSON document from a text file piece by piece: punctuation, keys and whole small values.

    ``value()`` decodes one complete value (a row object, a string, a number) from a buffer that is
    refilled as needed, so a row is never cut in two and the file is never read whole.
    """

    def __init__(self, file: IO[str]) -> None:
        self.file = file
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.decoder = json.JSONDecoder()

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self.file.read(_CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf = self.buf[self.pos:] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next non-blank character ('' at the end of the file)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf) or not self._fill():
                return self.buf[self.pos : self.pos + 1]

    def expect(self, chars: str) -> str:
        found = self.peek()
        if not found or found not in chars:
            raise json.JSONDecodeError(f"expected one of {chars!r}", self.buf, self.pos)
        self.pos += 1
        return found

    def value(self):
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if self._fill():
                    continue
                raise
            if end == len(self.buf) and self._fill():  # a number may go on in the next chunk
                continue
            self.pos = end
            return value


def _check_row(path: Path, table: str, index: int, row, allowed: set[str]) -> None:
    where = f"{path}: tables.{table}[{index}]"
    if not isinstance(row, dict):
        raise BackupError(f"{where}: not an object")
    unknown = set(row) - allowed
    if unknown:
        raise BackupError(f"{where}: unknown column(s) {', '.join(sorted(unknown))}")
    for column, value in row.items():
        if value is not None and not isinstance(value, str | int | float):
            raise BackupError(f"{where}.{column}: unexpected value of type {type(value).__name__}")


def _check_head(path: Path, head: dict, key: str) -> None:
    """Check the document's header fields as soon as each is read."""
    if key == "format" and head["format"] != FORMAT:
        raise BackupError(f"{path}: not a dlprep progress file (no \"format\": \"{FORMAT}\")")
    if key in ("format_version", "schema_version"):
        value = head[key]
        if not isinstance(value, int):
            raise BackupError(f"{path}: corrupted progress file (format_version/schema_version missing)")
        newest = FORMAT_VERSION if key == "format_version" else SCHEMA_VERSION
        if value > newest:
            raise BackupError(
                f"{path}: written by a newer dlprep (file {key.replace('_', ' ')} {value}; this dlprep reads "
                f"format {FORMAT_VERSION}, schema {SCHEMA_VERSION}); upgrade dlprep to import it"
            )


class _Importer:
    """One streaming pass over a progress file, writing into an open transaction."""

    def __init__(self, store: Store, conn: sqlite3.Connection, path: Path) -> None:
        self.store, self.conn, self.path = store, conn, path
        self.counts: dict[str, int] = {}
        self.pieces: dict[str, IO[bytes]] = {}  # each table's canonical JSON, hashed in name order at the end
        self.saw_tables = False
        self.unplaced = False  # a cards row without a position: a file from before migration 7

    def close(self) -> None:
        for piece in self.pieces.values():
            piece.close()

    def run(self, file: IO[str]) -> dict:
        stream = _JsonStream(file)
        head: dict = {}
        stream.expect("{")
        if stream.peek() != "}":
            while True:
                key = stream.value()
                stream.expect(":")
                if key == "tables":
                    self.saw_tables = True
                    self._tables(stream)
                else:
                    head[key] = stream.value()
                    if key in ("format", "format_version", "schema_version"):
                        _check_head(self.path, head, key)
                if stream.expect(",}") == "}":
                    break
        if stream.peek():
            raise json.JSONDecodeError("extra data after the document", stream.buf, stream.pos)
        if head.get("format") != FORMAT:
            raise BackupError(f"{self.path}: not a dlprep progress file (no \"format\": \"{FORMAT}\")")
        for key in ("format_version", "schema_version"):
            if key not in head:
                raise BackupError(f"{self.path}: corrupted progress file (format_version/schema_version missing)")
        if not self.saw_tables:
            raise BackupError(f"{self.path}: corrupted progress file (\"tables\" missing)")
        if head.get("checksum") != self._digest():
            raise BackupError(f"{self.path}: corrupted progress file (checksum mismatch: it was changed or truncated)")
        return self.counts

    def _digest(self) -> str:
        digest = hashlib.sha256(b"{")
        for t, table in enumerate(sorted(self.pieces)):
            digest.update(f"{',' if t else ''}{json.dumps(table)}:[".encode())
            piece = self.pieces[table]
            piece.seek(0)
            while chunk := piece.read(_CHUNK):
                digest.update(chunk)
            digest.update(b"]")
        digest.update(b"}")
        return digest.hexdigest()

    def _tables(self, stream: _JsonStream) -> None:
        if stream.expect("{") == "{" and stream.peek() == "}":
            stream.expect("}")
            return
        while True:
            table = stream.value()
            stream.expect(":")
            if table not in TABLES:
                raise BackupError(f"{self.path}: corrupted progress file (unknown table {table!r})")
            if stream.peek() != "[":
                raise BackupError(f"{self.path}: corrupted progress file (table {table!r} is not a list)")
            self._rows(stream, table)
            if stream.expect(",}") == "}":
                return

    def _rows(self, stream: _JsonStream, table: str) -> None:
        allowed = set(_columns(self.store, table))
        piece = self.pieces[table] = tempfile.SpooledTemporaryFile(max_size=8 * _CHUNK)  # noqa: SIM115
        verb = "INSERT OR REPLACE" if table in ("cards", "settings") else "INSERT"
        stream.expect("[")
        index = 0
        if stream.peek() == "]":
            stream.expect("]")
        else:
            while True:
                row = stream.value()
                _check_row(self.path, table, index, row, allowed)
                piece.write((b"," if index else b"") + _canonical(row).encode("utf-8"))
                names = list(row)
                self.conn.execute(
                    f"{verb} INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                    [row[n] for n in names],
                )
                if table == "cards" and "id" in row:
                    self.conn.execute("INSERT OR IGNORE INTO temp.import_cards VALUES (?)", (row["id"],))
                    self.unplaced = self.unplaced or "position" not in row
                index += 1
                if stream.expect(",]") == "]":
                    break
        self.counts[table] = index


class _DryRun(Exception):
    """Raised inside the import transaction to roll back a check."""


def check_progress_file(store: Store, path: Path) -> dict[str, int]:
    """Check a progress file completely (as an import would, constraints included) and write nothing.

    Returns the number of rows per table. The import runs in a transaction that is rolled back.
    """
    counts: dict[str, int] = {}
    with contextlib.suppress(_DryRun):
        _import(store, Path(path), counts, dry_run=True)
    return {table: counts.get(table, 0) for table in TABLES}


def _import(store: Store, path: Path, counts: dict, *, dry_run: bool = False) -> int:
    """The import transaction; fills ``counts`` and returns the number of cards reset to new."""
    try:
        file = open(path, encoding="utf-8")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        raise BackupError(f"{path}: cannot read the progress file ({exc.strerror or exc})") from None
    try:
        with store.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_cards (id TEXT PRIMARY KEY)")
            conn.execute("DELETE FROM temp.import_cards")
            for table in reversed(TABLES):
                if table != "cards":
                    conn.execute(f"DELETE FROM {table}")
            importer = _Importer(store, conn, path)
            try:
                counts.update(importer.run(file))
            finally:
                importer.close()
            reset = conn.execute(
                "UPDATE cards SET fsrs = NULL, state = 0, due = NULL, lapses = 0, buried_until = NULL "
                "WHERE id NOT IN (SELECT id FROM temp.import_cards)"
            ).rowcount
            # A file written before cards had a place in their deck: number them in the order they were added
            # (the next sync of a changed deck file sets the file's order).
            if importer.unplaced:
                conn.execute(
                    "WITH ranked AS (SELECT rowid AS r, ROW_NUMBER() OVER (PARTITION BY deck ORDER BY created_at, "
                    "rowid) AS n FROM cards) UPDATE cards SET position = ranked.n FROM ranked "
                    "WHERE ranked.r = cards.rowid AND cards.position = 0"
                )
            conn.execute("DELETE FROM temp.import_cards")
            # Foreign keys are checked at COMMIT (deferred): look now, so a dry run sees what the import would.
            broken = conn.execute("PRAGMA foreign_key_check").fetchone()
            if broken is not None:
                table, rowid, parent, _ = broken
                raise BackupError(f"{path}: a row of {table} (rowid {rowid}) refers to a row of {parent} that the "
                                  "file does not have; nothing was imported")
            if dry_run:
                raise _DryRun
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError(f"{path}: not a dlprep progress file (invalid JSON: {exc})") from None
    except (sqlite3.Error, StoreError) as exc:
        raise BackupError(f"{path}: cannot import ({exc}); the database was left as it was") from None
    finally:
        file.close()
    return reset


def import_progress(
    store: Store, path: Path, *, safety_copy: bool = True, safety_dir: Path | None = None
) -> dict:
    """Replace this database's progress with the file's; return row counts and the safety copy's path.

    Nothing is kept unless the whole file checks out (one transaction, rolled back at the first problem).
    Before writing, a copy of the database is taken (SQLite backup API) into ``safety_dir`` (default:
    ``backups/`` beside the database) as ``before-import-<time>.db``, so an import can be undone by hand;
    the last :data:`IMPORT_KEEP` such copies are kept.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: cannot read the progress file (no such file)")
    summary: dict = {"path": str(path)}
    if safety_copy:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        folder = Path(safety_dir) if safety_dir is not None else Path(store.path).parent / "backups"
        copy = folder / f"{IMPORT_PREFIX}{stamp}.db"
        try:
            store.backup_to(copy)
        except (OSError, sqlite3.Error, StoreError) as exc:
            raise BackupError(f"{copy}: cannot take a safety copy before importing ({exc}); nothing was "
                              "imported") from None
        summary["safety_copy"] = str(copy)
    counts: dict[str, int] = {}
    reset = _import(store, path, counts)
    if safety_copy:
        _prune(Path(summary["safety_copy"]).parent, IMPORT_PREFIX, IMPORT_KEEP)
    summary.update({table: counts.get(table, 0) for table in TABLES})
    summary["cards_reset"] = reset
    return summary


def _prune(folder: Path, prefix: str, keep: int) -> None:
    """Delete all but the newest ``keep`` copies named ``prefix*.db`` (names sort by time)."""
    for old in sorted(folder.glob(f"{prefix}*.db"))[:-keep]:
        old.unlink(missing_ok=True)


def maybe_daily_backup(store: Store, backups_dir: Path, now: datetime) -> Path | None:
    """Copy the database to ``backups_dir/daily-YYYY-MM-DD.db`` once per UTC day; keep the last 2.

    Two copies (today's and the previous one) are the safety net; seven copies of a large collection
    cost seven times its size on disk for little more safety.

    The copy is read through a connection of its own, in one step of SQLite's backup API: one read
    transaction, so the copy is a consistent snapshot, and with the write-ahead log the app keeps rating
    while it runs. It never takes the store's lock, so a front end can call this from a worker thread.

    Returns the new copy's path, or ``None`` when today's copy already exists.
    """
    backups_dir = Path(backups_dir)
    target = backups_dir / f"{DAILY_PREFIX}{now.astimezone(UTC).date().isoformat()}.db"
    if target.exists():
        return None
    partial = target.with_name(target.name + f".{os.getpid()}.part")
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"file:{Path(store.path).resolve()}?mode=ro", uri=True, timeout=30)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error, StoreError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"{target}: cannot write the daily backup ({exc})") from None
    _prune(backups_dir, DAILY_PREFIX, DAILY_KEEP)
    return target
