"""The drill practice service over a real store, a real workspace folder and (for runs) the real grader."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from dlprep.drills import get_drill, reference_source
from dlprep.drills.practice import (
    EXPECTED_SOLVE_S,
    DrillPractice,
    atomic_write,
    card_id,
    choose_rating,
)
from dlprep.grading.result import GradeResult
from dlprep.srs import StudyService

DRILL = "softmax"  # an easy numpy drill: expected solve time 10 min, Easy under 200 s


@pytest.fixture
def practice(store, fake_clock, tmp_path: Path) -> DrillPractice:
    study = StudyService(store, now=fake_clock)
    p = DrillPractice(store, study, workspace=tmp_path / "ws")
    p.sync()
    return p


def verdict(status: str, passed: int, total: int = 9) -> GradeResult:
    return GradeResult(drill=DRILL, status=status, message=f"{passed} of {total}", passed=passed, total=total)


def reviews(store, drill_id: str = DRILL) -> list[dict]:
    return store.query("SELECT rating, source FROM reviews WHERE card_id = ? ORDER BY id", (card_id(drill_id),))


def test_sync_makes_one_drill_card_per_drill(practice, store):
    rows = store.query("SELECT id, deck, kind, section, origin, data FROM cards WHERE kind = 'drill'")
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == len(practice.specs()) >= 6
    row = by_id["drill:softmax"]
    assert (row["deck"], row["origin"], row["section"]) == ("drills", "drill", get_drill(DRILL).section)
    assert json.loads(row["data"])["question"] == get_drill(DRILL).title
    assert practice.sync().added == 0


def test_workspace_starts_from_the_starter_and_saves_atomically(practice, tmp_path):
    path = tmp_path / "ws" / "softmax.py"
    assert not path.exists()
    assert practice.read_code(DRILL) == get_drill(DRILL).starter
    assert path.read_text() == get_drill(DRILL).starter
    practice.save_code(DRILL, "x = 1\n")
    assert practice.read_code(DRILL) == "x = 1\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["softmax.py"]
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    practice.save_code(DRILL, "x = 2\n")
    assert path.stat().st_mode & 0o777 == 0o600


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    path = tmp_path / "a.py"
    atomic_write(path, "old\n")
    with pytest.raises(UnicodeEncodeError):
        atomic_write(path, "bad \ud800 surrogate")
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.py"]


def test_workspace_rejects_ids_that_are_paths(practice):
    with pytest.raises(Exception, match="unknown drill"):
        practice.workspace_path("../progress")


def test_choose_rating_rules():
    easy_limit = EXPECTED_SOLVE_S["easy"] / 3
    assert choose_rating(failed_runs=0, hints=0, seconds=easy_limit - 1, difficulty="easy")[0] == 4
    assert choose_rating(failed_runs=0, hints=0, seconds=easy_limit + 1, difficulty="easy")[0] == 3
    assert choose_rating(failed_runs=0, hints=0, seconds=easy_limit + 1, difficulty="hard")[0] == 4
    assert choose_rating(failed_runs=1, hints=0, seconds=5, difficulty="easy")[0] == 2
    assert choose_rating(failed_runs=0, hints=2, seconds=5, difficulty="easy")[0] == 2


def test_fast_first_pass_is_easy_and_the_attempt_is_stored(practice, store, fake_clock):
    outcome = practice.record_run(DRILL, "code v1", verdict("pass", 9), duration_ms=60_000)
    assert (outcome.rating, reviews(store)) == (4, [{"rating": 4, "source": "drill"}])
    row = store.query("SELECT * FROM attempts WHERE id = ?", (outcome.attempt_id,))[0]
    assert (row["drill_id"], row["code"], row["status"], row["passed"], row["total"]) == (
        DRILL, "code v1", "pass", 9, 9)
    assert (row["hints_used"], row["duration_ms"]) == (0, 60_000)
    assert json.loads(row["result"])["status"] == "pass"


def test_slow_first_pass_is_good(practice, store):
    outcome = practice.record_run(DRILL, "code", verdict("pass", 9), duration_ms=250_000)
    assert outcome.rating == 3 and reviews(store)[0]["rating"] == 3


def test_time_of_earlier_failed_runs_counts_and_a_failure_makes_it_hard(practice, store, fake_clock):
    assert practice.record_run(DRILL, "a", verdict("fail", 3), duration_ms=10_000).rating is None
    fake_clock.advance(seconds=30)
    assert practice.record_run(DRILL, "b", verdict("error", 0), duration_ms=10_000).rating is None
    fake_clock.advance(seconds=30)
    outcome = practice.record_run(DRILL, "c", verdict("pass", 9), duration_ms=10_000)
    assert outcome.rating == 2 and "2 failed runs" in outcome.reason
    assert store.query("SELECT duration_ms FROM reviews")[0]["duration_ms"] == 30_000


def test_a_hint_makes_a_first_pass_hard(practice, store, fake_clock):
    assert practice.reveal_hint(DRILL) == (1, get_drill(DRILL).hints[0])
    fake_clock.advance(seconds=5)
    outcome = practice.record_run(DRILL, "c", verdict("pass", 9), duration_ms=5_000)
    assert outcome.rating == 2 and "1 hint" in outcome.reason
    assert store.query("SELECT hints_used FROM attempts")[0]["hints_used"] == 1


def test_hints_come_one_at_a_time_are_logged_and_restart_after_a_rating(practice, store, fake_clock):
    hints = get_drill(DRILL).hints
    shown = []
    while (hint := practice.reveal_hint(DRILL)) is not None:
        shown.append(hint)
        fake_clock.advance(seconds=1)
    assert shown == [(i + 1, h) for i, h in enumerate(hints)]
    assert practice.hints_revealed(DRILL) == list(hints)
    assert [r["hint_index"] for r in store.query("SELECT hint_index FROM hints_shown")] == list(range(len(hints)))
    practice.record_run(DRILL, "c", verdict("pass", 9))
    fake_clock.advance(seconds=1)
    assert practice.hints_revealed(DRILL) == []
    assert practice.reveal_hint(DRILL) == (1, hints[0])


def test_a_pass_while_not_due_is_practice(practice, store, fake_clock):
    practice.record_run(DRILL, "c", verdict("pass", 9), duration_ms=1000)
    fake_clock.advance(seconds=10)
    outcome = practice.record_run(DRILL, "c", verdict("pass", 9), duration_ms=1000)
    assert outcome.rating is None and "not due" in outcome.reason
    assert len(reviews(store)) == 1
    assert store.query("SELECT COUNT(*) AS n FROM attempts")[0]["n"] == 2


def test_giving_up_rates_again_once_and_returns_the_reference(practice, store, fake_clock):
    reference, rating = practice.give_up(DRILL, "my code", duration_ms=4000)
    assert reference == reference_source(DRILL) and rating == 1
    fake_clock.advance(seconds=5)
    assert practice.give_up(DRILL, "my code")[1] is None
    assert reviews(store) == [{"rating": 1, "source": "drill"}]
    fake_clock.advance(seconds=5)
    practice.record_run(DRILL, "x", verdict("fail", 1))
    fake_clock.advance(seconds=5)
    assert practice.give_up(DRILL, "x")[1] == 1
    statuses = [r["status"] for r in store.query("SELECT status FROM attempts ORDER BY id")]
    assert statuses == ["gave_up", "gave_up", "fail", "gave_up"]


def test_reset_keeps_the_code_in_history_and_restores_the_starter(practice, store, tmp_path):
    practice.save_code(DRILL, "def softmax(x):\n    return x\n")
    starter = practice.reset(DRILL, practice.read_code(DRILL), duration_ms=1000)
    assert starter == get_drill(DRILL).starter == (tmp_path / "ws" / "softmax.py").read_text()
    [attempt] = practice.attempts(DRILL)
    assert (attempt.status, attempt.code) == ("reset", "def softmax(x):\n    return x\n")
    assert reviews(store) == []


def test_status_goes_new_failing_passed_due(practice, fake_clock):
    assert practice.status(DRILL).status == "new"
    practice.record_run(DRILL, "a", verdict("fail", 4))
    status = practice.status(DRILL)
    assert (status.status, status.last_status, status.last_passed, status.last_total) == ("failing", "fail", 4, 9)
    assert status.last_at == fake_clock()
    fake_clock.advance(seconds=20)
    practice.record_run(DRILL, "b", verdict("pass", 9))
    status = practice.status(DRILL)
    assert status.status == "passed" and status.due > fake_clock()
    fake_clock.advance(days=60)
    assert practice.status(DRILL).status == "due"
    practice.reset(DRILL, "b")
    assert practice.status(DRILL).status == "due"
    other = next(d for d in practice.specs() if d != DRILL)
    assert practice.statuses()[other].status == "new"


def test_attempts_are_listed_newest_first(practice, fake_clock):
    for i in range(3):
        practice.record_run(DRILL, f"v{i}", verdict("fail", i))
        fake_clock.advance(seconds=1)
    assert [a.code for a in practice.attempts(DRILL)] == ["v2", "v1", "v0"]


def test_a_real_run_through_the_grader_is_stored(practice, store):
    from dlprep.grading import Grader

    grader = Grader()
    try:
        seen = []
        outcome = practice.run(DRILL, reference_source(DRILL), grader, progress=lambda d, t: seen.append((d, t)),
                               duration_ms=2000)
        assert outcome.result.status == "pass" and outcome.rating == 4
        assert seen[-1][0] == seen[-1][1] == outcome.result.total
        cancel = threading.Event()
        cancel.set()
        assert practice.run(DRILL, "def softmax(x, axis=-1):\n    return x\n", grader, cancel=cancel) is None
    finally:
        grader.close()
    assert [a.status for a in practice.attempts(DRILL)] == ["pass"]


def test_rating_works_without_a_prior_sync(store, fake_clock, tmp_path):
    practice = DrillPractice(store, StudyService(store, now=fake_clock), workspace=tmp_path / "ws")
    assert store.query("SELECT COUNT(*) AS n FROM cards")[0]["n"] == 0
    assert practice.record_run(DRILL, "code", verdict("pass", 9), duration_ms=1000).rating == 4
    [card] = store.query("SELECT id, kind, deck, state FROM cards")
    assert (card["id"], card["kind"], card["deck"]) == ("drill:softmax", "drill", "drills") and card["state"] != 0


def test_running_the_untouched_starter_is_not_recorded(practice, store):
    outcome = practice.record_run(DRILL, get_drill(DRILL).starter, verdict("error", 0))
    assert outcome.attempt_id is None and "starter" in outcome.reason
    assert store.query("SELECT COUNT(*) AS n FROM attempts")[0]["n"] == 0


def test_a_drill_due_again_is_rated_again_and_hints_of_the_new_episode_count(practice, store, fake_clock):
    practice.record_run(DRILL, "c", verdict("pass", 9), duration_ms=1000)
    fake_clock.advance(days=60)
    practice.reveal_hint(DRILL)
    fake_clock.advance(seconds=10)
    outcome = practice.record_run(DRILL, "c, written again", verdict("pass", 9), duration_ms=1000)
    assert outcome.rating == 2
    assert [r["rating"] for r in reviews(store)] == [4, 2]


def test_hints_used_counts_the_hints_shown_since_the_previous_attempt(practice, store, fake_clock):
    practice.reveal_hint(DRILL)
    fake_clock.advance(seconds=1)
    practice.reveal_hint(DRILL)
    fake_clock.advance(seconds=1)
    practice.record_run(DRILL, "a", verdict("fail", 1))
    fake_clock.advance(seconds=1)
    practice.record_run(DRILL, "b", verdict("fail", 2))
    fake_clock.advance(seconds=1)
    practice.reveal_hint(DRILL)
    fake_clock.advance(seconds=1)
    practice.record_run(DRILL, "c", verdict("pass", 9))
    assert [r["hints_used"] for r in store.query("SELECT hints_used FROM attempts ORDER BY id")] == [2, 0, 1]
