"""A due drill is recalled from scratch: it opens on the starter, the old code is kept, restoring is practice."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlprep.drills import get_drill, reference_source
from dlprep.drills.practice import DrillPractice, card_id
from dlprep.grading.result import GradeResult
from dlprep.srs import StudyService

DRILL = "softmax"
MY_CODE = reference_source(DRILL).replace("import numpy as np", "import numpy as np  # my version", 1)


@pytest.fixture
def practice(store, fake_clock, tmp_path: Path) -> DrillPractice:
    study = StudyService(store, now=fake_clock)
    p = DrillPractice(store, study, workspace=tmp_path / "ws")
    p.sync()
    return p


def passed() -> GradeResult:
    return GradeResult(drill=DRILL, status="pass", message="9 of 9", passed=9, total=9)


def reviews(store) -> list[int]:
    return [r["rating"] for r in store.query("SELECT rating FROM reviews WHERE card_id = ? ORDER BY id",
                                             (card_id(DRILL),))]


def solve_once_then_come_back_due(practice, fake_clock) -> None:
    code, fresh = practice.open_code(DRILL)
    assert not fresh and code == get_drill(DRILL).starter  # a new drill opens on its starter anyway
    practice.save_code(DRILL, MY_CODE)
    outcome = practice.record_run(DRILL, MY_CODE, passed(), duration_ms=60_000)
    assert outcome.rating is not None and reviews(practice.store) == [outcome.rating]
    fake_clock.advance(days=60)
    assert practice.is_due(DRILL)


def test_a_due_drill_opens_on_the_starter_and_keeps_the_old_code(practice, fake_clock) -> None:
    solve_once_then_come_back_due(practice, fake_clock)
    code, fresh = practice.open_code(DRILL)
    assert fresh and code == get_drill(DRILL).starter
    assert practice.read_code(DRILL) == get_drill(DRILL).starter
    newest = practice.attempts(DRILL)[0]
    assert (newest.status, newest.code) == ("reset", MY_CODE)
    again, fresh_again = practice.open_code(DRILL)  # the second opening in the episode changes nothing
    assert not fresh_again and again == get_drill(DRILL).starter


def test_writing_it_again_in_the_episode_is_rated(practice, fake_clock) -> None:
    solve_once_then_come_back_due(practice, fake_clock)
    practice.open_code(DRILL)
    rewritten = MY_CODE.replace("# my version", "# written again")
    outcome = practice.record_run(DRILL, rewritten, passed(), duration_ms=60_000)
    assert outcome.rating is not None and len(reviews(practice.store)) == 2


def test_restoring_the_earlier_code_makes_the_episode_practice(practice, fake_clock) -> None:
    solve_once_then_come_back_due(practice, fake_clock)
    practice.open_code(DRILL)
    restored = practice.restore_previous(DRILL, get_drill(DRILL).starter)
    assert restored == MY_CODE and practice.read_code(DRILL) == MY_CODE
    outcome = practice.record_run(DRILL, MY_CODE, passed(), duration_ms=1_000)
    assert outcome.rating is None and "restored" in outcome.reason
    assert len(reviews(practice.store)) == 1
    assert practice.status(DRILL).last_status == "pass"


def test_pasting_old_code_back_is_not_rated(practice, fake_clock) -> None:
    solve_once_then_come_back_due(practice, fake_clock)
    practice.open_code(DRILL)
    outcome = practice.record_run(DRILL, MY_CODE + "\n\n", passed(), duration_ms=1_000)
    assert outcome.rating is None and "already stored" in outcome.reason
    assert len(reviews(practice.store)) == 1
