"""A month of study with a fake clock, replayed through ``fsrs`` directly.

30 days in America/New_York (across the spring daylight-saving switch), four sessions a day at 09:00,
13:00, 22:00 and 03:30 local, seeded ratings, a few hard cards, some undos. Every rating the study service
stored is then replayed card by card through a separately built ``fsrs.Scheduler`` (fuzz on, its ``random``
fed the same per-card draw) applying only the documented rules (README, "Scheduling"):

1. elapsed time counts in study days (fsrs sees the previous review that many whole days back);
2. review intervals are whole study days (due at the same local time N days later);
3. fuzz is drawn per card and review (``dlprep.srs.fuzz.fuzz_draw``);
4. new and review cloze siblings are buried until the next study day, (re)learning ones never;
5. the daily limits and the 4 am study day.

Every stored state, step, stability, difficulty, due and last review must match the replay exactly.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from dlprep.content import parse_deck_text
from dlprep.srs import StudyService, StudySettings, clock
from dlprep.srs.fuzz import fuzz_draw
from dlprep.srs.scheduler import numeric_id

ZONE = ZoneInfo("America/New_York")
DAY_START = 4
DAYS = 30
NEW_PER_DAY, REVIEWS_PER_DAY = 10, 30
SESSIONS = ((9, 0), (13, 0), (22, 0), (27, 30))  # 27:30 is 03:30 the next calendar day
FIRST_DAY = date(2026, 2, 25)


def local_study_day(moment: datetime) -> date:
    """Written here, not taken from dlprep: the local date of the moment shifted back by 4 hours."""
    return (moment.astimezone(ZONE).replace(tzinfo=None) - timedelta(hours=DAY_START)).date()


def library():
    basic = "\n".join(f"Question {i}: what is fact number {i}?::Fact {i}.\n" for i in range(70))
    clozes = "\n".join(f"Note {i} says ==alpha {i}== then ==beta {i}== then ==gamma {i}==.\n" for i in range(10))
    return parse_deck_text(f"---\ndeck: Sim\nsection: Simulation\n---\n\n{basic}\n{clozes}", "sim.md")


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 2, 25, 14, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.moment


def simulate(store) -> dict:
    """Run the month; returns counters used to show that the documented rules were exercised."""
    rng = random.Random(20261130)
    fake = Clock()
    svc = StudyService(store, StudySettings(new_per_day=NEW_PER_DAY, reviews_per_day=REVIEWS_PER_DAY),
                       now=fake, tz=ZONE)
    svc.sync_decks([library()])
    ids = [r["id"] for r in store.query("SELECT id FROM cards ORDER BY created_at, rowid")]
    hard = set(rng.sample(ids, 5))
    seen = {"ratings": 0, "undos": 0, "label_checks": 0}
    for offset in range(DAYS):
        day = FIRST_DAY + timedelta(days=offset)
        for hour, minute in SESSIONS:
            local = datetime(day.year, day.month, day.day, tzinfo=ZONE) + timedelta(hours=hour, minutes=minute)
            fake.moment = local.astimezone(UTC)  # aware arithmetic on a zoned time is wall-clock
            for _pass in range(2):  # a second pass after a short break picks up learning steps
                for _ in range(40):
                    learning_due = learning_is_due(store, fake.moment)
                    item = svc.next_item()
                    if learning_due:  # a due (re)learning step is never hidden, by burying or anything else
                        assert item is not None and item.state in (1, 3)
                    if item is None:
                        break
                    fake.moment += timedelta(seconds=rng.randint(4, 90))
                    p_again = 0.6 if item.card.id in hard else 0.12
                    roll = rng.random()
                    rating = 1 if roll < p_again else 2 if roll < p_again + 0.12 else 4 if roll > 0.88 else 3
                    after = svc.rate(item.card.id, rating, duration_ms=1000)
                    assert clock.parse_iso(after["due"]) - fake.moment == item.previews[rating]
                    seen["label_checks"] += 1
                    seen["ratings"] += 1
                    check_learning_siblings_unburied(store, item.card.id, fake.moment)
                    if rng.random() < 0.03:
                        assert svc.undo() == item.card.id
                        seen["undos"] += 1
                        seen["ratings"] -= 1
                fake.moment += timedelta(minutes=11)
    return seen


def learning_is_due(store, now: datetime) -> bool:
    rows = store.query("SELECT due FROM cards WHERE state IN (1, 3) AND suspended = 0")
    return any(clock.parse_iso(r["due"]) <= now for r in rows)


def check_learning_siblings_unburied(store, card_id: str, now: datetime) -> None:
    note = store.query("SELECT note_id FROM cards WHERE id = ?", (card_id,))[0]["note_id"]
    if not note:
        return
    for row in store.query("SELECT state, buried_until FROM cards WHERE note_id = ? AND id != ?", (note, card_id)):
        if row["state"] in (1, 3):
            assert row["buried_until"] is None or clock.parse_iso(row["buried_until"]) <= now


def replay(store, monkeypatch: pytest.MonkeyPatch) -> dict:
    """Replay every stored rating through fsrs with the documented rules; compare field by field."""
    reference = Scheduler(enable_fuzzing=True)  # fsrs's defaults: the same steps and retention as dlprep's
    draws: list[float] = []
    monkeypatch.setattr("fsrs.scheduler.random", lambda: draws[-1])
    rows = store.query("SELECT card_id, rating, reviewed_at, before FROM reviews ORDER BY id")
    history: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        history[row["card_id"]].append(row)
    current = {r["id"]: r["fsrs"] for r in store.query("SELECT id, fsrs FROM cards")}

    def state_after(card_id: str, k: int) -> dict:
        """The FSRS state review ``k`` left: the next review's ``before``, or the card's own after its last."""
        later = history[card_id][k + 1:]
        return json.loads(json.loads(later[0]["before"])["fsrs"] if later else current[card_id])
    mismatches = []
    rules = {"study_days_changed_elapsed": 0, "fuzzed": 0, "dst_shifted_due": 0}
    for card_id, reviews in history.items():
        card = None
        for k, row in enumerate(reviews):
            when = clock.parse_iso(row["reviewed_at"])
            if card is None:
                card = FsrsCard(card_id=numeric_id(card_id), due=when)
            previous = card.last_review
            fed = FsrsCard.from_dict(card.to_dict())
            if previous is not None:
                elapsed = max(0, (local_study_day(when) - local_study_day(previous)).days)
                rules["study_days_changed_elapsed"] += (when - previous).days != elapsed
                fed.last_review = when - timedelta(days=elapsed)
            draws.append(fuzz_draw(card_id, previous))
            expected, _ = reference.review_card(fed, Rating(row["rating"]), when)
            if expected.state == State.Review:
                days = (expected.due - when).days
                wall = (when.astimezone(ZONE).replace(tzinfo=None) + timedelta(days=days)).replace(tzinfo=ZONE)
                rules["dst_shifted_due"] += wall.astimezone(UTC) != expected.due
                unfuzzed, _ = Scheduler(enable_fuzzing=False).review_card(fed, Rating(row["rating"]), when)
                rules["fuzzed"] += unfuzzed.due != expected.due
                expected.due = wall.astimezone(UTC)
            stored = state_after(card_id, k)
            if stored != expected.to_dict():
                mismatches.append((card_id, row["reviewed_at"], stored, expected.to_dict()))
            card = expected
    return {"mismatches": mismatches, "rules": rules, "replayed": len(rows)}


def check_limits_and_days(store) -> None:
    new_by_day: dict[date, set] = defaultdict(set)
    reviews_by_day: dict[date, set] = defaultdict(set)
    for row in store.query("SELECT card_id, reviewed_at, before FROM reviews"):
        day = local_study_day(clock.parse_iso(row["reviewed_at"]))
        state = json.loads(row["before"])["state"]
        if state == 0:
            new_by_day[day].add(row["card_id"])
        elif state == 2:
            reviews_by_day[day].add(row["card_id"])
    assert max(len(cards) for cards in new_by_day.values()) == NEW_PER_DAY  # the limit binds, never exceeded
    assert all(len(cards) <= REVIEWS_PER_DAY for cards in reviews_by_day.values())


def test_a_month_of_study_replays_through_fsrs_with_only_the_documented_rules(store, monkeypatch) -> None:
    seen = simulate(store)
    result = replay(store, monkeypatch)
    assert result["replayed"] == seen["ratings"] > 600
    assert result["mismatches"] == []
    check_limits_and_days(store)
    # The rules were exercised, so the comparison above means something.
    assert seen["undos"] > 0 and seen["label_checks"] == seen["ratings"] + seen["undos"]
    assert all(count > 0 for count in result["rules"].values()), result["rules"]
    afters = [json.loads(r["after"]) for r in store.query("SELECT after FROM reviews")]
    assert sum(len(after.get("buried_siblings", {})) for after in afters) > 0
