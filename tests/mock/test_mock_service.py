"""The mock interview service on a real database, a fake clock and the real sandboxed grader."""

from __future__ import annotations

import json

import pytest

from dlprep.drills import reference_source
from dlprep.grading import Grader
from dlprep.mock import MockError, mock_history
from dlprep.mock.service import weight, weighted_sample


@pytest.fixture(scope="module")
def grader():
    g = Grader()
    yield g
    g.close()


def answer_everything(run, *, right: bool) -> None:
    """Answer every rapid and concept question right (or wrong), part by part."""
    for part in ("rapid", "concepts"):
        assert run.part == part
        while (item := run.current) is not None:
            if item.kind == "mc":
                run.answer(item.correct_option if right else (item.correct_option + 1) % len(item.options))
            elif item.kind == "short":
                run.answer(item.expected if right else "no idea")
            else:
                run.answer(" ".join(item.key_points) if right else "I am not sure.")
        run.end_part()


def test_a_mock_has_the_three_parts_in_order(mocks) -> None:
    run = mocks.plan(minutes=45, seed=1)
    assert run.parts == ["rapid", "concepts", "coding"]
    assert len(run.part_items("rapid")) == 5  # 6-8 wanted; the decks have 5 (one per cloze note)
    assert {i.kind for i in run.part_items("rapid")} <= {"mc", "short"}
    assert len(run.part_items("concepts")) == 2 and all(i.kind == "explain" for i in run.part_items("concepts"))
    [coding] = run.part_items("coding")
    assert coding.ref.startswith("drill:") and coding.starter
    assert run.budget_s == {"rapid": 300.0, "concepts": 900.0, "coding": 1500.0}


def test_the_same_seed_asks_the_same_questions(mocks) -> None:
    first = [i.ref for i in mocks.plan(seed=5).items]
    second = [i.ref for i in mocks.plan(seed=5).items]
    assert first == second


def test_weak_and_due_cards_are_favoured() -> None:
    rows = [{"id": f"c{i}", "lapses": 0, "state": 2, "due": "2099-01-01"} for i in range(50)]
    rows.append({"id": "weak", "lapses": 5, "state": 2, "due": "2026-01-01"})
    import random

    hits = sum(weighted_sample(random.Random(seed), rows, 5, "2026-03-02")[0]["id"] == "weak" for seed in range(400))
    assert weight(rows[-1], "2026-03-02") == 14.0 and weight(rows[0], "2026-03-02") == 1.0
    assert hits > 400 * 0.15  # about 14/64 of first draws; a uniform draw would give about 1/51


def test_a_right_run_scores_full_marks_and_every_answer_is_a_review(mocks, services, practice, grader,
                                                                   ticker) -> None:
    run = mocks.plan(seed=2)
    answer_everything(run, right=True)
    coding = run.current
    ticker.advance(120)
    run.submit_code(reference_source(coding.ref.removeprefix("drill:")), grader)
    report = run.finish()
    assert report["overall"] == 1.0
    assert all(p["score"] == 1.0 for p in report["parts"].values())
    assert report["missed_questions"] == [] and report["missed_key_points"] == []
    assert report["coding"]["status"] == "pass" and not report["coding"]["late"]
    rated = services.store.query("SELECT card_id, rating, source FROM reviews WHERE source = 'mock' ORDER BY id")
    asked = [i.ref for i in run.items if i.part != "coding"]
    assert [r["card_id"] for r in rated] == asked
    assert {r["rating"] for r in rated} == {3}
    drill = services.store.query("SELECT status FROM attempts WHERE drill_id = ?", (coding.ref[6:],))
    assert drill == [{"status": "pass"}]
    [stored] = mock_history(services.store)
    assert stored["status"] == "finished" and stored["overall"] == 1.0
    items = services.store.query("SELECT part, correct FROM mock_items WHERE session_id = ?", (run.session_id,))
    assert len(items) == len(run.items) and all(i["correct"] == 1 for i in items)


def test_a_wrong_run_misses_are_again_and_listed(mocks, services, grader) -> None:
    run = mocks.plan(seed=3)
    answer_everything(run, right=False)
    coding = run.current
    run.submit_code(coding.starter, grader)
    report = run.finish()
    assert report["parts"]["rapid"]["score"] == 0.0 and report["parts"]["concepts"]["score"] == 0.0
    assert report["parts"]["coding"]["score"] == 0.0 and report["overall"] == 0.0
    assert len(report["missed_questions"]) == len(run.part_items("rapid"))
    assert len(report["missed_key_points"]) == 4
    ratings = {r["rating"] for r in services.store.query("SELECT rating FROM reviews WHERE source = 'mock'")}
    assert ratings == {1}
    assert report["study_next"]


def test_time_per_part_and_a_late_pass_counts_for_nothing(mocks, grader, ticker) -> None:
    run = mocks.plan(seed=4)
    ticker.advance(100)
    run.end_part()  # rapid fire ended early after 100 s
    ticker.advance(900.0)
    assert run.timed_out() and run.remaining_s() == pytest.approx(0.0)
    run.end_part()
    ticker.advance(1500 + 30)  # 30 s past the coding part's 25 minutes
    item = run.submit_code(reference_source(run.current.ref[6:]), grader)
    assert item.detail["status"] == "pass" and item.detail["late"] and item.score == 0.0
    report = run.finish()
    assert report["parts"]["rapid"]["seconds"] == 100.0 and report["parts"]["rapid"]["answered"] == 0
    assert report["coding"]["late"] is True


def test_an_abandoned_mock_is_stored_as_such_and_rates_nothing(mocks, services) -> None:
    run = mocks.plan(seed=6)
    run.answer(run.current.correct_option if run.current.kind == "mc" else run.current.expected)
    run.abandon()
    assert [m["status"] for m in mock_history(services.store)] == ["abandoned"]
    assert services.store.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 0
    with pytest.raises(MockError, match="already abandoned"):
        run.finish()


def test_sections_limit_the_questions(mocks) -> None:
    run = mocks.plan(sections=["Attention"], seed=1)
    assert {i.section for i in run.items} == {"Attention"}
    with pytest.raises(MockError, match="nothing to ask"):
        mocks.plan(sections=["No such section"])


def test_report_is_json_ready(mocks, grader) -> None:
    run = mocks.plan(seed=7)
    answer_everything(run, right=True)
    run.end_part()
    assert json.loads(json.dumps(run.finish()))["parts"]["coding"]["answered"] == 0


def test_finished_mocks_show_in_the_report_over_time(mocks, services, grader, ticker) -> None:
    from dlprep.reports.render_text import render_text
    from dlprep.reports.summary import build_report

    for seed, right in ((8, False), (9, True)):
        run = mocks.plan(seed=seed)
        answer_everything(run, right=right)
        run.end_part()
        run.finish()
        ticker.advance(3600)
    mocks.plan(seed=10).abandon()
    report = build_report(services.store, services.study.now())
    scores = [m.overall for m in report.mocks]
    expected = [m["overall"] for m in mock_history(services.store) if m["status"] == "finished"]
    assert len(scores) == 2 and scores == expected and scores[0] < scores[1]
    assert report.to_dict()["mocks"][1]["parts"]["rapid"] == 1.0
    text = render_text(report)
    assert f"Mock interviews  2 finished · last {round(100 * scores[1])}%" in text
