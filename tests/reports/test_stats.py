"""Statistics against the hand-computed history of history.build_history (UTC, day starts at 04:00)."""

from __future__ import annotations

from datetime import UTC, date, timedelta, timezone

import pytest

from dlprep.reports import stats
from dlprep.store import open_store

from .history import BN, DROPOUT, IMPL, NOW, add_attempt, add_card, add_review, at


def test_study_day_starts_at_the_day_start_hour():
    assert stats.study_day(at("2026-03-07T02:30"), 4, UTC) == date(2026, 3, 6)
    assert stats.study_day(at("2026-03-07T04:00"), 4, UTC) == date(2026, 3, 7)
    assert stats.study_day(at("2026-03-07T02:30"), 0, UTC) == date(2026, 3, 7)
    # 23:30 UTC is 01:30 the next day at UTC+2, which still belongs to that next day's eve
    plus2 = timezone(timedelta(hours=2))
    assert stats.study_day(at("2026-03-07T23:30"), 4, plus2) == date(2026, 3, 7)
    assert stats.study_day(at("2026-03-08T02:30"), 4, plus2) == date(2026, 3, 8)


def test_reviews_per_day(history_store):
    got = stats.reviews_per_day(history_store, at(NOW), days=7, tz=UTC)
    assert got == [
        (date(2026, 3, 4), 0), (date(2026, 3, 5), 1), (date(2026, 3, 6), 1), (date(2026, 3, 7), 0),
        (date(2026, 3, 8), 1), (date(2026, 3, 9), 2), (date(2026, 3, 10), 2),
    ]


def test_activity_counts_reviews_and_attempts(history_store):
    got = dict(stats.activity_by_day(history_store, at(NOW), days=4, tz=UTC))
    assert got == {date(2026, 3, 7): 0, date(2026, 3, 8): 2, date(2026, 3, 9): 3, date(2026, 3, 10): 3}


def test_streak_counts_today_when_reviewed(history_store):
    assert stats.streak(history_store, at(NOW), tz=UTC) == 3
    # 03:00 on the 11th is still study day 10
    assert stats.streak(history_store, at("2026-03-11T03:00"), tz=UTC) == 3


def test_streak_ends_yesterday_when_today_not_yet_reviewed(history_store):
    assert stats.streak(history_store, at("2026-03-11T08:00"), tz=UTC) == 3
    # on the 12th, yesterday (11th, review at 09:00) extends the run 8-9-10
    assert stats.streak(history_store, at("2026-03-12T08:00"), tz=UTC) == 4
    # a whole study day without a review breaks it
    assert stats.streak(history_store, at("2026-03-13T08:00"), tz=UTC) == 0


def test_true_retention_counts_only_ratings_from_review_state(history_store):
    overall = stats.true_retention(history_store, at(NOW))
    assert (overall.passed, overall.total) == (3, 4)
    assert overall.rate == 0.75
    recent = stats.true_retention(history_store, at(NOW), since=at("2026-03-09T00:00"))
    assert (recent.passed, recent.total) == (3, 3)


def test_retention_by_section(history_store):
    got = stats.retention_by_section(history_store, at(NOW))
    assert list(got) == [BN, DROPOUT]
    assert (got[BN].passed, got[BN].total) == (2, 3)
    assert (got[DROPOUT].passed, got[DROPOUT].total) == (1, 1)


def test_retention_is_none_without_data(tmp_path):
    s = open_store(tmp_path / "empty.db")
    assert stats.true_retention(s, at(NOW)).rate is None
    assert stats.streak(s, at(NOW)) == 0
    assert stats.weakest_sections(s, at(NOW)) == []
    s.close()


def test_mastery_by_section_in_notes_order(history_store):
    got = {m.section: m for m in stats.mastery_by_section(history_store)}
    assert list(got) == [IMPL, BN, DROPOUT]
    impl, bn, drop = got[IMPL], got[BN], got[DROPOUT]
    assert (impl.total, impl.mastered, impl.learning, impl.new, impl.drills, impl.drills_mastered) == (
        2, 1, 1, 0, 2, 1)
    assert (bn.total, bn.mastered, bn.learning, bn.new) == (3, 1, 1, 1)
    assert bn.share == pytest.approx(1 / 3)
    assert (drop.total, drop.mastered, drop.learning, drop.new) == (1, 0, 1, 0)  # b2 is suspended


def test_due_forecast(history_store):
    got = stats.due_forecast(history_store, at(NOW), days=30, tz=UTC)
    assert len(got) == 30
    assert got[0] == (date(2026, 3, 10), 2)  # a2 overdue, b1 due 02:00 on the 11th (still day 10)
    assert got[2] == (date(2026, 3, 12), 1)
    assert got[3] == (date(2026, 3, 13), 1)
    assert sum(n for _, n in got) == 4  # conv2d is due in 41 days; new and suspended items never count


def test_drill_history(history_store):
    got = {h.drill_id: h for h in stats.drill_history(history_store, at(NOW))}
    conv, adam = got["conv2d"], got["adam"]
    assert (conv.attempts, conv.passes, conv.last_status, conv.best_passed, conv.total_cases) == (
        2, 1, "pass", 8, 8)
    assert conv.first_pass == at("2026-03-09T09:10")
    assert conv.hints_used == 1
    assert not conv.failing
    assert (adam.attempts, adam.passes, adam.last_status, adam.best_passed, adam.total_cases) == (
        1, 0, "fail", 2, 5)
    assert adam.failing


def test_time_spent(history_store):
    total = stats.time_spent(history_store, at(NOW))
    assert (total.review_ms, total.drill_ms, total.total_ms) == (28_000, 1_020_000, 1_048_000)
    recent = stats.time_spent(history_store, at(NOW), since=at("2026-03-09T00:00"))
    assert (recent.review_ms, recent.drill_ms) == (22_000, 420_000)


def test_weakest_sections_ranked_with_advice(history_store):
    got = stats.weakest_sections(history_store, at(NOW))
    assert [w.section for w in got] == [DROPOUT, IMPL, BN]
    drop, impl, bn = got
    # Dropout: retention 1/1 smoothed to 5.5/6, nothing mastered of 1 started, b2 a suspended leech
    assert drop.score == pytest.approx((1 - 5.5 / 6) + 0.5 + 0.1, abs=1e-4)
    assert impl.score == pytest.approx(0.1 + 0.25 + 0.2, abs=1e-4)
    assert bn.score == pytest.approx(0.1875 + 0.25 + 0.1, abs=1e-4)
    assert drop.leeches == 1 and drop.due == 0
    assert drop.advice == ["re-read the notes and rewrite 1 leech card(s)"]
    assert impl.failing_drills == ["adam"]
    assert impl.advice == ["retry drill adam (last attempt failed)"]
    assert bn.advice == ["re-read the notes and rewrite 1 leech card(s)", "review 1 due item(s)"]


def test_low_retention_suggests_rereading(history_store):
    for day in range(1, 6):
        add_review(history_store, "b1", 1, f"2026-02-{day:02d}T10:00", 2)
    weak = {w.section: w for w in stats.weakest_sections(history_store, at(NOW))}
    assert weak[DROPOUT].retention.rate == pytest.approx(1 / 6)
    assert weak[DROPOUT].advice == [
        "re-read the notes and rewrite 1 leech card(s)", "re-read the notes section (retention 17%)"]


def test_nothing_to_fix_means_keep_reviewing(tmp_path):
    s = open_store(tmp_path / "calm.db")
    add_card(s, "c1", DROPOUT, state=2, stability=3, due="2026-03-12T10:00")
    add_review(s, "c1", 3, "2026-03-09T10:00", 2)
    (only,) = stats.weakest_sections(s, at(NOW))
    assert only.advice == ["keep reviewing on schedule"]
    s.close()


def test_day_start_hour_setting(history_store):
    assert stats.day_start_hour_setting(history_store) == 4
    history_store.set_setting("day_start_hour", "6")
    assert stats.day_start_hour_setting(history_store) == 6
    history_store.set_setting("day_start_hour", '"nonsense"')
    assert stats.day_start_hour_setting(history_store) == 4


def test_resets_are_not_attempts_and_giving_up_is_a_failure(history_store):
    add_attempt(history_store, "conv2d", "2026-03-10T08:00", "reset", 0, 0, 1000)
    add_attempt(history_store, "conv2d", "2026-03-10T09:00", "gave_up", 0, 0, 2000)
    conv = {h.drill_id: h for h in stats.drill_history(history_store, at(NOW))}["conv2d"]
    assert (conv.attempts, conv.passes, conv.last_status, conv.failing) == (3, 1, "gave_up", True)
    assert stats.time_spent(history_store, at(NOW)).drill_ms == 1_020_000 + 3000
