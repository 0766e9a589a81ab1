"""A progress file whose rows refer to rows it does not have: the check says so, the import refuses it whole,
and the database goes on taking ratings."""

from __future__ import annotations

import json

import pytest

from dlprep.reports import backup
from dlprep.store import open_store

from .history import build_history


def _file_with_a_dangling_quiz_answer(tmp_path):
    source = open_store(tmp_path / "source.db")
    build_history(source)
    with source.transaction() as conn:
        conn.execute("INSERT INTO quiz_sessions (started_at, deck, questions, correct, duration_ms) "
                     "VALUES ('2026-03-09T10:00:00+00:00', 'D', 1, 1, 1000)")
        conn.execute("INSERT INTO quiz_answers (session_id, card_id, answer, correct, answered_at) "
                     "VALUES (1, 'a1', 'b', 1, '2026-03-09T10:01:00+00:00')")
    path = tmp_path / "progress.json"
    backup.export_progress(source, path)
    source.close()
    document = json.loads(path.read_text(encoding="utf-8"))
    document["tables"]["quiz_sessions"] = []  # the answer now names a quiz the file does not have
    document["checksum"] = backup._checksum(document["tables"])
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_dangling_reference_is_refused_by_the_check_and_the_import(tmp_path) -> None:
    path = _file_with_a_dangling_quiz_answer(tmp_path)
    target = open_store(tmp_path / "target.db")
    build_history(target)
    before = backup.progress_snapshot(target)
    expected = (f"{path}: a row of quiz_answers (rowid 1) refers to a row of quiz_sessions that the file does "
                "not have; nothing was imported")
    with pytest.raises(backup.BackupError) as checked:
        backup.check_progress_file(target, path)
    assert str(checked.value) == expected
    with pytest.raises(backup.BackupError) as imported:
        backup.import_progress(target, path, safety_copy=False)
    assert str(imported.value) == expected
    assert backup.progress_snapshot(target) == before
    target.set_setting("new_per_day", "7")  # the store still writes: no transaction was left open
    assert target.get_setting("new_per_day") == "7"
    target.close()
