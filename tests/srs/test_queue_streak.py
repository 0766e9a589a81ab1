"""The streak and today's count across the 4 am boundary, in UTC and in a zone east of it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from dlprep.content import parse_deck_text
from dlprep.srs import StudyService, StudySettings


def _service(store, clock, tz, hour: int = 4) -> StudyService:
    svc = StudyService(store, StudySettings(fuzz=False, day_start_hour=hour), now=clock, tz=tz)
    body = "\n".join(f"Q{i}?::A{i}\n" for i in range(10))
    svc.sync_decks([parse_deck_text(f"---\ndeck: A\nsection: Attention\n---\n\n{body}", "A.md")])
    return svc


def _rate_at(svc, clock, moment: datetime) -> None:
    clock.moment = moment
    card = svc.store.query("SELECT id FROM cards WHERE state = 0 ORDER BY rowid LIMIT 1")[0]["id"]
    svc.rate(card, 4)


def test_streak_across_the_four_am_boundary_in_utc(store, fake_clock) -> None:
    svc = _service(store, fake_clock, UTC)
    _rate_at(svc, fake_clock, datetime(2026, 3, 5, 3, 59, tzinfo=UTC))  # still study day March 4
    _rate_at(svc, fake_clock, datetime(2026, 3, 5, 4, 0, tzinfo=UTC))  # study day March 5
    _rate_at(svc, fake_clock, datetime(2026, 3, 7, 3, 30, tzinfo=UTC))  # study day March 6
    fake_clock.moment = datetime(2026, 3, 7, 3, 45, tzinfo=UTC)
    assert svc.streak() == 3 and svc.reviews_today() == 1  # March 4, 5, 6; today is still March 6
    fake_clock.moment = datetime(2026, 3, 7, 4, 0, tzinfo=UTC)
    assert svc.streak() == 3 and svc.reviews_today() == 0  # March 7 not reviewed yet: ends yesterday
    fake_clock.moment = datetime(2026, 3, 8, 4, 0, tzinfo=UTC)
    assert svc.streak() == 0  # March 7 passed without a review


def test_streak_across_a_day_start_of_six_set_by_the_learner(store, fake_clock) -> None:
    svc = _service(store, fake_clock, UTC, hour=6)
    _rate_at(svc, fake_clock, datetime(2026, 3, 5, 5, 59, tzinfo=UTC))  # still study day March 4
    _rate_at(svc, fake_clock, datetime(2026, 3, 5, 6, 0, tzinfo=UTC))  # study day March 5
    _rate_at(svc, fake_clock, datetime(2026, 3, 7, 5, 30, tzinfo=UTC))  # study day March 6
    fake_clock.moment = datetime(2026, 3, 7, 5, 45, tzinfo=UTC)
    assert svc.streak() == 3 and svc.reviews_today() == 1
    fake_clock.moment = datetime(2026, 3, 7, 6, 0, tzinfo=UTC)
    assert svc.streak() == 3 and svc.reviews_today() == 0
    fake_clock.moment = datetime(2026, 3, 8, 6, 0, tzinfo=UTC)
    assert svc.streak() == 0


def test_streak_uses_the_local_day_not_the_utc_day(store, fake_clock) -> None:
    plus9 = timezone(timedelta(hours=9))
    svc = _service(store, fake_clock, plus9)
    # 18:30 UTC is 03:30 the next morning at UTC+9: it belongs to the local evening before
    _rate_at(svc, fake_clock, datetime(2026, 3, 4, 18, 30, tzinfo=UTC))  # local March 5 03:30 -> March 4
    _rate_at(svc, fake_clock, datetime(2026, 3, 4, 19, 30, tzinfo=UTC))  # local March 5 04:30 -> March 5
    fake_clock.moment = datetime(2026, 3, 4, 20, 0, tzinfo=UTC)
    assert svc.streak() == 2
    # Ratings after "now" (a clock set back) do not count.
    fake_clock.moment = datetime(2026, 3, 4, 19, 0, tzinfo=UTC)
    assert svc.streak() == 1


def test_a_streak_longer_than_one_probe_block(store, fake_clock) -> None:
    svc = _service(store, fake_clock, UTC)
    card = svc.store.query("SELECT id FROM cards ORDER BY rowid LIMIT 1")[0]["id"]
    start = datetime(2026, 1, 1, 22, 0, tzinfo=UTC)
    for k in range(150):
        if k != 10:  # one day missed, 139 days before the last
            fake_clock.moment = start + timedelta(days=k)
            svc.rate(card, 3)
    fake_clock.moment = start + timedelta(days=149, hours=1)
    assert svc.streak() == 139
    fake_clock.moment = start + timedelta(days=149, hours=7)  # the next study day (05:00), nothing yet
    assert svc.streak() == 139


def test_streak_follows_an_undo_of_yesterdays_rating(store, fake_clock) -> None:
    svc = _service(store, fake_clock, UTC)
    _rate_at(svc, fake_clock, datetime(2026, 3, 4, 12, 0, tzinfo=UTC))
    _rate_at(svc, fake_clock, datetime(2026, 3, 5, 23, 0, tzinfo=UTC))
    fake_clock.moment = datetime(2026, 3, 6, 5, 0, tzinfo=UTC)
    assert svc.streak() == 2
    svc.undo()  # takes back the rating of March 5
    assert svc.streak() == 0
    _rate_at(svc, fake_clock, datetime(2026, 3, 6, 6, 0, tzinfo=UTC))
    assert svc.streak() == 1
