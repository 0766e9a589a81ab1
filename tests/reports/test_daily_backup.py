"""Today's backup copy: taken by the command line before it syncs, by the TUI in a thread after its first
screen, through a connection of its own so ratings go on while it copies."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC
from pathlib import Path

from dlprep.services import open_services
from dlprep.srs import StudySettings
from dlprep.tui.app import HELPERS_DELAY_S, DlprepApp
from tests.tui.conftest import DECK
from tests.tui.settle import settle


def deck_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "normalization.md").write_text(DECK, encoding="utf-8")
    return folder


def daily_copies(home: Path) -> list[str]:
    return sorted(p.name for p in (home / "backups").glob("daily-*")) if (home / "backups").is_dir() else []


def rows_in(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_the_command_line_copies_first_and_the_tui_later(tmp_path, fake_clock) -> None:
    home, folder = tmp_path / "home", deck_folder(tmp_path)
    later = open_services(home, folder, daily_backup=False, now=fake_clock, tz=UTC)
    assert daily_copies(home) == []
    item = later.study.next_item()
    later.study.rate(item.card.id, 3)
    copy = later.daily_backup()
    assert copy is not None and daily_copies(home) == ["daily-2026-03-02.db"]
    assert rows_in(copy, "reviews") == 1
    assert later.daily_backup() is None  # one a day
    later.close()
    fake_clock.advance(days=1)
    first = open_services(home, folder, now=fake_clock, tz=UTC)
    assert daily_copies(home) == ["daily-2026-03-02.db", "daily-2026-03-03.db"]
    first.close()


def test_ratings_go_on_while_the_copy_is_taken(tmp_path, fake_clock) -> None:
    home, folder = tmp_path / "home", deck_folder(tmp_path)
    services = open_services(home, folder, daily_backup=False, now=fake_clock, tz=UTC,
                             settings=StudySettings(fuzz=False))
    with services.store.transaction() as tx:  # enough pages that the copy takes a while
        tx.executemany("INSERT INTO settings(key, value) VALUES (?, ?)",
                       [(f"padding-{k}", "x" * 2000) for k in range(3000)])
    copied: list[Path | None] = []
    worker = threading.Thread(target=lambda: copied.append(services.daily_backup()))
    worker.start()
    rated = 0
    while (item := services.study.next_item()) is not None and rated < 20:
        services.study.rate(item.card.id, 4)
        rated += 1
    worker.join()
    assert rated == 4  # every card of the deck, rated and committed during the copy
    assert services.store.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 4
    assert copied[0] is not None and rows_in(copied[0], "settings") >= 3000
    assert 0 <= rows_in(copied[0], "reviews") <= 4  # a consistent snapshot from some moment of the copy
    services.close()


async def test_the_tui_takes_todays_copy_after_its_first_screen(tmp_path, fake_clock, monkeypatch) -> None:
    monkeypatch.setenv("DLPREP_NO_WARMUP", "1")  # no compute process; the backup timer fires all the same
    home, folder = tmp_path / "home", deck_folder(tmp_path)
    services = open_services(home, folder, daily_backup=False, now=fake_clock, tz=UTC)
    app = DlprepApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert daily_copies(home) == []  # not before the first screen
        await pilot.pause(HELPERS_DELAY_S + 0.5)
        await settle(app)
        assert daily_copies(home) == ["daily-2026-03-02.db"]
