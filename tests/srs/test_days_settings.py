"""Study days over the review log (streak, ratings per day, the day-start setting) and the settings object."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from dlprep.content.model import Card, Deck
from dlprep.srs import StudyService, StudySettings, days
from dlprep.srs.plan import InterviewGoal


def rated_at(store, fake_clock, *moments: datetime) -> StudyService:
    """A service whose store has one rating at each moment (each on its own new card)."""
    svc = StudyService(store, StudySettings(fuzz=False), now=fake_clock, tz=UTC)
    cards = [Card(id=f"c{k}", deck="A", section="S", kind="basic", question=f"Q{k}", answer="A")
             for k in range(len(moments))]
    svc.sync_decks([Deck("A", "S", cards=cards)])
    for card, moment in zip(cards, moments, strict=True):
        fake_clock.moment = moment
        svc.rate(card.id, 4)
    return svc


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def test_study_day_shifts_back_by_the_day_start_hour() -> None:
    assert days.study_day(at(5, 3, 59), tz=UTC) == date(2026, 3, 4)  # the default start is 4:00
    assert days.study_day(at(5, 4, 0), tz=UTC) == date(2026, 3, 5)
    assert days.study_day(at(5, 3, 59), 0, UTC) == date(2026, 3, 5)
    assert days.study_day(at(5, 3, 59), 4, timezone(timedelta(hours=1))) == date(2026, 3, 5)  # 4:59 there


def test_streak_counts_today_if_reviewed_else_ends_yesterday(store, fake_clock) -> None:
    rated_at(store, fake_clock, at(5, 3, 59), at(5, 4, 0), at(7, 3, 30))  # study days March 4, 5 and 6
    assert days.streak(store, at(7, 3, 45), tz=UTC) == 3
    assert days.streak(store, at(7, 4, 0), tz=UTC) == 3  # March 7 not reviewed yet
    assert days.streak(store, at(8, 4, 0), tz=UTC) == 0  # March 7 passed without a rating
    assert days.streak(store, at(7, 3, 45), day_start_hour=0, tz=UTC) == 1  # midnight days: March 6 had none
    assert days.streak(store, at(5, 3, 59), tz=UTC) == 1  # only that moment's rating counts so far


def test_a_streak_longer_than_one_probe_block(store, fake_clock) -> None:
    start = at(1, 12) - timedelta(days=70)
    rated_at(store, fake_clock, *(start + timedelta(days=k) for k in range(71)))
    assert days.streak(store, at(1, 13), tz=UTC) == 71
    assert days.run_ending(store, date(2026, 2, 28), at(1, 13), tz=UTC) == 70


def test_counts_per_day_up_to_now(store, fake_clock) -> None:
    rated_at(store, fake_clock, at(4, 10), at(5, 3, 59), at(5, 4, 0), at(5, 9, 0), at(5, 9, 30))
    wanted = [date(2026, 3, 3), date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 6)]
    assert days.counts_per_day(store, "reviews", "reviewed_at", wanted, at(9, 0), 4, UTC) == [0, 2, 3, 0]
    assert days.counts_per_day(store, "reviews", "reviewed_at", wanted, at(5, 9, 0), 4, UTC) == [0, 2, 2, 0]
    assert days.counts_per_day(store, "reviews", "reviewed_at", wanted[1:2], at(9, 0), 0, UTC) == [1]
    assert days.counts_per_day(store, "reviews", "reviewed_at", [], at(9, 0), 4, UTC) == []


@pytest.mark.parametrize(("raw", "hour"), [
    (None, 4), ("0", 0), ("23", 23), ("7", 7), ("24", 4), ("-1", 4), ('"6"', 6), ('"six"', 4), ("null", 4),
    ("{", 4), ("[5]", 4),
])
def test_the_day_start_hour_setting_falls_back_to_4(store, raw: str | None, hour: int) -> None:
    if raw is not None:
        store.set_setting("day_start_hour", raw)
    assert days.day_start_hour_setting(store) == hour


def test_settings_defaults() -> None:
    assert StudySettings() == StudySettings(
        day_start_hour=4, new_per_day=20, reviews_per_day=200, leech_lapses=8, desired_retention=0.9,
        learning_steps_min=[1.0, 10.0], relearning_steps_min=[10.0], learn_ahead_min=20.0, fuzz=True,
        fsrs_parameters=None,
    )


def test_settings_load_what_was_saved(store) -> None:
    assert StudySettings.load(store) == StudySettings()
    chosen = StudySettings(day_start_hour=6, new_per_day=5, reviews_per_day=90, leech_lapses=4,
                           desired_retention=0.85, learning_steps_min=[2.0], relearning_steps_min=[5.0, 20.0],
                           learn_ahead_min=0.0, fuzz=False, fsrs_parameters=[0.5] * 19)
    chosen.save(store)
    assert json.loads(store.get_setting("learning_steps_min")) == [2.0]
    assert StudySettings.load(store) == chosen


def test_a_malformed_setting_falls_back_to_its_default_alone(store) -> None:
    store.set_setting("new_per_day", "not json")
    store.set_setting("reviews_per_day", "50")
    store.set_setting("something_else", "1")
    loaded = StudySettings.load(store)
    assert (loaded.new_per_day, loaded.reviews_per_day) == (20, 50)
    assert not hasattr(loaded, "something_else")


def test_clearing_the_interview_goal(store) -> None:
    assert InterviewGoal.clear(store) is False
    store.set_setting("new_per_day", "5")
    InterviewGoal(date(2026, 4, 1), 45.0, 0.85).save(store)
    assert InterviewGoal.load(store) == InterviewGoal(date(2026, 4, 1), 45.0, 0.85)
    assert InterviewGoal.clear(store) is True
    assert InterviewGoal.load(store) is None
    assert store.query("SELECT key FROM settings") == [{"key": "new_per_day"}]
    assert InterviewGoal.clear(store) is False


def test_a_goal_stored_with_its_date_alone_is_cleared(store) -> None:
    store.set_setting("interview_date", json.dumps("2026-04-01"))
    assert InterviewGoal.load(store) == InterviewGoal(date(2026, 4, 1))
    assert InterviewGoal.clear(store) is True
    assert InterviewGoal.load(store) is None


def test_streak_and_counts_use_the_learners_zone(store, fake_clock) -> None:
    plus9 = timezone(timedelta(hours=9))
    # At UTC+9 these are 05:00 on March 3, 03:00 on March 4 (still March 3's study day) and 05:00 on March 5:
    # study days March 3 and 5. In UTC they are March 2, 3 and 4, one after the other.
    rated_at(store, fake_clock, at(2, 20), at(3, 18), at(4, 20))
    now = at(4, 21)  # 06:00 on March 5 at UTC+9
    assert days.streak(store, now, tz=plus9) == 1
    assert days.streak(store, now, tz=UTC) == 3
    assert days.streak(store, at(6, 21), tz=plus9) == 0  # 06:00 on March 7 there: March 6 had none
    assert days.run_ending(store, date(2026, 3, 3), now, tz=plus9) == 1
    wanted = [date(2026, 3, 3), date(2026, 3, 4), date(2026, 3, 5)]
    assert days.counts_per_day(store, "reviews", "reviewed_at", wanted, now, 4, plus9) == [2, 0, 1]
    assert days.counts_per_day(store, "reviews", "reviewed_at", wanted, now, 4, UTC) == [1, 1, 0]
