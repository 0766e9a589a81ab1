"""Real time zones: study days start at 4 am local time on both sides of a DST switch and in a +05:30 zone,
with the zone taken from ``TZ`` (or the system) and evaluated at the fake clock's moments."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from dlprep.content import parse_deck_text
from dlprep.srs import StudyService, StudySettings, clock

NEW_YORK = "America/New_York"
KOLKATA = "Asia/Kolkata"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def deck(n_basic: int, cloze: str = ""):
    body = "\n".join(f"Question {i}?::Answer {i}\n" for i in range(n_basic))
    return parse_deck_text(f"---\ndeck: A\nsection: Attention\n---\n\n{body}\n{cloze}", "A.md")


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch):
    """Set ``TZ`` for the test; the study service is built without a ``tz`` and must find it."""

    def _set(name: str) -> None:
        monkeypatch.setenv("TZ", name)

    return _set


def study(store, fake_clock, **settings) -> StudyService:
    return StudyService(store, StudySettings(fuzz=False, **settings), now=fake_clock)


def test_the_zone_comes_from_tz_and_knows_both_offsets(zone) -> None:
    zone(NEW_YORK)
    tz = clock.local_tz()
    assert datetime(2026, 1, 15, 12, tzinfo=UTC).astimezone(tz).utcoffset() == timedelta(hours=-5)
    assert datetime(2026, 7, 15, 12, tzinfo=UTC).astimezone(tz).utcoffset() == timedelta(hours=-4)
    zone(":" + KOLKATA)  # the POSIX form with a leading colon
    assert datetime(2026, 7, 15, tzinfo=UTC).astimezone(clock.local_tz()).utcoffset() == timedelta(hours=5.5)


def test_an_unknown_tz_falls_back_to_the_system_zone(zone) -> None:
    zone("Not/AZone")
    tz = clock.local_tz()
    assert datetime(2026, 1, 15, tzinfo=UTC).astimezone(tz).utcoffset() is not None


@pytest.mark.parametrize(
    ("day", "start", "end"),
    [
        (date(2026, 3, 7), "2026-03-07T04:00-05:00", "2026-03-08T04:00-04:00"),  # spring forward: 23 h
        (date(2026, 10, 31), "2026-10-31T04:00-04:00", "2026-11-01T04:00-05:00"),  # fall back: 25 h
    ],
)
def test_day_bounds_across_the_switches(day: date, start: str, end: str) -> None:
    assert clock.day_bounds(day, 4, ZoneInfo(NEW_YORK)) == (at(start), at(end))
    assert clock.study_day(at(end) - timedelta(seconds=1), 4, ZoneInfo(NEW_YORK)) == day
    assert clock.study_day(at(end), 4, ZoneInfo(NEW_YORK)) == day + timedelta(days=1)


def test_spring_switch_keeps_4am_days_and_limits(store, fake_clock, zone) -> None:
    # Failed before the fix: the zone was a fixed offset taken at start-up (here UTC), so the day began at
    # 04:00 UTC, i.e. 23:00 EST.
    zone(NEW_YORK)
    fake_clock.moment = at("2026-03-07T20:00-05:00")
    svc = study(store, fake_clock, new_per_day=2)
    svc.sync_decks([deck(6)])
    for _ in range(2):
        svc.rate(svc.next_item().card.id, 4)
    assert svc.deck_counts()[0].new == 0
    fake_clock.moment = at("2026-03-08T03:59-04:00")  # the clocks jumped at 02:00; still March 7's day
    assert svc.deck_counts()[0].new == 0 and svc.next_item() is None
    fake_clock.moment = at("2026-03-08T04:00-04:00")
    assert svc.deck_counts()[0].new == 2
    assert svc.today_bounds() == (at("2026-03-08T04:00-04:00"), at("2026-03-09T04:00-04:00"))


def test_spring_switch_does_not_show_tomorrows_reviews_early(store, fake_clock, zone) -> None:
    zone(NEW_YORK)
    fake_clock.moment = at("2026-03-01T04:30-05:00")
    svc = study(store, fake_clock)
    svc.sync_decks([deck(1)])
    card_id = svc.next_item().card.id
    svc.rate(card_id, 4)  # Easy: 8 days (no fuzz), due at 04:30 local on March 9
    due = clock.parse_iso(store.query("SELECT due FROM cards")[0]["due"])
    assert due == at("2026-03-09T04:30-04:00")  # the same local time, 8 study days later
    fake_clock.moment = at("2026-03-09T03:50-04:00")  # March 8's study day
    assert svc.next_item() is None and svc.deck_counts()[0].due == 0
    fake_clock.moment = at("2026-03-09T04:00-04:00")
    assert svc.deck_counts()[0].due == 1


def test_autumn_switch_keeps_siblings_buried_until_4am_local(store, fake_clock, zone) -> None:
    # Failed before the fix: siblings buried at 22:00 EDT came back at 03:00 EST, still the same study day.
    zone(NEW_YORK)
    fake_clock.moment = at("2026-10-31T22:00-04:00")
    svc = study(store, fake_clock, new_per_day=5)
    svc.sync_decks([deck(0, "Adam keeps ==two== moving averages of ==the gradient==.\n")])
    first = svc.next_item()
    svc.rate(first.card.id, 4)
    for moment in ("2026-11-01T01:30-04:00", "2026-11-01T01:30-05:00", "2026-11-01T03:00-05:00",
                   "2026-11-01T03:59-05:00"):
        fake_clock.moment = at(moment)
        assert svc.next_item() is None, moment
    fake_clock.moment = at("2026-11-01T04:00-05:00")
    sibling = svc.next_item()
    assert sibling is not None and sibling.card.id != first.card.id


def test_autumn_switch_limits_span_the_25_hour_day(store, fake_clock, zone) -> None:
    zone(NEW_YORK)
    fake_clock.moment = at("2026-10-31T04:00-04:00")
    svc = study(store, fake_clock, new_per_day=3)
    svc.sync_decks([deck(8)])
    for _ in range(3):
        svc.rate(svc.next_item().card.id, 4)
    fake_clock.moment = at("2026-11-01T03:59-05:00")  # 24 h 59 min later: the same study day
    assert svc.deck_counts()[0].new == 0
    fake_clock.moment = at("2026-11-01T04:00-05:00")
    assert svc.deck_counts()[0].new == 3


def test_a_half_hour_zone_keeps_4am_local_days(store, fake_clock, zone) -> None:
    zone(KOLKATA)
    fake_clock.moment = at("2026-03-02T03:30+05:30")  # March 1's study day
    svc = study(store, fake_clock, new_per_day=2)
    svc.sync_decks([deck(4, "Adam keeps ==two== moving averages of ==the gradient==.\n")])
    rated = []
    while (item := svc.next_item()) is not None and item.state == 0:
        rated.append(item.card)
        svc.rate(item.card.id, 4)
    assert len(rated) == 2
    fake_clock.moment = at("2026-03-02T03:59+05:30")
    assert svc.next_item() is None
    assert svc.today_bounds() == (at("2026-03-01T04:00+05:30"), at("2026-03-02T04:00+05:30"))
    fake_clock.moment = at("2026-03-02T04:00+05:30")  # 22:30 UTC
    assert svc.deck_counts()[0].new == 2


def test_a_half_hour_zone_buries_until_4am_local(store, fake_clock, zone) -> None:
    zone(KOLKATA)
    fake_clock.moment = at("2026-03-02T21:00+05:30")
    svc = study(store, fake_clock)
    svc.sync_decks([deck(0, "Adam keeps ==two== moving averages of ==the gradient==.\n")])
    svc.rate(svc.next_item().card.id, 4)
    buried = store.query("SELECT buried_until FROM cards WHERE buried_until IS NOT NULL")[0]["buried_until"]
    assert clock.parse_iso(buried) == at("2026-03-03T04:00+05:30")
    fake_clock.moment = at("2026-03-03T03:59+05:30")
    assert svc.next_item() is None
    fake_clock.moment = at("2026-03-03T04:00+05:30")
    assert svc.next_item() is not None


def test_the_same_local_ratings_schedule_the_same_in_any_zone(store, tmp_path) -> None:
    """A learner at UTC+9 and one in UTC who rate the same cards at the same local times get the same schedules,
    local due times and lapses: every study-day computation (elapsed days, due days, limits, burying, learning
    steps) is done in the service's zone, never the system's (UTC here)."""
    from datetime import timezone

    from dlprep.store import open_store
    from tests.conftest import FakeClock

    plus9 = timezone(timedelta(hours=9))
    start = datetime(2026, 3, 2, 3, 30)  # local times: 03:30 belongs to the study day before
    ratings = [3, 1, 3, 4, 3, 2, 3, 1, 3, 3]
    states = []
    second = open_store(tmp_path / "utc.db")
    try:
        for zone_, db in ((plus9, store), (UTC, second)):
            clock_ = FakeClock(start.replace(tzinfo=zone_).astimezone(UTC))
            svc = StudyService(db, StudySettings(fuzz=False, new_per_day=3),
                               now=clock_, tz=zone_)
            svc.sync_decks([deck(6, "The {{c1::encoder}} reads and the {{c2::decoder}} writes.\n")])
            for day in range(12):
                for hour in (0.0, 0.75, 19.5):  # 03:30, 04:15 (a new study day) and 23:00 local
                    local = start + timedelta(days=day, hours=hour)
                    clock_.moment = local.replace(tzinfo=zone_).astimezone(UTC)
                    for k in range(3):
                        item = svc.next_item()
                        if item is None:
                            break
                        svc.rate(item.card.id, ratings[(day + k) % len(ratings)])
            rows = db.query("SELECT id, state, due, lapses, fsrs, buried_until FROM cards ORDER BY id")
            states.append([(r["id"], r["state"], r["lapses"],
                            r["due"] and clock.parse_iso(r["due"]).astimezone(zone_).replace(tzinfo=None),
                            r["buried_until"] and clock.parse_iso(r["buried_until"]).astimezone(zone_)
                            .replace(tzinfo=None),
                            r["fsrs"] and round(json.loads(r["fsrs"])["stability"], 9)) for r in rows])
    finally:
        second.close()
    assert states[0] == states[1]
    assert any(state[1] == 2 for state in states[0]) and any(state[2] for state in states[0])
