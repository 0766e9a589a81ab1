"""Lossless progress backups as one JSON file, and rolling daily copies of the database.

The progress file holds every row of ``reviews``, ``attempts``, ``hints_shown``, ``quiz_sessions``,
``quiz_answers``, ``settings`` and ``gen_reviews`` (the seed of each review of a gen card), and every
``cards`` row (content and scheduling state, so imported
cards and their history travel together), with their original ids. Values are written as stored (text
columns holding JSON stay text), so export -> import -> export gives the same file apart from the
export time.

Layout::

    {"format": "dlprep-progress", "format_version": 1, "schema_version": N, "exported_at": "...",
     "checksum": "sha256 of the canonical JSON of tables", "tables": {"cards": [...], "reviews": [...], ...}}

Import replaces the progress in the database with the file's: it checks the whole file first (format,
versions, checksum, table and column names, value types) and writes in one transaction, so a bad file
leaves the database untouched. Cards in the database that the file does not list keep their content but
go back to new, since their history is not in the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from dlprep.errors import DlprepError, StoreError
from dlprep.store import SCHEMA_VERSION, Store

FORMAT = "dlprep-progress"
FORMAT_VERSION = 1
TABLES = ("cards", "reviews", "attempts", "hints_shown", "quiz_sessions", "quiz_answers", "settings", "gen_reviews")
# Insert order respects quiz_answers -> quiz_sessions; delete order is the reverse.
ORDER_BY = {"cards": "id", "settings": "key", "gen_reviews": "review_id"}
DAILY_PREFIX = "daily-"
DAILY_KEEP = 7


class BackupError(DlprepError):
    """A progress file cannot be written or read; the message names the file and the problem."""


def _columns(store: Store, table: str) -> list[str]:
    return [row["name"] for row in store.query(f"PRAGMA table_info({table})")]


def _checksum(tables: dict) -> str:
    canonical = json.dumps(tables, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def progress_snapshot(store: Store) -> dict[str, list[dict]]:
    """Every row of the progress tables, in a stable order."""
    with store.lock:
        return {
            table: store.query(f"SELECT * FROM {table} ORDER BY {ORDER_BY.get(table, 'id')}")
            for table in TABLES
        }


def export_progress(store: Store, path: Path, *, now: datetime | None = None) -> dict:
    """Write the progress file to ``path`` (atomically) and return a summary of row counts."""
    path = Path(path)
    tables = progress_snapshot(store)
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": store.schema_version(),
        "exported_at": (now or datetime.now(UTC)).isoformat(),
        "checksum": _checksum(tables),
        "tables": tables,
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        if tmp.parent.is_dir():
            tmp.unlink(missing_ok=True)
        raise BackupError(f"{path}: cannot write the progress file ({exc.strerror or exc})") from None
    return {"path": str(path), **{table: len(rows) for table, rows in tables.items()}}


def read_progress_file(store: Store, path: Path) -> dict[str, list[dict]]:
    """Read and check a progress file against this database's schema; return its tables."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BackupError(f"{path}: cannot read the progress file ({exc.strerror or exc})") from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError(f"{path}: not a dlprep progress file (invalid JSON: {exc})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(f"{path}: not a dlprep progress file (no \"format\": \"{FORMAT}\")")
    fmt, schema = document.get("format_version"), document.get("schema_version")
    if not isinstance(fmt, int) or not isinstance(schema, int):
        raise BackupError(f"{path}: corrupted progress file (format_version/schema_version missing)")
    if fmt > FORMAT_VERSION or schema > SCHEMA_VERSION:
        raise BackupError(
            f"{path}: written by a newer dlprep (file format {fmt}, schema {schema}; this dlprep reads "
            f"format {FORMAT_VERSION}, schema {SCHEMA_VERSION}); upgrade dlprep to import it"
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise BackupError(f"{path}: corrupted progress file (\"tables\" missing)")
    if document.get("checksum") != _checksum(tables):
        raise BackupError(f"{path}: corrupted progress file (checksum mismatch: it was changed or truncated)")
    for table in tables:
        if table not in TABLES:
            raise BackupError(f"{path}: corrupted progress file (unknown table {table!r})")
    for table in TABLES:
        rows = tables.get(table, [])
        if not isinstance(rows, list):
            raise BackupError(f"{path}: corrupted progress file (table {table!r} is not a list)")
        allowed = set(_columns(store, table))
        for index, row in enumerate(rows):
            where = f"{path}: tables.{table}[{index}]"
            if not isinstance(row, dict):
                raise BackupError(f"{where}: not an object")
            unknown = set(row) - allowed
            if unknown:
                raise BackupError(f"{where}: unknown column(s) {', '.join(sorted(unknown))}")
            for column, value in row.items():
                if value is not None and not isinstance(value, str | int | float):
                    raise BackupError(f"{where}.{column}: unexpected value of type {type(value).__name__}")
        tables.setdefault(table, rows)
    return tables


def import_progress(
    store: Store, path: Path, *, safety_copy: bool = True, safety_dir: Path | None = None
) -> dict:
    """Replace this database's progress with the file's; return row counts and the safety copy's path.

    Nothing is written unless the whole file checks out. Before writing, a copy of the database is taken
    (SQLite backup API) into ``safety_dir`` (default: ``backups/`` beside the database) as
    ``before-import-<time>.db``, so an import can be undone by hand.
    """
    path = Path(path)
    tables = read_progress_file(store, path)
    summary: dict = {"path": str(path)}
    if safety_copy:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        folder = Path(safety_dir) if safety_dir is not None else Path(store.path).parent / "backups"
        copy = folder / f"before-import-{stamp}.db"
        try:
            store.backup_to(copy)
        except (OSError, sqlite3.Error, StoreError) as exc:
            raise BackupError(f"{copy}: cannot take a safety copy before importing ({exc}); nothing was "
                              "imported") from None
        summary["safety_copy"] = str(copy)
    keep_cards = {row["id"] for row in tables["cards"] if "id" in row}
    try:
        with store.transaction() as conn:
            for table in reversed(TABLES):
                if table != "cards":
                    conn.execute(f"DELETE FROM {table}")
            reset = 0
            for (card_id,) in conn.execute("SELECT id FROM cards").fetchall():
                if card_id not in keep_cards:
                    conn.execute(
                        "UPDATE cards SET fsrs = NULL, state = 0, due = NULL, lapses = 0, "
                        "buried_until = NULL WHERE id = ?",
                        (card_id,),
                    )
                    reset += 1
            for table in TABLES:
                for row in tables[table]:
                    names = list(row)
                    verb = "INSERT OR REPLACE" if table in ("cards", "settings") else "INSERT"
                    conn.execute(
                        f"{verb} INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                        [row[n] for n in names],
                    )
                summary[table] = len(tables[table])
            summary["cards_reset"] = reset
    except (sqlite3.Error, StoreError) as exc:
        raise BackupError(f"{path}: cannot import ({exc}); the database was left as it was") from None
    return summary


def maybe_daily_backup(store: Store, backups_dir: Path, now: datetime) -> Path | None:
    """Copy the database to ``backups_dir/daily-YYYY-MM-DD.db`` once per UTC day; keep the last 7.

    Returns the new copy's path, or ``None`` when today's copy already exists.
    """
    backups_dir = Path(backups_dir)
    target = backups_dir / f"{DAILY_PREFIX}{now.astimezone(UTC).date().isoformat()}.db"
    if target.exists():
        return None
    partial = target.with_name(target.name + ".part")
    try:
        store.backup_to(partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error, StoreError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"{target}: cannot write the daily backup ({exc})") from None
    copies = sorted(backups_dir.glob(f"{DAILY_PREFIX}*.db"))
    for old in copies[:-DAILY_KEEP]:
        old.unlink(missing_ok=True)
    return target
