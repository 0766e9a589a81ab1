"""Every migration keeps every row whole: each column of each table, seeded at every older version."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from dlprep.store import SCHEMA_VERSION, open_store
from tests.conftest import old_schema

JSON_COLUMNS = {"data", "fsrs", "before", "after", "result", "value"}


def value_for(table: str, column: str, declared: str, row: int):
    """A distinctive, valid value for one column: no column is left at its default."""
    if column.endswith("_at") or column in {"due", "buried_until"}:
        return f"2026-0{row + 1}-1{row}T0{row}:1{row}:00+00:00"
    if column in JSON_COLUMNS:
        return json.dumps({"table": table, "column": column, "row": row, "state": 2})
    if "INT" in declared.upper():
        return 3 + row
    return f"{table}.{column}.{row}"


def build_old_database(path: Path, version: int) -> dict[str, list[dict]]:
    """A database at ``version`` with two fully populated rows in every table; returns what was written."""
    conn = old_schema(path, version)
    written: dict[str, list[dict]] = {}
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        if table in {"schema_version", "sqlite_sequence"} or table.startswith("sqlite_"):
            continue
        columns = conn.execute(f"PRAGMA table_info({table})").fetchall()
        rows = []
        for row in range(2):
            values = {name: value_for(table, name, declared, row) for _, name, declared, *_ in columns}
            if "id" in values and any(name == "id" and "INT" in declared.upper() for _, name, declared, *_ in columns):
                values["id"] = row + 1
            if table == "settings":
                values["key"] = f"setting_{row}"
            placeholders = ", ".join("?" for _ in values)
            conn.execute(f"INSERT INTO {table} ({', '.join(values)}) VALUES ({placeholders})", list(values.values()))
            rows.append(values)
        written[table] = rows
    conn.commit()
    conn.close()
    return written


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_migrating_from_each_old_version_keeps_every_column_of_every_row(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.db"
    written = build_old_database(path, version)
    assert written, "the old schema has tables to seed"
    store = open_store(path, backup_dir=tmp_path / "backups")
    try:
        assert store.schema_version() == SCHEMA_VERSION
        for table, rows in written.items():
            names = list(rows[0])
            found = store.query(f"SELECT {', '.join(names)} FROM {table} ORDER BY rowid")  # the order written
            assert found == rows, f"table {table} changed while migrating from version {version}"
    finally:
        store.close()


def _schema(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    conn.close()
    return rows


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_migrated_database_has_the_same_schema_as_a_new_one(tmp_path: Path, version: int) -> None:
    """Every table, index, trigger and column is the same whether the file was created now or years ago."""
    open_store(tmp_path / "new.db").close()
    build_old_database(tmp_path / "old.db", version)
    open_store(tmp_path / "old.db").close()
    assert _schema(tmp_path / "old.db") == _schema(tmp_path / "new.db")
