"""Statistics over the progress store, as pure functions of its rows and an explicit clock.

Every function takes the store and ``now`` (an aware UTC datetime); rows dated after ``now`` are ignored,
so a fake clock gives reproducible figures. Days are *study days*: a study day starts at
``day_start_hour`` local time (default 4, settings key ``day_start_hour``), so a review at 01:30 counts
for the previous day, as in Anki. ``tz`` is the local time zone (``None``: the system's).

Definitions:

- **True retention**: among ratings of items that were in Review state just before the rating (the
  ``before`` snapshot's ``state`` is 2), the share rated 2 (Hard) or better. Learning-step ratings are
  left out because they measure short-term memory, not retention.
- **Mastery** of a section: the share of its active items (concept cards and drills, neither suspended
  nor retired) that are *mastered*. An item is mastered when it is in Review state and its FSRS
  stability is at least :data:`MASTERY_STABILITY_DAYS` (21) days, that is, the scheduler expects at least
  90% recall three weeks after the last review. Drills count exactly like cards (their schedule item is the
  card ``drill:<id>``).
- **Weakest sections**: among sections with at least one started item, ranked by
  ``(1 - smoothed retention) + 0.5 * (1 - mastered / started) + 0.1 * leeches + 0.2 * failing drills``,
  where smoothed retention adds a prior of 5 reviews at 90% so that one lapse does not dominate.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from dlprep.reports.rows import active_items, attempt_rows, current_items, parse_time, review_rows
from dlprep.srs import clock
from dlprep.srs.settings import DEFAULT_DAY_START_HOUR
from dlprep.store import Store

MASTERY_STABILITY_DAYS = 21.0
REVIEW_STATE = 2
RETENTION_PRIOR_REVIEWS = 5
RETENTION_PRIOR_RATE = 0.9


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


def review_count(store: Store, now: datetime) -> int:
    """All ratings up to ``now``."""
    return len(review_rows(store, now))


def reviews_per_day(
    store: Store, now: datetime, *, days: int = 30, day_start_hour: int = DEFAULT_DAY_START_HOUR,
    tz: tzinfo | None = None,
) -> list[tuple[date, int]]:
    """Ratings per study day for the ``days`` days ending today, oldest first (zeros included)."""
    today = study_day(now, day_start_hour, tz)
    counts = Counter(study_day(r["when"], day_start_hour, tz) for r in review_rows(store, now))
    return [(d, counts.get(d, 0)) for d in (today - timedelta(days=k) for k in range(days - 1, -1, -1))]


def activity_by_day(
    store: Store, now: datetime, *, days: int = 365, day_start_hour: int = DEFAULT_DAY_START_HOUR,
    tz: tzinfo | None = None,
) -> list[tuple[date, int]]:
    """Ratings plus drill attempts per study day (the calendar heatmap), oldest first."""
    today = study_day(now, day_start_hour, tz)
    counts: Counter[date] = Counter()
    for row in review_rows(store, now) + attempt_rows(store, now):
        counts[study_day(row["when"], day_start_hour, tz)] += 1
    return [(d, counts.get(d, 0)) for d in (today - timedelta(days=k) for k in range(days - 1, -1, -1))]


def streak(
    store: Store, now: datetime, *, day_start_hour: int = DEFAULT_DAY_START_HOUR, tz: tzinfo | None = None
) -> int:
    """Consecutive study days with at least one rating, counting today if reviewed, else ending yesterday."""
    days = {study_day(r["when"], day_start_hour, tz) for r in review_rows(store, now)}
    day = study_day(now, day_start_hour, tz)
    if day not in days:
        day -= timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


@dataclass(frozen=True)
class Retention:
    """Passed (rating >= 2) out of total ratings of items in Review state."""

    passed: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None

    @property
    def smoothed(self) -> float:
        """The rate with a prior of 5 reviews at 90% (for ranking, not for display)."""
        prior = RETENTION_PRIOR_REVIEWS
        return (self.passed + prior * RETENTION_PRIOR_RATE) / (self.total + prior)


def _was_in_review(row: dict) -> bool:
    return row["before_state"] == REVIEW_STATE


def true_retention(store: Store, now: datetime, *, since: datetime | None = None) -> Retention:
    """True retention over all sections (see the module docstring)."""
    passed = total = 0
    for row in review_rows(store, now):
        if (since is None or row["when"] >= since) and _was_in_review(row):
            total += 1
            passed += row["rating"] >= 2
    return Retention(passed, total)


def retention_by_section(
    store: Store, now: datetime, *, since: datetime | None = None
) -> dict[str, Retention]:
    """True retention per section (exact notes heading); sections without such ratings are absent."""
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row in review_rows(store, now):
        if (since is None or row["when"] >= since) and _was_in_review(row):
            section = row["section"] or ""
            total[section] += 1
            passed[section] += row["rating"] >= 2
    return {s: Retention(passed[s], total[s]) for s in _section_order(total)}


@dataclass
class SectionMastery:
    """How far one section is: counts of active items by progress (cards and drills together)."""

    section: str
    total: int = 0
    mastered: int = 0
    learning: int = 0
    new: int = 0
    drills: int = 0
    drills_mastered: int = 0

    @property
    def share(self) -> float:
        """Mastered items over active items (0 when the section has none)."""
        return self.mastered / self.total if self.total else 0.0

    @property
    def started(self) -> int:
        return self.total - self.new


def _stability(fsrs_json: str | None) -> float:
    if not fsrs_json:
        return 0.0
    try:
        value = json.loads(fsrs_json).get("stability")
    except (ValueError, TypeError, AttributeError):
        return 0.0
    return float(value) if isinstance(value, int | float) else 0.0


def is_mastered(item: dict) -> bool:
    """An item (a ``cards`` row) is mastered when in Review state with stability >= 21 days."""
    return item["state"] == REVIEW_STATE and _stability(item["fsrs"]) >= MASTERY_STABILITY_DAYS


def mastery_by_section(store: Store) -> list[SectionMastery]:
    """Mastery of every section that has active items, in notes order (unknown sections last)."""
    found: dict[str, SectionMastery] = {}
    for item in active_items(store):
        entry = found.setdefault(item["section"], SectionMastery(item["section"]))
        entry.total += 1
        mastered = is_mastered(item)
        if item["state"] == 0:
            entry.new += 1
        elif mastered:
            entry.mastered += 1
        else:
            entry.learning += 1
        if item["kind"] == "drill":
            entry.drills += 1
            entry.drills_mastered += mastered
    return [found[s] for s in _section_order(found)]


def due_forecast(
    store: Store, now: datetime, *, days: int = 30, day_start_hour: int = DEFAULT_DAY_START_HOUR,
    tz: tzinfo | None = None,
) -> list[tuple[date, int]]:
    """Items falling due on each of the next ``days`` study days, today first; overdue items count today.

    New items are not counted (they are introduced by the daily new-card limit, not by a due date).
    """
    today = study_day(now, day_start_hour, tz)
    counts: Counter[int] = Counter()
    for item in active_items(store):
        if item["state"] == 0 or not item["due"]:
            continue
        offset = max(0, (study_day(parse_time(item["due"]), day_start_hour, tz) - today).days)
        if offset < days:
            counts[offset] += 1
    return [(today + timedelta(days=k), counts.get(k, 0)) for k in range(days)]


@dataclass
class DrillHistory:
    """Every attempt at one drill, summarized."""

    drill_id: str
    attempts: int = 0
    passes: int = 0
    first_pass: datetime | None = None
    last_at: datetime | None = None
    last_status: str = ""
    best_passed: int = 0
    total_cases: int = 0
    hints_used: int = 0
    runs: list[tuple[datetime, str]] = field(default_factory=list)

    @property
    def failing(self) -> bool:
        """The latest attempt did not pass."""
        return self.attempts > 0 and self.last_status != "pass"


def drill_history(store: Store, now: datetime) -> list[DrillHistory]:
    """Runs per drill (in the order drills were first attempted).

    Graded runs (``pass``, ``fail``, ``error``) and give-ups (``gave_up``, a failure) count as attempts;
    resets of the workspace file (``reset``) do not.
    """
    found: dict[str, DrillHistory] = {}
    for row in attempt_rows(store, now):
        if row["status"] == "reset":
            continue
        entry = found.setdefault(row["drill_id"], DrillHistory(row["drill_id"]))
        entry.attempts += 1
        entry.runs.append((row["when"], row["status"]))
        if row["status"] == "pass":
            entry.passes += 1
            if entry.first_pass is None:
                entry.first_pass = row["when"]
        if entry.last_at is None or row["when"] >= entry.last_at:
            entry.last_at, entry.last_status = row["when"], row["status"]
        if row["passed"] >= entry.best_passed:
            entry.best_passed, entry.total_cases = row["passed"], row["total"]
        entry.hints_used += row["hints_used"] or 0
    return list(found.values())


@dataclass(frozen=True)
class TimeSpent:
    """Milliseconds spent reviewing and on drills."""

    review_ms: int = 0
    drill_ms: int = 0

    @property
    def total_ms(self) -> int:
        return self.review_ms + self.drill_ms


def time_spent(store: Store, now: datetime, *, since: datetime | None = None) -> TimeSpent:
    """Time spent since ``since`` (all time when ``None``): ``reviews.duration_ms + attempts.duration_ms``."""
    review_ms = sum(
        r["duration_ms"] or 0 for r in review_rows(store, now) if since is None or r["when"] >= since
    )
    drill_ms = sum(
        a["duration_ms"] or 0 for a in attempt_rows(store, now) if since is None or a["when"] >= since
    )
    return TimeSpent(review_ms, drill_ms)


@dataclass
class WeakSection:
    """A section that needs work, with the reasons and what to study next."""

    section: str
    score: float
    retention: Retention
    mastery: SectionMastery
    due: int = 0
    leeches: int = 0
    failing_drills: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)


def weakest_sections(store: Store, now: datetime, *, limit: int = 5) -> list[WeakSection]:
    """The ``limit`` weakest started sections, weakest first, each with up to two concrete next steps."""
    retention = retention_by_section(store, now)
    due: Counter[str] = Counter()
    leeches: Counter[str] = Counter()
    drill_section: dict[str, str] = {}
    for item in current_items(store):  # leeches are usually suspended: count them anyway
        if not item["suspended"] and item["state"] != 0 and item["due"] and parse_time(item["due"]) <= now:
            due[item["section"]] += 1
        if "leech" in (item["tags"] or "").split():
            leeches[item["section"]] += 1
        if item["id"].startswith("drill:"):
            drill_section[item["id"].removeprefix("drill:")] = item["section"]
    failing: dict[str, list[str]] = defaultdict(list)
    for history in drill_history(store, now):
        if history.failing and history.drill_id in drill_section:
            failing[drill_section[history.drill_id]].append(history.drill_id)
    weak = []
    for mastery in mastery_by_section(store):
        if mastery.started == 0:
            continue
        section = mastery.section
        ret = retention.get(section, Retention())
        score = (
            (1 - ret.smoothed)
            + 0.5 * (1 - mastery.mastered / mastery.started)
            + 0.1 * leeches[section]
            + 0.2 * len(failing[section])
        )
        entry = WeakSection(section, round(score, 4), ret, mastery, due[section], leeches[section],
                            failing[section])
        entry.advice = _advice(entry)
        weak.append(entry)
    weak.sort(key=lambda w: (-w.score, w.section))
    return weak[:limit]


def _advice(entry: WeakSection) -> list[str]:
    steps = [f"retry drill {drill} (last attempt failed)" for drill in entry.failing_drills]
    if entry.leeches:
        steps.append(f"re-read the notes and rewrite {entry.leeches} leech card(s)")
    if entry.due:
        steps.append(f"review {entry.due} due item(s)")
    rate = entry.retention.rate
    if rate is not None and entry.retention.total >= 5 and rate < 0.8:
        steps.append(f"re-read the notes section (retention {rate:.0%})")
    if entry.mastery.new:
        steps.append(f"learn {entry.mastery.new} new item(s)")
    if not steps:
        steps.append("keep reviewing on schedule")
    return steps[:2]


def _section_order(names) -> list[str]:
    """Notes order for known headings, then the others alphabetically."""
    from dlprep.sections import all_sections

    try:
        known = list(all_sections())
    except (OSError, ValueError):
        known = []
    rank = {name: i for i, name in enumerate(known)}
    return sorted(names, key=lambda s: (rank.get(s, len(rank)), s))
