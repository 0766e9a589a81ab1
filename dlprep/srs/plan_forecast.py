"""The study plan for an interview date: day by day until the date, and the recall expected on the day.

:func:`build_plan` plays the days forward on a copy of every card's FSRS state with the study service's own
scheduler (:class:`StudyScheduler`) and the goal's rules (:mod:`dlprep.srs.plan`): each day, the cards due
or pulled forward are reviewed and the day's quota of new cards and drills is introduced, each recalled and
rated Good (the plan assumes the learner follows it and remembers what FSRS expects them to). Expected
recall is FSRS's retrievability of each card at the start of the interview day, averaged per section; a
card never introduced counts 0. "If you stop now" is the same average over today's states.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from dlprep.srs import clock
from dlprep.srs.plan import (
    MIN_REVIEWS,
    NEW,
    REVIEW,
    InterviewGoal,
    Pace,
    day_quota,
    days_left,
    interview_moment,
    introduction_order,
    measure_pace,
    pull_forward_day,
    retrievability_at,
    review_counts,
)
from dlprep.srs.plan_queue import QueueHook, queue_hook
from dlprep.srs.scheduler import StudyScheduler, make_scheduler
from dlprep.srs.settings import StudySettings
from dlprep.store import Store

GOOD = 3


@dataclass
class DayPlan:
    """One study day of the plan (day 0 is what is left of today)."""

    day: str
    new: int = 0
    reviews: int = 0
    drills: int = 0
    minutes: float = 0.0


@dataclass
class Recall:
    overall: float
    by_section: dict[str, float] = field(default_factory=dict)


@dataclass
class Plan:
    """The plan and its expected recall. ``late`` counts cards and drills the budget leaves unintroduced by
    the last day that still allows two reviews."""

    date: str
    days_left: int
    daily: list[DayPlan]
    expected_recall: Recall
    expected_recall_if_stopped: Recall
    pace: Pace
    budget_min: float
    target: float
    late_cards: int = 0
    late_drills: int = 0

    def to_dict(self) -> dict:
        """The ``--json`` shape: date, days_left, daily, expected_recall, expected_recall_if_stopped."""
        return {
            "date": self.date,
            "days_left": self.days_left,
            "daily": [{**asdict(d), "minutes": round(d.minutes, 1)} for d in self.daily],
            "expected_recall": _rounded(self.expected_recall),
            "expected_recall_if_stopped": _rounded(self.expected_recall_if_stopped),
        }


def _rounded(recall: Recall) -> dict:
    return {"overall": round(recall.overall, 4), "by_section": {k: round(v, 4) for k, v in recall.by_section.items()}}


@dataclass
class _Card:
    id: str
    section: str
    note: str
    drill: bool
    state: dict | None
    reviews: int = 0
    next_day: date | None = None


def _active_cards(store: Store) -> list[_Card]:
    rows = store.query(
        "SELECT id, section, note_id, kind, fsrs, state FROM cards WHERE retired = 0 AND suspended = 0 "
        "ORDER BY created_at, rowid"
    )
    counts = review_counts(store)
    return [
        _Card(r["id"], r["section"], r["note_id"], r["kind"] == "drill",
              json.loads(r["fsrs"]) if r["fsrs"] and r["state"] != NEW else None, counts.get(r["id"], 0))
        for r in rows
    ]


def expected_recall(cards: list[_Card], moment: datetime, settings: StudySettings, tz: tzinfo) -> Recall:
    """Mean FSRS retrievability at ``moment``, overall and per section (never-rated cards count 0)."""
    fsrs = make_scheduler(settings, fuzz=False)
    by_section: dict[str, list[float]] = {}
    for card in cards:
        r = retrievability_at(fsrs, card.state, moment, settings.day_start_hour, tz)
        by_section.setdefault(card.section, []).append(r)
    every = [r for values in by_section.values() for r in values]
    return Recall(
        overall=sum(every) / len(every) if every else 0.0,
        by_section={s: sum(v) / len(v) for s, v in sorted(by_section.items())},
    )


def _rate(scheduler: StudyScheduler, card: _Card, moment: datetime, end: datetime) -> None:
    """Rate Good at ``moment``, then at each learning step that falls within the day, until it is in review."""
    for _ in range(8):
        was_review = card.state is not None and card.state.get("state") == REVIEW
        reviewed = scheduler.review(card.id, card.state, GOOD, moment)
        card.state = reviewed.to_dict()
        card.reviews += was_review
        if reviewed.state == REVIEW or reviewed.due >= end:
            return
        moment = reviewed.due


def _next_day(card: _Card, goal: InterviewGoal, settings: StudySettings, fsrs, tz: tzinfo) -> date | None:
    """The study day the card next comes up: its due day, or the day the goal pulls it forward to."""
    if card.state is None:
        return None
    natural = clock.study_day(clock.parse_iso(card.state["due"]), settings.day_start_hour, tz)
    if card.state.get("state") == REVIEW:
        pulled = pull_forward_day(card.state, card.reviews, goal, settings, fsrs, tz)
        if pulled is not None and pulled < natural:
            return pulled
    return natural


def build_plan(store: Store, settings: StudySettings, goal: InterviewGoal, now: datetime, tz: tzinfo,
               hook: QueueHook | None = None) -> Plan:
    """The plan from ``now`` to the date. ``hook`` is the study service's queue hook for today (what it still
    allows today is the plan's day 0, so the plan and the queue agree)."""
    today = clock.study_day(now, settings.day_start_hour, tz)
    left = days_left(goal, today)
    moment = interview_moment(goal, settings, tz)
    cards = _active_cards(store)
    stopped = expected_recall(cards, moment, settings, tz)
    pace = measure_pace(store)
    fsrs = make_scheduler(settings, fuzz=False)
    scheduler = StudyScheduler(fsrs, False, settings.day_start_hour, tz)  # no fuzz: the plan is the expected path
    for card in cards:
        card.next_day = _next_day(card, goal, settings, fsrs, tz)
    daily: list[DayPlan] = []
    ordered = [row["card"] for row in introduction_order(
        [{"id": c.id, "section": c.section, "note_id": c.note, "card": c} for c in cards if c.state is None])]
    waiting_cards = [c for c in ordered if not c.drill]
    waiting_drills = [c for c in ordered if c.drill]
    late_cards = late_drills = 0
    for offset in range(max(0, left)):
        day = today + timedelta(days=offset)
        _, end = clock.day_bounds(day, settings.day_start_hour, tz)
        at = now if offset == 0 else clock.add_study_days(now, offset, tz)
        due = [c for c in cards if c.next_day is not None and c.next_day <= day]
        due_cards = [c for c in due if not c.drill][: settings.reviews_per_day]
        due_drills = [c for c in due if c.drill]
        if offset == 0 and hook is not None and hook.quota is not None:  # what the study queue still offers today
            quota_cards = min(hook.cards_left, len(waiting_cards))
            quota_drills = min(hook.drills_left, len(waiting_drills))
        else:
            quota = day_quota(new_cards_left=len(waiting_cards), new_drills_left=len(waiting_drills),
                              reviews=len(due_cards), drills_due=len(due_drills), days_left=left - offset,
                              pace=pace, budget_min=goal.budget_min,
                              drill_reviews_owed=sum(max(0, MIN_REVIEWS - c.reviews) for c in cards
                                                     if c.drill and c.state is not None))
            quota_cards, quota_drills = quota.new_cards, quota.new_drills
        introduced = waiting_cards[:quota_cards] + waiting_drills[:quota_drills]
        waiting_cards, waiting_drills = waiting_cards[quota_cards:], waiting_drills[quota_drills:]
        for card in due_cards + due_drills + introduced:
            _rate(scheduler, card, at, end)
            card.next_day = _next_day(card, goal, settings, fsrs, tz)
        if offset == left - 1 - 2:  # the last day that leaves room for two reviews
            late_cards, late_drills = len(waiting_cards), len(waiting_drills)
        daily.append(DayPlan(
            day=day.isoformat(), new=quota_cards, reviews=len(due_cards), drills=len(due_drills) + quota_drills,
            minutes=pace.minutes(quota_cards, len(due_cards), len(due_drills) + quota_drills),
        ))
    if left <= 3:
        late_cards, late_drills = len(waiting_cards), len(waiting_drills)
    return Plan(
        date=goal.date.isoformat(), days_left=left, daily=daily,
        expected_recall=expected_recall(cards, moment, settings, tz) if left > 0 else stopped,
        expected_recall_if_stopped=stopped, pace=pace, budget_min=goal.budget_min, target=goal.target,
        late_cards=late_cards, late_drills=late_drills,
    )


def plan_for(service, goal: InterviewGoal | None = None) -> Plan | None:
    """The plan for the stored goal (or ``goal``) as the study service sees today; None without a goal."""
    goal = goal or InterviewGoal.load(service.store)
    if goal is None:
        return None
    return build_plan(service.store, service.settings, goal, service.now(), service.tz, hook=queue_hook(service))


def summary_line(service) -> str | None:
    """One line for the dashboard, or None without an interview date. For example:
    "Interview in 20 days · expected recall 84% (61% if you stop now) · today: 42 reviews, 15 new, 1 drill, ~35 min"."""
    goal = InterviewGoal.load(service.store)
    if goal is None:
        return None
    today = clock.study_day(service.now(), service.settings.day_start_hour, service.tz)
    left = days_left(goal, today)
    if left < 0:
        return (f"Interview date {goal.date.isoformat()} has passed: normal scheduling is back "
                "(`dlprep plan --clear` removes the date)")
    plan = plan_for(service, goal)
    recall = f"expected recall {plan.expected_recall.overall:.0%}"
    if left == 0:
        return f"Interview today · {recall} · normal scheduling until you set the next date"
    first = plan.daily[0]
    when = "tomorrow" if left == 1 else f"in {left} days"
    return (
        f"Interview {when} · {recall} ({plan.expected_recall_if_stopped.overall:.0%} if you stop now) · "
        f"today: {first.reviews} review{'s' if first.reviews != 1 else ''}, {first.new} new, "
        f"{first.drills} drill{'s' if first.drills != 1 else ''}, ~{first.minutes:.0f} min"
    )
