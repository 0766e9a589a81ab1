"""Study days over the review log: the day-start setting, the streak, and ratings per day.

These facts belong to the study layer: the dashboard reads them through :class:`StudyService` and the
reports (``dlprep.reports``) reuse them, never the other way round. Each day is probed through the
``reviewed_at`` index with its own UTC bounds (many days in one query), so the cost grows with the length
of the streak, not with the size of the history.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, tzinfo

from dlprep.srs import clock
from dlprep.srs.settings import DEFAULT_DAY_START_HOUR
from dlprep.store import Store

__all__ = ["DEFAULT_DAY_START_HOUR", "day_start_hour_setting", "reviewed_days", "study_day"]


def study_day(when: datetime, day_start_hour: int = DEFAULT_DAY_START_HOUR, tz: tzinfo | None = None) -> date:
    """The study day a moment belongs to (local date, shifted back by the day-start hour)."""
    return clock.study_day(when, day_start_hour, tz)


def day_start_hour_setting(store: Store) -> int:
    """The ``day_start_hour`` setting (0-23), or 4 when unset or unreadable."""
    raw = store.get_setting("day_start_hour")
    try:
        hour = int(json.loads(raw)) if raw is not None else DEFAULT_DAY_START_HOUR
    except (ValueError, TypeError):
        return DEFAULT_DAY_START_HOUR
    return hour if 0 <= hour <= 23 else DEFAULT_DAY_START_HOUR


def day_range(day: date, day_start_hour: int, tz: tzinfo | None, now: datetime) -> tuple[str, str]:
    """The stored-time bounds ``[start, end)`` of a study day, with the end clipped just past ``now``."""
    start, end = clock.day_bounds(day, day_start_hour, tz)
    end = min(end, now + timedelta(microseconds=1))
    return clock.iso(start), clock.iso(end)


PROBE_DAYS = 64


def reviewed_days(
    store: Store, days: list[date], now: datetime, day_start_hour: int, tz: tzinfo | None
) -> set[date]:
    """Which of ``days`` have at least one rating up to ``now``: one index probe per day, one query in all."""
    if not days:
        return set()
    bounds = [day_range(day, day_start_hour, tz, now) for day in days]
    values = ", ".join("(?, ?, ?)" for _ in days)
    params = [value for k, (start, end) in enumerate(bounds) for value in (k, start, end)]
    rows = store.query(
        f"WITH d(k, s, e) AS (VALUES {values}) SELECT k FROM d WHERE EXISTS "
        "(SELECT 1 FROM reviews WHERE reviewed_at >= d.s AND reviewed_at < d.e)",
        tuple(params),
    )
    return {days[r["k"]] for r in rows}


def run_ending(
    store: Store, day: date, now: datetime, *, day_start_hour: int = DEFAULT_DAY_START_HOUR,
    tz: tzinfo | None = None,
) -> int:
    """Consecutive study days with at least one rating ending with ``day`` (0 when ``day`` has none).

    Days are probed backwards in blocks of :data:`PROBE_DAYS` (one query a block) until a day without one.
    """
    count = 0
    while True:
        block = [day - timedelta(days=k) for k in range(PROBE_DAYS)]
        found = reviewed_days(store, block, now, day_start_hour, tz)
        for past in block:
            if past not in found:
                return count
            count += 1
        day -= timedelta(days=PROBE_DAYS)


def streak(
    store: Store, now: datetime, *, day_start_hour: int = DEFAULT_DAY_START_HOUR, tz: tzinfo | None = None
) -> int:
    """Consecutive study days with at least one rating, counting today if reviewed, else ending yesterday."""
    today = study_day(now, day_start_hour, tz)
    before = run_ending(store, today - timedelta(days=1), now, day_start_hour=day_start_hour, tz=tz)
    return before + (today in reviewed_days(store, [today], now, day_start_hour, tz))


def last_review_before(store: Store, moment: datetime) -> tuple | None:
    """(id, time) of the newest rating before ``moment``: one index probe; it changes when that past does."""
    rows = store.query(
        "SELECT id, reviewed_at FROM reviews WHERE reviewed_at < ? ORDER BY reviewed_at DESC, id DESC LIMIT 1",
        (clock.iso(moment),),
    )
    return (rows[0]["id"], rows[0]["reviewed_at"]) if rows else None


def counts_per_day(
    store: Store, table: str, column: str, days: list[date], now: datetime, day_start_hour: int,
    tz: tzinfo | None,
) -> list[int]:
    """Rows of ``table`` whose ``column`` time falls on each of ``days`` (and not after ``now``)."""
    out = []
    for day in days:
        start, end = day_range(day, day_start_hour, tz, now)
        out.append(store.query(
            f"SELECT COUNT(*) AS n FROM {table} WHERE {column} >= ? AND {column} < ?", (start, end)
        )[0]["n"])
    return out
