"""What the import tests share: the real command line, rows of the real database, a rating (the private data
home is the ``home`` fixture in this folder's conftest)."""

from __future__ import annotations

from pathlib import Path

from dlprep.cli import main
from dlprep.srs import StudyService
from dlprep.store import open_store

FIXTURES = Path(__file__).parent.parent / "fixtures" / "notes"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def db_rows(home: Path, sql: str, params: tuple = ()) -> list[dict]:
    store = open_store(home / "progress.db")
    try:
        return store.query(sql, params)
    finally:
        store.close()


def rate(home: Path, card_id: str, rating: int = 3) -> None:
    store = open_store(home / "progress.db")
    try:
        StudyService(store).rate(card_id, rating, 4000)
    finally:
        store.close()
