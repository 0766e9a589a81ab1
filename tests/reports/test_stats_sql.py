"""Statistics on small hand-built histories in a real store: time zones, windows, boundaries, mock scores.

Every expected figure is worked out by hand in the comments next to it.
"""

from __future__ import annotations

import json
from datetime import UTC, date, timedelta, timezone

import pytest

from dlprep import paths, sections
from dlprep.reports import stats
from dlprep.store import open_store

from .history import BN, DROPOUT, IMPL, NOW, add_attempt, add_card, add_review, at

TOKYO = timezone(timedelta(hours=9))  # no daylight saving: study day D runs from D-1 19:00 to D 19:00 UTC


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "small.db")
    yield s
    s.close()


def test_review_count_counts_every_rating_up_to_now(history_store):
    # eight ratings in the history, the last one at 2026-03-11 09:00, after NOW
    assert stats.review_count(history_store, at(NOW)) == 7
    assert stats.review_count(history_store, at("2026-03-11T09:00")) == 8
    assert stats.review_count(history_store, at("2026-03-05T09:59")) == 0


def test_per_day_figures_use_the_learners_time_zone(store):
    now = at("2026-03-10T20:00")  # 05:00 on the 11th in Tokyo: study day 11 there, study day 10 in UTC
    add_card(store, "c1", DROPOUT, state=2, stability=3, due="2026-03-11T18:00")  # Tokyo 12th 03:00: day 11
    add_card(store, "c2", DROPOUT, state=3, stability=1, due="2026-03-11T20:00")  # Tokyo 12th 05:00: day 12
    add_card(store, "c3", DROPOUT, state=1, stability=1, due="2026-03-10T10:00")  # overdue: today
    add_card(store, "c4", DROPOUT, state=2, stability=9, due="2026-03-13T10:00")  # Tokyo 13th 19:00: day 13
    add_card(store, "c5", DROPOUT, state=2, stability=9, due="2026-03-13T19:30")  # Tokyo 14th 04:30: day 14
    add_review(store, "c1", 3, "2026-03-09T18:00", 2)  # Tokyo 10th 03:00: study day 9
    add_review(store, "c1", 3, "2026-03-09T20:00", 2)  # Tokyo 10th 05:00: study day 10
    add_review(store, "c1", 3, "2026-03-10T19:30", 2)  # Tokyo 11th 04:30: study day 11
    add_attempt(store, "relu", "2026-03-10T02:00", "fail", 1, 4)  # Tokyo 10th 11:00: study day 10
    add_attempt(store, "relu", "2026-03-10T19:10", "pass", 4, 4)  # Tokyo 11th 04:10: study day 11

    assert stats.reviews_per_day(store, now, days=3, tz=TOKYO) == [
        (date(2026, 3, 9), 1), (date(2026, 3, 10), 1), (date(2026, 3, 11), 1)]
    assert stats.activity_by_day(store, now, days=3, tz=TOKYO) == [
        (date(2026, 3, 9), 1), (date(2026, 3, 10), 2), (date(2026, 3, 11), 2)]
    # c3 (overdue) and c1 today, the relearning c2 tomorrow, c4 on the last day; c5 falls after the window
    assert stats.due_forecast(store, now, days=3, tz=TOKYO) == [
        (date(2026, 3, 11), 2), (date(2026, 3, 12), 1), (date(2026, 3, 13), 1)]


def test_default_windows_are_a_month_a_year_and_a_month_ahead(history_store):
    per_day = stats.reviews_per_day(history_store, at(NOW), tz=UTC)
    assert len(per_day) == 30 and per_day[0][0] == date(2026, 2, 9) and per_day[-1][0] == date(2026, 3, 10)
    activity = stats.activity_by_day(history_store, at(NOW), tz=UTC)
    assert len(activity) == 365 and activity[0][0] == date(2025, 3, 11) and activity[-1][0] == date(2026, 3, 10)
    ahead = stats.due_forecast(history_store, at(NOW), tz=UTC)
    assert len(ahead) == 30 and ahead[0][0] == date(2026, 3, 10) and ahead[-1][0] == date(2026, 4, 8)


def test_retention_by_section_since_a_date(history_store):
    # from the 9th on, the Review-state ratings are a1 (Hard), a2 (Easy) and b1 (Good): all passed
    got = stats.retention_by_section(history_store, at(NOW), since=at("2026-03-09T00:00"))
    assert {s: (r.passed, r.total) for s, r in got.items()} == {BN: (2, 2), DROPOUT: (1, 1)}


def test_ratings_of_a_card_no_longer_in_the_store_are_listed_last_without_a_section(history_store):
    add_review(history_store, "deleted-card", 1, "2026-03-09T12:00", 2)
    got = stats.retention_by_section(history_store, at(NOW))
    assert list(got) == [BN, DROPOUT, ""]
    assert (got[""].passed, got[""].total) == (0, 1)


def test_mastery_adds_up_every_kind_of_item_in_a_section(store):
    section = "Mixed"
    add_card(store, "new-card", section)
    add_card(store, "drill:new", section, kind="drill")
    add_card(store, "mastered-card", section, state=2, stability=30, due="2026-04-20T00:00")
    add_card(store, "drill:mastered", section, kind="drill", state=2, stability=21, due="2026-04-20T00:00")
    add_card(store, "learning-card", section, state=1, stability=1, due="2026-03-11T00:00")
    add_card(store, "young-card", section, state=2, stability=20.9, due="2026-03-15T00:00")
    add_card(store, "relearning-card", section, state=3, stability=2, due="2026-03-11T00:00")
    add_card(store, "drill:relearning", section, kind="drill", state=3, stability=2, due="2026-03-11T00:00")
    (mixed,) = stats.mastery_by_section(store)
    # new: 2; mastered (Review, stability >= 21): 2; learning: learning, young and both relearning items
    assert (mixed.total, mixed.new, mixed.mastered, mixed.learning) == (8, 2, 2, 4)
    assert (mixed.drills, mixed.drills_mastered) == (3, 1)
    assert mixed.share == 0.25 and mixed.started == 6


def test_drill_history_keeps_every_run_and_counts_every_pass(store):
    add_attempt(store, "relu", "2026-03-08T10:00", "fail", 2, 6)
    add_attempt(store, "relu", "2026-03-09T10:00", "pass", 6, 6)
    add_attempt(store, "relu", "2026-03-09T11:00", "pass", 6, 6)
    add_attempt(store, "softmax", "2026-03-08T10:00", "fail", 0, 4)
    got = {h.drill_id: h for h in stats.drill_history(store, at(NOW))}
    relu, softmax = got["relu"], got["softmax"]
    assert relu.runs == [(at("2026-03-08T10:00"), "fail"), (at("2026-03-09T10:00"), "pass"),
                         (at("2026-03-09T11:00"), "pass")]
    assert (relu.attempts, relu.passes, relu.first_pass) == (3, 2, at("2026-03-09T10:00"))
    # no case passed: still "0 of 4", not "0 of 0"
    assert (softmax.best_passed, softmax.total_cases) == (0, 4)


def test_of_two_runs_finished_at_the_same_moment_the_one_stored_last_is_the_latest(store):
    add_attempt(store, "gelu", "2026-03-09T10:00", "pass", 3, 3)
    add_attempt(store, "gelu", "2026-03-09T10:00", "gave_up", 0, 3)
    (gelu,) = stats.drill_history(store, at(NOW))
    assert (gelu.last_status, gelu.failing) == ("gave_up", True)


def test_time_spent_counts_a_run_finished_exactly_at_since_and_a_run_without_a_duration_as_zero(store):
    add_attempt(store, "relu", "2026-03-08T10:00", "fail", 1, 4, 50_000)
    add_attempt(store, "relu", "2026-03-09T00:00", "fail", 2, 4, 40_000)
    add_attempt(store, "relu", "2026-03-09T10:00", "pass", 4, 4, None)
    add_review(store, "c1", 3, "2026-03-09T00:00", 2, 3_000)
    since = stats.time_spent(store, at(NOW), since=at("2026-03-09T00:00"))
    assert (since.review_ms, since.drill_ms) == (3_000, 40_000)
    assert stats.time_spent(store, at(NOW)).drill_ms == 90_000


def test_weakest_sections_use_the_retention_and_mastery_they_are_given(history_store):
    # with no retention given, every section gets the prior alone: 4.5 / 5 = 0.9, so 0.1 from retention
    got = {w.section: w.score for w in stats.weakest_sections(history_store, at(NOW), retention={})}
    assert got == {DROPOUT: 0.7, IMPL: 0.55, BN: 0.45}  # 0.1 + 0.5 + 0.1, 0.1 + 0.25 + 0.2, 0.1 + 0.25 + 0.1
    only_bn = [m for m in stats.mastery_by_section(history_store) if m.section == BN]
    assert [w.section for w in stats.weakest_sections(history_store, at(NOW), mastery=only_bn)] == [BN]


def test_weakness_scores_are_rounded_to_four_places(history_store):
    # Dropout: (1 - 5.5/6) + 0.5 + 0.1 = 0.68333...
    drop = next(w for w in stats.weakest_sections(history_store, at(NOW)) if w.section == DROPOUT)
    assert drop.score == 0.6833


def test_five_weakest_by_default_and_unstarted_sections_are_skipped(store):
    add_card(store, "a-new", "A only new")  # sorts first and is skipped: nothing started
    for k in range(1, 7):
        add_card(store, f"b{k}", f"B{k}", state=2, stability=3, due="2026-03-20T00:00")
    got = stats.weakest_sections(store, at(NOW))
    # each B section: prior retention 0.9 -> 0.1, nothing mastered -> 0.5; ties are broken by name
    assert [(w.section, w.score) for w in got] == [(f"B{k}", 0.6) for k in range(1, 6)]


def test_rereading_is_advised_from_five_ratings_below_eighty_percent(store):
    for section, ratings in (("Sixty", [1, 1, 3, 3, 3]), ("Eighty", [1, 3, 3, 3, 3]), ("Four", [1, 1, 1, 3])):
        card = section.lower()
        add_card(store, card, section, state=2, stability=3, due="2026-03-20T00:00")
        for day, rating in enumerate(ratings, 1):
            add_review(store, card, rating, f"2026-03-0{day}T10:00", 2)
    add_card(store, "sixty-new-1", "Sixty")
    add_card(store, "sixty-new-2", "Sixty")
    weak = {w.section: w for w in stats.weakest_sections(store, at(NOW))}
    # Sixty: 3 of 5 passed; smoothed (3 + 4.5) / 10 = 0.75; nothing mastered of 1 started
    assert weak["Sixty"].score == 0.75
    assert weak["Sixty"].advice == ["re-read the notes section (retention 60%)", "learn 2 new item(s)"]
    # exactly 80% is not below 80%
    assert weak["Eighty"].advice == ["keep reviewing on schedule"]
    # 25% over four ratings is too few to judge
    assert weak["Four"].advice == ["keep reviewing on schedule"]


def test_sections_sort_by_name_when_the_notes_sections_cannot_be_read(history_store, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "CHECKOUT_DIR", tmp_path / "no-checkout")
    monkeypatch.setattr(paths, "WHEEL_DATA_DIR", tmp_path / "no-data")
    sections.all_sections.cache_clear()
    try:
        got = [m.section for m in stats.mastery_by_section(history_store)]
    finally:
        sections.all_sections.cache_clear()
    assert got == [BN, DROPOUT, IMPL]


def add_mock(store, started: str, status: str, score: float | None, report: str | None) -> None:
    with store.transaction() as conn:
        conn.execute("INSERT INTO mock_sessions (started_at, status, minutes, score, report) VALUES (?,?,?,?,?)",
                     (at(started).isoformat(), status, 45, score, report))


def test_mock_scores_lists_finished_mocks_oldest_first_with_their_part_scores(store):
    parts = {"rapid": {"title": "Rapid fire", "score": 0.5}, "concepts": {"title": "Concepts", "score": 0.75}}
    add_mock(store, "2026-03-09T10:00", "finished", 0.6, json.dumps({"overall": 0.6, "parts": parts}))  # id 1
    add_mock(store, "2026-03-08T10:00", "finished", 0.4, json.dumps({"overall": 0.4}))  # id 2: no parts
    add_mock(store, "2026-03-08T12:00", "abandoned", None, None)  # id 3: never scored
    add_mock(store, "2026-03-09T10:00", "finished", None, "{not json")  # id 4: same start as id 1
    add_mock(store, "2026-03-09T11:00", "finished", 0.9, json.dumps({"parts": {"coding": {"title": "x"}}}))  # 5
    add_mock(store, "2026-03-11T10:00", "finished", 1.0, json.dumps({"parts": {}}))  # id 6: after NOW
    got = stats.mock_scores(store, at(NOW))
    assert [(m.session, m.started_at, m.overall, m.parts) for m in got] == [
        (2, at("2026-03-08T10:00"), 0.4, {}),
        (1, at("2026-03-09T10:00"), 0.6, {"rapid": 0.5, "concepts": 0.75}),
        (4, at("2026-03-09T10:00"), 0.0, {}),
        (5, at("2026-03-09T11:00"), 0.9, {}),
    ]
    assert [m.session for m in stats.mock_scores(store, at("2026-03-11T10:00"))] == [2, 1, 4, 5, 6]
