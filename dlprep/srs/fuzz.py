"""Interval fuzz drawn deterministically, so that the interval shown on a rating key is the one applied.

py-fsrs spreads review intervals of 3 days or more over a small range ("fuzz") with the global ``random``,
so a preview and the rating itself would draw different numbers. Here the draw is a pure function of the
card and of its last review (one fixed number per card and review, reproducible after an undo), and
:func:`fuzzed_days` applies it with py-fsrs's own ranges (``fsrs.scheduler.FUZZ_RANGES``): the result is
exactly what ``Scheduler._get_fuzzed_interval`` returns when ``random()`` returns the same draw.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from fsrs.scheduler import FUZZ_RANGES


def fuzz_draw(card_id: str, last_review: datetime | None) -> float:
    """A uniform number in [0, 1) fixed by the card and its previous review (``None`` for a new card)."""
    key = f"{card_id}|{last_review.isoformat() if last_review else 'new'}".encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big") / 2**64


def fuzz_range(interval_days: int, maximum_interval: int) -> tuple[int, int]:
    """The smallest and largest fuzzed interval for ``interval_days`` (py-fsrs's ranges)."""
    delta = 1.0
    for band in FUZZ_RANGES:
        delta += band["factor"] * max(min(float(interval_days), band["end"]) - band["start"], 0.0)
    low = max(2, round(interval_days - delta))
    high = min(round(interval_days + delta), maximum_interval)
    return min(low, high), high


def fuzzed_days(interval_days: int, draw: float, maximum_interval: int) -> int:
    """``interval_days`` moved within its fuzz range by ``draw``; intervals under 2.5 days are kept."""
    if interval_days < 2.5:
        return interval_days
    low, high = fuzz_range(interval_days, maximum_interval)
    return min(round(draw * (high - low + 1) + low), maximum_interval)
