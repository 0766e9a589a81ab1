"""Progress backups: lossless round trip, refusal of bad files with the database untouched, daily copies."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest

from dlprep.reports import backup
from dlprep.store import SCHEMA_VERSION, open_store

from .history import add_card, at, build_history


def _fill(store) -> None:
    build_history(store)
    store.set_setting("day_start_hour", "5")
    store.set_setting("fsrs_parameters", json.dumps([0.1 * k for k in range(21)]))
    with store.transaction() as conn:
        conn.execute("INSERT INTO hints_shown (drill_id, hint_index, shown_at) VALUES ('adam', 0, 'x')")
        conn.execute(
            "INSERT INTO quiz_sessions (started_at, finished_at, deck, questions, correct, duration_ms) "
            "VALUES ('2026-03-09T10:00:00+00:00', NULL, 'Batch normalization', 3, 2, 45000)"
        )
        conn.execute(
            "INSERT INTO quiz_answers (session_id, card_id, answer, correct, answered_at) "
            "VALUES (1, 'a1', 'b', 1, '2026-03-09T10:01:00+00:00')"
        )
        review_id, card_id = conn.execute("SELECT id, card_id FROM reviews ORDER BY id LIMIT 1").fetchone()
        conn.execute(
            "INSERT INTO gen_reviews (review_id, card_id, generator, seed, answer, correct) VALUES (?, ?, ?, ?, ?, ?)",
            (review_id, card_id, "conv_output_shape", 123456789, "(8, 64, 31, 15)", 1),
        )


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DLPREP_HOME", str(tmp_path))
    return tmp_path


def _without_time(path):
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported_at")
    return document


def test_round_trip_into_an_empty_home_is_lossless(home):
    source = open_store(home / "a" / "p.db")
    _fill(source)
    first = home / "first.json"
    summary = backup.export_progress(source, first)
    assert (summary["reviews"], summary["attempts"], summary["cards"], summary["settings"]) == (8, 4, 7, 2)

    target = open_store(home / "b" / "p.db")
    result = backup.import_progress(target, first)
    assert result["reviews"] == 8 and result["quiz_answers"] == 1
    assert result["gen_reviews"] == 1  # a gen card's review keeps its seed: it can be shown again
    assert result["safety_copy"].startswith(str(home / "b" / "backups" / "before-import-"))
    second = home / "second.json"
    backup.export_progress(target, second)
    assert _without_time(first) == _without_time(second)
    assert backup.progress_snapshot(source) == backup.progress_snapshot(target)
    # ids survive, so undo snapshots and quiz answers keep pointing at the right rows
    assert target.query("SELECT id, rating FROM reviews ORDER BY id")[2] == {"id": 3, "rating": 1}


def test_import_replaces_progress_and_resets_cards_missing_from_the_file(home):
    source = open_store(home / "a" / "p.db")
    _fill(source)
    path = home / "p.json"
    backup.export_progress(source, path)
    target = open_store(home / "b" / "p.db")
    add_card(target, "later", "Dropout", state=2, stability=9, due="2026-03-20T00:00")
    with target.transaction() as conn:
        conn.execute(
            "INSERT INTO reviews (card_id, rating, reviewed_at, before, after) VALUES ('later', 3, 'x', '{}', '{}')"
        )
    summary = backup.import_progress(target, path, safety_dir=home / "safety")
    assert summary["cards_reset"] == 1
    later = target.query("SELECT state, fsrs, due FROM cards WHERE id = 'later'")[0]
    assert later == {"state": 0, "fsrs": None, "due": None}
    assert target.query("SELECT COUNT(*) AS n FROM reviews WHERE card_id = 'later'")[0]["n"] == 0
    safety = sqlite3.connect(summary["safety_copy"])
    assert safety.execute("SELECT COUNT(*) FROM reviews WHERE card_id = 'later'").fetchone()[0] == 1
    safety.close()


def _exported(home):
    source = open_store(home / "a" / "p.db")
    _fill(source)
    path = home / "p.json"
    backup.export_progress(source, path)
    target = open_store(home / "b" / "p.db")
    add_card(target, "mine", "Dropout", state=2, stability=3, due="2026-03-20T00:00")
    return path, target


def _rewrite(path, change, *, reseal: bool = True):
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    if reseal:
        document["checksum"] = backup._checksum(document["tables"])
    path.write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "reseal", "message"),
    [
        (lambda d: d.update(schema_version=SCHEMA_VERSION + 1), True, "written by a newer dlprep"),
        (lambda d: d.update(format_version=backup.FORMAT_VERSION + 1), True, "written by a newer dlprep"),
        (lambda d: d["tables"]["reviews"][0].update(rating=4), False, "checksum mismatch"),
        (lambda d: d["tables"]["reviews"][1].update(mood="sad"), True, "tables.reviews[1]: unknown column(s) mood"),
        (lambda d: d["tables"]["attempts"][0].update(code=["x"]), True, "tables.attempts[0].code"),
        (lambda d: d["tables"].update(secrets=[]), True, "unknown table 'secrets'"),
        (lambda d: d.update(format="something else"), True, "not a dlprep progress file"),
        # passes every check but violates NOT NULL on insert: the transaction rolls back
        (lambda d: d["tables"]["reviews"][-1].update(card_id=None), True, "left as it was"),
    ],
)
def test_bad_files_are_refused_and_the_database_is_untouched(home, change, reseal, message):
    path, target = _exported(home)
    before = backup.progress_snapshot(target)
    _rewrite(path, change, reseal=reseal)
    with pytest.raises(backup.BackupError) as err:
        backup.import_progress(target, path)
    assert message in str(err.value)
    assert str(path) in str(err.value)
    assert backup.progress_snapshot(target) == before


def test_truncated_and_missing_files(home):
    path, target = _exported(home)
    before = backup.progress_snapshot(target)
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(backup.BackupError, match="invalid JSON"):
        backup.import_progress(target, path)
    with pytest.raises(backup.BackupError, match="cannot read"):
        backup.import_progress(target, home / "nope.json")
    assert backup.progress_snapshot(target) == before


def test_export_to_an_unwritable_path_says_so(home):
    store = open_store(home / "p.db")
    blocker = home / "a-file"
    blocker.write_text("x")
    with pytest.raises(backup.BackupError, match="cannot write the progress file"):
        backup.export_progress(store, blocker / "p.json")


def test_daily_backup_once_a_day_keeps_the_last_two(home):
    store = open_store(home / "p.db")
    build_history(store)
    folder = home / "backups"
    start = at("2026-03-01T10:00")
    made = [backup.maybe_daily_backup(store, folder, start + timedelta(days=k)) for k in range(9)]
    assert all(made)
    assert backup.maybe_daily_backup(store, folder, start + timedelta(days=8, hours=5)) is None
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["daily-2026-03-08.db", "daily-2026-03-09.db"]
    copy = sqlite3.connect(folder / "daily-2026-03-09.db")
    assert copy.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 8
    copy.close()


def test_files_in_the_previous_layout_still_import(home):
    """The earlier export wrote the whole document at once (indent 1, cards first): it must still import."""
    path, target = _exported(home)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["tables"] = {table: document["tables"][table] for table in backup.TABLES}
    old = {key: document[key] for key in ("format", "format_version", "schema_version", "exported_at",
                                          "checksum", "tables")}
    path.write_text(json.dumps(old, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = backup.import_progress(target, path)
    assert (summary["reviews"], summary["cards"], summary["cards_reset"]) == (8, 7, 1)


def test_import_reads_rows_across_chunk_boundaries(home, monkeypatch):
    """With a tiny read size every row, key and number is cut across reads, and the result is the same."""
    source = open_store(home / "a" / "p.db")
    _fill(source)
    path = home / "p.json"
    backup.export_progress(source, path)
    monkeypatch.setattr(backup, "_CHUNK", 7)
    target = open_store(home / "b" / "p.db")
    backup.import_progress(target, path)
    assert backup.progress_snapshot(source) == backup.progress_snapshot(target)
    text = path.read_text(encoding="utf-8")
    assert '"rating":1' in text
    path.write_text(text.replace('"rating":1', '"rating":2', 1), encoding="utf-8")
    before = backup.progress_snapshot(target)
    with pytest.raises(backup.BackupError, match="checksum mismatch"):
        backup.import_progress(target, path)
    assert backup.progress_snapshot(target) == before
