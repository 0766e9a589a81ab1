"""The study service's hook for an interview date: today's new limit, pulled-forward reviews, new-card order.

:meth:`StudyService.queue` and :meth:`StudyService.deck_counts` call :func:`queue_hook`; everything it decides
comes from the rules in :mod:`dlprep.srs.plan`. Without a date ahead it changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dlprep.srs import clock
from dlprep.srs.plan import (
    MIN_REVIEWS,
    NEW,
    REVIEW,
    InterviewGoal,
    Quota,
    day_quota,
    days_left,
    introduction_order,
    measure_pace,
    pull_forward_day,
    review_counts,
)
from dlprep.store import Store


@dataclass
class TodayCounts:
    """What today holds, counted as at the start of the study day (so the quota is the same all day)."""

    new_cards_left: int
    new_drills_left: int
    reviews: int
    drills_due: int
    new_done: int
    drill_reviews_owed: int = 0


def today_counts(service, goal: InterviewGoal, rows: list[dict], pulled: set[str]) -> TodayCounts:
    """Today's counts over every active card (``rows``), as at the start of the study day."""
    settings, tz = service.settings, service.tz
    today = clock.study_day(service.now(), settings.day_start_hour, tz)
    start, end = clock.day_bounds(today, settings.day_start_hour, tz)
    introduced = {r["card_id"] for r in service.store.query(
        "SELECT card_id FROM reviews WHERE source != 'quiz' GROUP BY card_id HAVING MIN(reviewed_at) >= ?",
        (clock.iso(start),),
    )}
    rated_today = {r["card_id"] for r in service.store.query(
        "SELECT DISTINCT card_id FROM reviews WHERE reviewed_at >= ? AND json_extract(before, '$.state') = ?",
        (clock.iso(start), REVIEW),
    )}
    due = [r for r in rows if r["state"] == REVIEW and r["due"]
           and (clock.parse_iso(r["due"]) < end or r["id"] in pulled)]

    def split(ids: Iterable[str]) -> tuple[int, int]:
        ids = list(ids)
        drills = sum(1 for i in ids if i.startswith("drill:"))
        return len(ids) - drills, drills

    new_cards, new_drills = split(r["id"] for r in rows if r["state"] == NEW)
    intro_cards, intro_drills = split(introduced)
    due_cards, due_drills = split(r["id"] for r in due)
    done_cards, done_drills = split(rated_today)
    drills = [r["id"] for r in rows if r["state"] != NEW and r["id"].startswith("drill:")]
    counts = review_counts(service.store, drills)
    owed = sum(max(0, MIN_REVIEWS - counts.get(d, 0)) for d in drills if d not in introduced)
    return TodayCounts(
        new_cards_left=new_cards + intro_cards, new_drills_left=new_drills + intro_drills,
        reviews=due_cards + done_cards, drills_due=due_drills + done_drills, new_done=len(introduced),
        drill_reviews_owed=owed,
    )


def pulled_today(service, goal: InterviewGoal, rows: list[dict]) -> set[str]:
    """Ids of the review cards among ``rows`` that the goal pulls forward to today or earlier."""
    from dlprep.srs.scheduler import make_scheduler

    settings, tz = service.settings, service.tz
    today = clock.study_day(service.now(), settings.day_start_hour, tz)
    soonest = clock.day_bounds(goal.date - timedelta(days=MIN_REVIEWS), settings.day_start_hour, tz)[1]
    late = [r for r in rows if r["state"] == REVIEW and r["fsrs"] and r["due"] and clock.parse_iso(r["due"]) >= soonest]
    if not late:
        return set()
    fsrs = make_scheduler(settings, fuzz=False)
    counts = review_counts(service.store, (r["id"] for r in late))
    pulled = set()
    for r in late:
        day = pull_forward_day(json.loads(r["fsrs"]), counts.get(r["id"], 0), goal, settings, fsrs, tz)
        if day is not None and day <= today:
            pulled.add(r["id"])
    return pulled


@dataclass(frozen=True)
class QueueHook:
    """What the goal changes in the study queue today: the new limit, pulled-forward reviews, new-card order.

    ``new_limit`` is compared with all the new cards introduced today (as the settings' limit is); with a
    goal, ``cards_left`` and ``drills_left`` are what the day's quota still allows of each.
    """

    new_limit: int
    pulled: frozenset[str] = frozenset()
    quota: Quota | None = None
    cards_left: int = 0
    drills_left: int = 0

    def limit_new(self, rows: list[dict], new_done: int) -> list[dict]:
        """The new cards to offer: the first ones within the settings' limit, or, with a goal, the first in
        :func:`introduction_order` within what the quota still allows of cards and of drills."""
        if self.quota is None:
            return rows[: max(0, self.new_limit - new_done)]
        offered, cards, drills = [], 0, 0
        for row in introduction_order(rows):
            if row["kind"] == "drill" and drills < self.drills_left:
                drills += 1
                offered.append(row)
            elif row["kind"] != "drill" and cards < self.cards_left:
                cards += 1
                offered.append(row)
        return offered


_QUOTA_CACHE: dict[tuple, Quota] = {}


def active_goal(store: Store, today: date) -> InterviewGoal | None:
    """The goal while the date is ahead (None without one, and from the interview day on)."""
    goal = InterviewGoal.load(store)
    return goal if goal is not None and days_left(goal, today) > 0 else None


def introduced_today(service) -> tuple[int, int]:
    """(cards, drills) rated for the first time today, quiz answers aside."""
    start, _ = service.today_bounds()
    rows = service.store.query(
        "SELECT card_id FROM reviews WHERE source != 'quiz' GROUP BY card_id HAVING MIN(reviewed_at) >= ?",
        (clock.iso(start),),
    )
    drills = sum(1 for r in rows if r["card_id"].startswith("drill:"))
    return len(rows) - drills, drills


def queue_hook(service, kinds: tuple[str, ...] | None = None) -> QueueHook:
    """Called by :meth:`StudyService.queue` and :meth:`StudyService.deck_counts` (``kinds`` as given there).
    Without a goal ahead it changes nothing: the settings' new limit, no pulled reviews, the usual order."""
    today = clock.study_day(service.now(), service.settings.day_start_hour, service.tz)
    goal = active_goal(service.store, today)
    if goal is None:
        return QueueHook(service.settings.new_per_day)
    rows = service._candidates(None)
    pulled = pulled_today(service, goal, rows)
    key = (str(service.store.path), today, goal)
    if key not in _QUOTA_CACHE:
        counts = today_counts(service, goal, rows, pulled)
        _QUOTA_CACHE[key] = day_quota(
            new_cards_left=counts.new_cards_left, new_drills_left=counts.new_drills_left, reviews=counts.reviews,
            drills_due=counts.drills_due, days_left=days_left(goal, today), pace=measure_pace(service.store),
            budget_min=goal.budget_min, drill_reviews_owed=counts.drill_reviews_owed,
        )
    quota = _QUOTA_CACHE[key]
    cards_done, drills_done = introduced_today(service)
    cards_left, drills_left = max(0, quota.new_cards - cards_done), max(0, quota.new_drills - drills_done)
    allowed = (cards_left if kinds is None or any(k != "drill" for k in kinds) else 0) + (
        drills_left if kinds is None or "drill" in kinds else 0)
    return QueueHook(cards_done + drills_done + allowed, frozenset(pulled), quota, cards_left, drills_left)
