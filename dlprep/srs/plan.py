"""Interview date: the goal, the learner's pace, and the two rules the study queue follows while it is ahead.

The goal (date, daily time budget, target recall) lives in the store's ``settings`` table. While the date is
ahead, the study queue (through :func:`dlprep.srs.plan_queue.queue_hook`) follows

- **the day's new-card limit**: the cards not yet introduced, spread over the days that leave room for at
  least :data:`MIN_REVIEWS` reviews before the date, capped by the time budget (measured seconds per new card,
  per review and per drill, see :func:`measure_pace`), every section introduced at the same pace
  (:func:`introduction_order`), so that a tight budget still reaches every section;
- **pulled-forward reviews**: a review card due on or after the date is shown early when its retrievability
  on the date (FSRS's own, :func:`retrievability_at`) would be below the target, and a card that still needs
  some of its :data:`MIN_REVIEWS` reviews is shown early enough to fit them (:func:`pull_forward_day`). A card
  whose recall on the date is safe keeps its natural interval, even when that ends after the date.

From the interview day on the goal is inert: normal scheduling returns (the summary says so). The forecast
and expected recall are in :mod:`dlprep.srs.plan_forecast`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from fsrs import Card as FsrsCard
from fsrs import Scheduler

from dlprep.errors import DlprepError
from dlprep.srs import clock
from dlprep.srs.settings import StudySettings
from dlprep.store import Store

KEY_DATE, KEY_BUDGET, KEY_TARGET = "interview_date", "interview_budget_min", "interview_target"
DEFAULT_BUDGET_MIN = 30.0
DEFAULT_TARGET = 0.9
MIN_REVIEWS = 2  # reviews (ratings on later study days) each card should get before the date
# Seconds a new card (all its first-day ratings), a review (with any relearning it causes) and a drill
# take, until the history has enough timed ratings to measure them (see measure_pace).
DEFAULT_SECONDS = {"new": 30.0, "review": 10.0, "drill": 900.0}
MIN_SAMPLES = {"new": 10, "review": 10, "drill": 3}
RATING_CAP_MS = 120_000  # one rating counts at most two minutes (a learner who walked away)
NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3


class PlanError(DlprepError):
    """A bad interview date or plan option."""


@dataclass(frozen=True)
class InterviewGoal:
    """The interview date, the daily time budget in minutes and the target recall (0-1) on the date."""

    date: date
    budget_min: float = DEFAULT_BUDGET_MIN
    target: float = DEFAULT_TARGET

    @classmethod
    def load(cls, store: Store) -> InterviewGoal | None:
        """The stored goal, or None when no date is set (or the stored value is unreadable)."""
        raw = store.get_setting(KEY_DATE)
        if raw is None:
            return None
        try:
            day = date.fromisoformat(json.loads(raw))
            budget = float(json.loads(store.get_setting(KEY_BUDGET) or "null") or DEFAULT_BUDGET_MIN)
            target = float(json.loads(store.get_setting(KEY_TARGET) or "null") or DEFAULT_TARGET)
        except (ValueError, TypeError):
            return None
        return cls(day, budget, target)

    def save(self, store: Store) -> None:
        store.set_setting(KEY_DATE, json.dumps(self.date.isoformat()))
        store.set_setting(KEY_BUDGET, json.dumps(self.budget_min))
        store.set_setting(KEY_TARGET, json.dumps(self.target))

    @staticmethod
    def clear(store: Store) -> bool:
        """Remove the goal; True when there was one."""
        with store.transaction() as tx:
            removed = tx.execute(
                "DELETE FROM settings WHERE key IN (?, ?, ?)", (KEY_DATE, KEY_BUDGET, KEY_TARGET)
            ).rowcount
        return removed > 0


def parse_goal(text: str, today: date, budget_min: float | None = None, target: float | None = None) -> InterviewGoal:
    """A goal from user input; :class:`PlanError` (one sentence) for a malformed or past date or a bad option."""
    try:
        day = date.fromisoformat(text.strip())
        if len(text.strip()) != 10:
            raise ValueError
    except ValueError:
        raise PlanError(f"bad interview date {text!r}: expected YYYY-MM-DD, e.g. {today.isoformat()}") from None
    if day < today:
        raise PlanError(f"the interview date {day.isoformat()} is in the past (today is {today.isoformat()})")
    budget = DEFAULT_BUDGET_MIN if budget_min is None else budget_min
    if not 1 <= budget <= 24 * 60:
        raise PlanError(f"bad budget {budget:g}: expected minutes a day between 1 and 1440")
    goal_target = DEFAULT_TARGET if target is None else target
    if not 0.5 <= goal_target < 1:
        raise PlanError(f"bad target {goal_target:g}: expected a recall between 0.5 and 0.99, e.g. 0.9")
    return InterviewGoal(day, budget, goal_target)


# ----- pace -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Pace:
    """Seconds per new card, per review and per drill; ``measured`` names those taken from the history."""

    new_s: float = DEFAULT_SECONDS["new"]
    review_s: float = DEFAULT_SECONDS["review"]
    drill_s: float = DEFAULT_SECONDS["drill"]
    measured: frozenset[str] = field(default_factory=frozenset)

    def minutes(self, new: int, reviews: int, drills: int) -> float:
        return (new * self.new_s + reviews * self.review_s + drills * self.drill_s) / 60


def measure_pace(store: Store) -> Pace:
    """The learner's pace from the review log and the drill attempts.

    A new card costs every timed rating of a card still new or learning, per card introduced; a review costs
    every timed rating of a card in review or relearning, per review; a drill costs the attempts' working
    time per drill rating. Ratings count at most :data:`RATING_CAP_MS`; quiz ratings are left out.
    """
    rows = store.query(
        "SELECT json_extract(before, '$.state') AS state, COUNT(*) AS n, COUNT(duration_ms) AS timed, "
        "SUM(MIN(duration_ms, ?)) AS ms FROM reviews WHERE source != 'quiz' AND card_id NOT LIKE 'drill:%' "
        "GROUP BY 1",
        (RATING_CAP_MS,),
    )
    by_state = {r["state"]: r for r in rows}

    def per_item(states: tuple[int, ...], anchor: int) -> tuple[float, int] | None:
        items = by_state.get(anchor, {}).get("n", 0)
        ratings = sum(by_state.get(s, {}).get("n", 0) for s in states)
        timed = sum(by_state.get(s, {}).get("timed", 0) for s in states)
        ms = sum(by_state.get(s, {}).get("ms") or 0 for s in states)
        if not items or not timed:
            return None
        return ms / timed * ratings / items / 1000, items

    values, measured = dict(DEFAULT_SECONDS), set()
    for name, states, anchor in (("new", (NEW, LEARNING), NEW), ("review", (REVIEW, RELEARNING), REVIEW)):
        found = per_item(states, anchor)
        if found and found[1] >= MIN_SAMPLES[name] and found[0] > 0:
            values[name] = found[0]
            measured.add(name)
    drill_ratings = store.query("SELECT COUNT(*) AS n FROM reviews WHERE card_id LIKE 'drill:%'")[0]["n"]
    drill_ms = store.query("SELECT SUM(duration_ms) AS ms FROM attempts")[0]["ms"] or 0
    if drill_ratings >= MIN_SAMPLES["drill"] and drill_ms > 0:
        values["drill"] = drill_ms / drill_ratings / 1000
        measured.add("drill")
    return Pace(values["new"], values["review"], values["drill"], frozenset(measured))


# ----- the FSRS model on the date ---------------------------------------------------------------------------
def interview_moment(goal: InterviewGoal, settings: StudySettings, tz: tzinfo) -> datetime:
    """When recall is measured: the start of the interview's study day (UTC)."""
    return clock.day_bounds(goal.date, settings.day_start_hour, tz)[0]


def retrievability_at(fsrs: Scheduler, state: dict | None, moment: datetime, day_start_hour: int,
                      tz: tzinfo) -> float:
    """FSRS's retrievability of a card (stored JSON state) at ``moment``, elapsed time counted in study days
    as the scheduler counts it; 0 for a card never rated."""
    if not state or state.get("last_review") is None or state.get("stability") is None:
        return 0.0
    card = FsrsCard.from_dict(state)
    elapsed = clock.study_days_between(card.last_review, moment, day_start_hour, tz)
    fed = copy(card)
    fed.last_review = moment - timedelta(days=elapsed)
    return float(fsrs.get_card_retrievability(fed, current_datetime=moment))


def pull_forward_day(state: dict, reviews_done: int, goal: InterviewGoal, settings: StudySettings,
                     fsrs: Scheduler, tz: tzinfo) -> date | None:
    """The study day a review card is pulled forward to, or None when its own due date stands.

    A card due on or after the date whose retrievability on the date would be below the target is pulled to
    the last day its retrievability is still at the target (FSRS's forgetting curve solved for the day: as
    if scheduled for the target retention until the date; cards spread by their own stability). A card that
    still needs ``n`` of its :data:`MIN_REVIEWS` reviews and is due later than ``n`` days before the date is
    pulled to the first of ``n + 1`` equal parts of the gap between its last review and the date, or to the
    target day if that is sooner. Never before the day after its last review, never on the date.
    """
    if state.get("last_review") is None or state.get("due") is None or not state.get("stability"):
        return None
    due_day = clock.study_day(_moment(state["due"]), settings.day_start_hour, tz)
    needed = max(0, MIN_REVIEWS - reviews_done)
    short = needed > 0 and due_day > goal.date - timedelta(days=needed)
    if not short:
        if due_day < goal.date:
            return None
        moment = interview_moment(goal, settings, tz)
        if retrievability_at(fsrs, state, moment, settings.day_start_hour, tz) >= goal.target:
            return None
    last = clock.study_day(_moment(state["last_review"]), settings.day_start_hour, tz)
    gap = (goal.date - last).days
    target_day = last + timedelta(days=days_at_target(fsrs, float(state["stability"]), goal.target))
    pulled = min(last + timedelta(days=max(1, gap // (needed + 1))), target_day) if short else target_day
    pulled = min(max(pulled, last + timedelta(days=1)), goal.date - timedelta(days=1))
    return pulled if pulled > last else None


def days_at_target(fsrs: Scheduler, stability: float, target: float) -> int:
    """Whole days after a review during which FSRS's retrievability stays at or above ``target``: the
    forgetting curve ``R(t) = (1 + FACTOR * t / S) ** DECAY`` solved for ``t`` (``S`` days at 90%)."""
    days = stability / fsrs._FACTOR * (target ** (1 / fsrs._DECAY) - 1)
    return max(0, math.floor(days + 1e-9))


def _moment(value: str | datetime) -> datetime:
    return clock.parse_iso(value) if isinstance(value, str) else value


# ----- the day's quota ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Quota:
    """New cards and new drills to introduce on one day."""

    new_cards: int
    new_drills: int


def day_quota(*, new_cards_left: int, new_drills_left: int, reviews: int, drills_due: int, days_left: int,
              pace: Pace, budget_min: float, drill_reviews_owed: int = 0) -> Quota:
    """Spread what is not yet introduced over the days that leave :data:`MIN_REVIEWS` review days before the
    date, within the daily budget: new cards get what the card reviews leave (a due drill never starves them:
    a card takes seconds, a drill many minutes), new drills what is left after the cards and the due drills.

    A new drill also commits :data:`MIN_REVIEWS` more drill sessions before the date, so only as many drills
    are spread as the days left can pay for: their budget, less today's card reviews on each of them, the
    cards still to introduce with their reviews, and ``drill_reviews_owed`` (sessions that drills already
    introduced still need).
    """
    if days_left <= 0:
        return Quota(0, 0)
    budget_s = budget_min * 60
    intro_days = max(1, days_left - MIN_REVIEWS)
    want_cards = math.ceil(new_cards_left / intro_days)
    future_s = (days_left * (budget_s - reviews * pace.review_s)
                - new_cards_left * (pace.new_s + MIN_REVIEWS * pace.review_s)
                - (drills_due + drill_reviews_owed) * pace.drill_s)
    affordable = min(new_drills_left, max(0, math.floor(future_s / (pace.drill_s * (1 + MIN_REVIEWS)))))
    want_drills = math.ceil(affordable / intro_days)
    spare = budget_s - reviews * pace.review_s
    cards = max(0, min(want_cards, math.floor(spare / pace.new_s)))
    spare -= cards * pace.new_s + drills_due * pace.drill_s
    drills = max(0, min(want_drills, math.floor(spare / pace.drill_s)))
    return Quota(cards, drills)


def days_left(goal: InterviewGoal, today: date) -> int:
    """Study days before the interview day (0 on the day itself, negative after it)."""
    return (goal.date - today).days


def review_counts(store: Store, card_ids: Iterable[str] | None = None) -> dict[str, int]:
    """Ratings each card received while in review (its reviews after the day it was introduced)."""
    rows = store.query(
        "SELECT card_id, COUNT(*) AS n FROM reviews WHERE json_extract(before, '$.state') = ? GROUP BY card_id",
        (REVIEW,),
    )
    wanted = set(card_ids) if card_ids is not None else None
    return {r["card_id"]: r["n"] for r in rows if wanted is None or r["card_id"] in wanted}


def introduction_order(rows: list[dict]) -> list[dict]:
    """New cards in the order a goal introduces them: every section at the same pace (a section of 20 cards
    gets two for each one of a section of 10, and all finish together), and within a section the first card
    of each note before any second one, so that cloze siblings (buried for the rest of a day when one of them
    is rated) fall on different days. Ties keep the rows' order."""
    by_section: dict[str, list[tuple[int, dict]]] = {}
    for position, row in enumerate(rows):
        by_section.setdefault(row["section"], []).append((position, row))
    keyed: list[tuple[float, int, dict]] = []
    for section_rows in by_section.values():
        siblings_before: dict[str, int] = {}
        ranked = []
        for position, row in section_rows:
            note = row.get("note_id") or row["id"]
            ranked.append((siblings_before.get(note, 0), position, row))
            siblings_before[note] = siblings_before.get(note, 0) + 1
        ranked.sort(key=lambda item: item[:2])
        first = section_rows[0][0]
        keyed.extend(((i + 0.5) / len(ranked), first, row) for i, (_, _, row) in enumerate(ranked))
    keyed.sort(key=lambda item: item[:2])
    return [row for _, _, row in keyed]
