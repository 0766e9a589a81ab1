"""The copy taken before a migration: when one is taken, its name, and which copies are kept.

README: ``backups/`` keeps "the copies taken before the last two schema migrations (``progress-v*.db``)".
"""

from __future__ import annotations

import re
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dlprep.store import SCHEMA_VERSION, open_store
from tests.conftest import old_schema

COPY_NAME = re.compile(r"progress-v(\d+)-(\d{8}T\d{6}Z)\.db")


def _old_database(path: Path, version: int, new_per_day: str = "5") -> None:
    """A database left by the dlprep of schema ``version``, with one setting to recognise it by."""
    conn = old_schema(path, version)
    conn.execute("INSERT INTO settings VALUES ('new_per_day', ?)", (new_per_day,))
    conn.commit()
    conn.close()


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def clock_not_in_utc(monkeypatch: pytest.MonkeyPatch):
    """The machine's clock set to Newfoundland time (UTC-3:30), which no UTC stamp can be mistaken for."""
    monkeypatch.setenv("TZ", "America/St_Johns")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_new_database_gets_no_copy(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    open_store(tmp_path / "progress.db", backup_dir=backups).close()
    assert not backups.exists() or _names(backups) == []


def test_a_current_database_gets_no_copy_when_opened_again(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    path = tmp_path / "progress.db"
    _old_database(path, SCHEMA_VERSION - 1)
    open_store(path, backup_dir=backups).close()
    assert len(_names(backups)) == 1
    open_store(path, backup_dir=backups).close()
    assert len(_names(backups)) == 1


def test_the_copy_is_named_by_the_old_version_and_the_utc_time(tmp_path: Path, clock_not_in_utc) -> None:
    path = tmp_path / "progress.db"
    _old_database(path, 2, new_per_day="11")
    before = datetime.now(UTC).replace(microsecond=0)
    open_store(path, backup_dir=tmp_path / "backups").close()
    after = datetime.now(UTC)
    [name] = _names(tmp_path / "backups")
    match = COPY_NAME.fullmatch(name)
    assert match, name
    assert match[1] == "2"
    taken = datetime.strptime(match[2], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert before <= taken <= after
    with sqlite3.connect(tmp_path / "backups" / name) as copy:
        assert copy.execute("SELECT MAX(version) FROM schema_version").fetchone() == (2,)
        assert copy.execute("SELECT value FROM settings").fetchone() == ("11",)
    copy.close()


def test_after_restoring_an_older_database_its_copy_is_kept(tmp_path: Path) -> None:
    """The user put back a version-3 database (say, one of these very copies) and opened it: it migrates.

    The two last migrations are the one just done and the one before it in time, not the two highest versions:
    the copy just taken is the only way back to the restored data as it was.
    """
    backups = tmp_path / "backups"
    backups.mkdir()
    for name in ("progress-v4-20260101T090000Z.db", "progress-v5-20260201T090000Z.db"):
        (backups / name).write_bytes(b"an earlier copy")
    path = tmp_path / "progress.db"
    _old_database(path, 3, new_per_day="13")
    open_store(path, backup_dir=backups).close()
    names = _names(backups)
    assert len(names) == 2
    assert names[1] == "progress-v5-20260201T090000Z.db"
    assert names[0].startswith("progress-v3-")
    with sqlite3.connect(backups / names[0]) as copy:
        assert copy.execute("SELECT value FROM settings").fetchone() == ("13",)
    copy.close()


def test_files_not_named_like_a_copy_are_never_pruned(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    mine = ("progress-v2-before-my-experiment.db", "progress-vlast-good.db", "daily-2026-03-01.db")
    for name in mine:
        (backups / name).write_bytes(b"a copy made by hand")
    for name in ("progress-v1-20250101T000000Z.db", "progress-v2-20250601T000000Z.db"):
        (backups / name).write_bytes(b"an earlier copy")
    path = tmp_path / "progress.db"
    _old_database(path, 2)
    open_store(path, backup_dir=backups).close()
    names = _names(backups)
    assert set(mine) <= set(names)
    copies = sorted(n for n in names if COPY_NAME.fullmatch(n))
    assert copies[0] == "progress-v2-20250601T000000Z.db"
    assert len(copies) == 2 and copies[1].startswith("progress-v2-")  # and the one just taken
