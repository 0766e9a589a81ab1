"""The FSRS scheduler (py-fsrs), configured from :class:`StudySettings`.

We keep py-fsrs's card state as JSON in the store; a card that was never reviewed has none.
:class:`StudyScheduler` is what the study service rates and previews with.
"""

from __future__ import annotations

import hashlib
from copy import copy
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from dlprep.srs import clock
from dlprep.srs.fuzz import fuzz_draw, fuzzed_days
from dlprep.srs.settings import StudySettings

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def make_scheduler(settings: StudySettings, *, fuzz: bool | None = None) -> Scheduler:
    kwargs = {
        "desired_retention": settings.desired_retention,
        "learning_steps": tuple(timedelta(minutes=m) for m in settings.learning_steps_min),
        "relearning_steps": tuple(timedelta(minutes=m) for m in settings.relearning_steps_min),
        "enable_fuzzing": settings.fuzz if fuzz is None else fuzz,
    }
    if settings.fsrs_parameters:
        kwargs["parameters"] = tuple(settings.fsrs_parameters)
    return Scheduler(**kwargs)


def numeric_id(card_id: str) -> int:
    """py-fsrs wants an integer id; derive a stable one from ours."""
    return int(hashlib.sha1(card_id.encode()).hexdigest()[:12], 16)


def fsrs_card(card_id: str, state: dict | None, now: datetime) -> FsrsCard:
    """py-fsrs card from stored JSON, or a fresh one due now."""
    if state:
        return FsrsCard.from_dict(state)
    return FsrsCard(card_id=numeric_id(card_id), due=now)


@dataclass(frozen=True)
class StudyScheduler:
    """py-fsrs (``fsrs``, built without fuzz) plus dlprep's scheduling rules, the only ways it departs
    from calling ``fsrs.Scheduler.review_card`` directly (the README's scheduling paragraph lists them):

    1. **Elapsed time counts in study days**, as in Anki: fsrs is given a previous review exactly as many
       whole days back as there are study-day boundaries (``day_start_hour`` local time) between it and
       now. A review-state card rated any time on its due study day is scheduled as if rated at its due
       time; a second rating within one study day still takes fsrs's same-day (short-term) formula.
    2. **Review intervals are whole study days**: the card is due at the same local time that many days
       later (exactly 24 h a day except across a daylight-saving switch).
    3. **Fuzz is drawn per card and review** (:mod:`dlprep.srs.fuzz`), so :meth:`preview` and
       :meth:`review` give the same interval: the interval on a rating key is the interval applied, at any
       moment of the study day.
    """

    fsrs: Scheduler
    fuzz: bool
    day_start_hour: int
    tz: tzinfo

    @classmethod
    def from_settings(cls, settings: StudySettings, tz: tzinfo) -> StudyScheduler:
        return cls(make_scheduler(settings, fuzz=False), settings.fuzz, settings.day_start_hour, tz)

    def review(self, card_id: str, state: dict | None, rating: int, now: datetime) -> FsrsCard:
        """The card (stored JSON ``state``, None if never reviewed) after ``rating`` at ``now`` (aware UTC)."""
        card = fsrs_card(card_id, state, now)
        previous = card.last_review
        fed = copy(card)
        if previous is not None:
            elapsed = clock.study_days_between(previous, now, self.day_start_hour, self.tz)
            fed.last_review = now - timedelta(days=elapsed)
        reviewed, _log = self.fsrs.review_card(fed, Rating(rating), review_datetime=now)
        if reviewed.state == State.Review:
            days = (reviewed.due - now).days  # py-fsrs review intervals are whole days
            if self.fuzz:
                days = fuzzed_days(days, fuzz_draw(card_id, previous), self.fsrs.maximum_interval)
            reviewed.due = clock.add_study_days(now, days, self.tz)
        return reviewed

    def preview(self, card_id: str, state: dict | None, now: datetime) -> dict[int, timedelta]:
        """Time until the card would next be due for each rating, exactly as :meth:`review` applies it."""
        return {rating: self.review(card_id, state, rating, now).due - now for rating in (1, 2, 3, 4)}


def format_interval(delta: timedelta) -> str:
    """Anki-style short interval: 45s, 10m, 3h, 4d, 2.5mo, 1.2y. From 23 hours on, whole days: a day-long
    interval across a daylight-saving switch is 23 or 25 hours and still reads "1d"."""
    seconds = max(0.0, delta.total_seconds())
    if seconds < 60:
        return f"{seconds:.0f}s"
    if seconds < 3600:
        return f"{seconds / 60:.0f}m"
    if seconds < 23 * 3600:
        return f"{seconds / 3600:.0f}h"
    days = seconds / 86400
    if days < 30:
        return f"{days:.0f}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"
