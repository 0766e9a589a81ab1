"""The FSRS scheduler (py-fsrs), configured from :class:`StudySettings`.

We keep py-fsrs's card state as JSON in the store; a card that was never reviewed has none.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

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


def review(scheduler: Scheduler, card: FsrsCard, rating: int, now: datetime, duration_ms: int | None) -> FsrsCard:
    reviewed, _log = scheduler.review_card(card, Rating(rating), review_datetime=now, review_duration=duration_ms)
    return reviewed


def preview(scheduler: Scheduler, card: FsrsCard, now: datetime) -> dict[int, timedelta]:
    """Time until the card would next be due for each rating (the scheduler given must not fuzz)."""
    out = {}
    for rating in (1, 2, 3, 4):
        nxt, _ = scheduler.review_card(FsrsCard.from_dict(card.to_dict()), Rating(rating), review_datetime=now)
        out[rating] = nxt.due - now
    return out


def format_interval(delta: timedelta) -> str:
    """Anki-style short interval: 45s, 10m, 3h, 4d, 2.5mo, 1.2y."""
    seconds = max(0.0, delta.total_seconds())
    if seconds < 60:
        return f"{seconds:.0f}s"
    if seconds < 3600:
        return f"{seconds / 60:.0f}m"
    if seconds < 86400:
        return f"{seconds / 3600:.0f}h"
    days = seconds / 86400
    if days < 30:
        return f"{days:.0f}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"
