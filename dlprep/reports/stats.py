"""Statistics over the progress store, as pure functions of its rows and an explicit clock.

The large tables are never read whole: counts, sums and per-day windows are SQL over the indexes of schema 3
(``reviews_day`` for per-day counts and time, ``reviews_retention`` for true retention, whose
``before_state`` is computed once when a review is written), so a report over a million reviews takes
about the same number of queries as one over ten. Study days and the streak come from
:mod:`dlprep.srs.days` (the study layer), never the other way round.

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

import bisect
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from dlprep.reports.rows import attempt_rows
from dlprep.srs import clock
from dlprep.srs.days import DEFAULT_DAY_START_HOUR, counts_per_day, day_start_hour_setting, streak, study_day
from dlprep.store import Store

__all__ = ["day_start_hour_setting", "streak", "study_day"]
MASTERY_STABILITY_DAYS = 21.0
REVIEW_STATE = 2
RETENTION_PRIOR_REVIEWS = 5
RETENTION_PRIOR_RATE = 0.9


def _days_ending(today: date, days: int) -> list[date]:
    return [today - timedelta(days=k) for k in range(days - 1, -1, -1)]


def review_count(store: Store, now: datetime) -> int:
    """All ratings up to ``now``."""
    return store.query("SELECT COUNT(*) AS n FROM reviews WHERE reviewed_at <= ?", (clock.iso(now),))[0]["n"]


def reviews_per_day(
    store: Store, now: datetime, *, days: int = 30, day_start_hour: int = DEFAULT_DAY_START_HOUR,
    tz: tzinfo | None = None,
) -> list[tuple[date, int]]:
    """Ratings per study day for the ``days`` days ending today, oldest first (zeros included)."""
    wanted = _days_ending(study_day(now, day_start_hour, tz), days)
    return list(zip(wanted, counts_per_day(store, "reviews", "reviewed_at", wanted, now, day_start_hour, tz),
                    strict=True))


def activity_by_day(
    store: Store, now: datetime, *, days: int = 365, day_start_hour: int = DEFAULT_DAY_START_HOUR,
    tz: tzinfo | None = None,
) -> list[tuple[date, int]]:
    """Ratings plus drill attempts per study day (the calendar heatmap), oldest first."""
    wanted = _days_ending(study_day(now, day_start_hour, tz), days)
    reviews = counts_per_day(store, "reviews", "reviewed_at", wanted, now, day_start_hour, tz)
    attempts = Counter(study_day(row["when"], day_start_hour, tz) for row in attempt_rows(store, now))
    return [(d, n + attempts.get(d, 0)) for d, n in zip(wanted, reviews, strict=True)]


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


def _window(now: datetime, since: datetime | None) -> tuple[str, list]:
    sql, params = "reviewed_at <= ?", [clock.iso(now)]
    if since is not None:
        sql += " AND reviewed_at >= ?"
        params.append(clock.iso(since))
    return sql, params


def true_retention(store: Store, now: datetime, *, since: datetime | None = None) -> Retention:
    """True retention over all sections (see the module docstring)."""
    window, params = _window(now, since)
    row = store.query(
        f"SELECT COUNT(*) AS total, COALESCE(SUM(rating >= 2), 0) AS passed FROM reviews "
        f"WHERE before_state = {REVIEW_STATE} AND {window}", tuple(params)
    )[0]
    return Retention(row["passed"], row["total"])


def retention_by_section(
    store: Store, now: datetime, *, since: datetime | None = None
) -> dict[str, Retention]:
    """True retention per section (exact notes heading); sections without such ratings are absent."""
    window, params = _window(now, since)
    rows = store.query(
        "SELECT COALESCE(c.section, '') AS section, SUM(r.total) AS total, SUM(r.passed) AS passed FROM "
        f"(SELECT card_id, COUNT(*) AS total, SUM(rating >= 2) AS passed FROM reviews "
        f" WHERE before_state = {REVIEW_STATE} AND {window} GROUP BY card_id) AS r "
        "LEFT JOIN cards c ON c.id = r.card_id GROUP BY 1", tuple(params)
    )
    found = {r["section"]: Retention(r["passed"], r["total"]) for r in rows}
    return {s: found[s] for s in _section_order(found)}


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


_STABILITY = ("CASE WHEN json_valid(fsrs) AND typeof(json_extract(fsrs, '$.stability')) IN ('integer', 'real') "
              "THEN json_extract(fsrs, '$.stability') ELSE 0 END")


def mastery_by_section(store: Store) -> list[SectionMastery]:
    """Mastery of every section that has active items, in notes order (unknown sections last)."""
    rows = store.query(
        f"SELECT section, kind = 'drill' AS drill, state, "
        f"(state = {REVIEW_STATE} AND {_STABILITY} >= ?) AS mastered, COUNT(*) AS n FROM cards "
        "WHERE retired = 0 AND suspended = 0 GROUP BY 1, 2, 3, 4",
        (MASTERY_STABILITY_DAYS,),
    )
    found: dict[str, SectionMastery] = {}
    for row in rows:
        entry = found.setdefault(row["section"], SectionMastery(row["section"]))
        n = row["n"]
        entry.total += n
        if row["state"] == 0:
            entry.new += n
        elif row["mastered"]:
            entry.mastered += n
        else:
            entry.learning += n
        if row["drill"]:
            entry.drills += n
            entry.drills_mastered += n if row["mastered"] else 0
    return [found[s] for s in _section_order(found)]


def due_forecast(
    store: Store, now: datetime, *, days: int = 30, day_start_hour: int = DEFAULT_DAY_START_HOUR,
    tz: tzinfo | None = None,
) -> list[tuple[date, int]]:
    """Items falling due on each of the next ``days`` study days, today first; overdue items count today.

    New items are not counted (they are introduced by the daily new-card limit, not by a due date).
    """
    today = study_day(now, day_start_hour, tz)
    wanted = [today + timedelta(days=k) for k in range(days)]
    ends = [clock.iso(clock.day_bounds(d, day_start_hour, tz)[1]) for d in wanted]
    counts: Counter[int] = Counter()
    if ends:
        for state in (1, 2, 3):  # one walk of the cards_queue index per state
            for row in store.query(
                "SELECT due FROM cards WHERE retired = 0 AND suspended = 0 AND state = ? AND due < ?",
                (state, ends[-1]),
            ):
                counts[bisect.bisect_right(ends, row["due"])] += 1
    return [(d, counts.get(k, 0)) for k, d in enumerate(wanted)]


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
    window, params = _window(now, since)
    review_ms = store.query(
        f"SELECT COALESCE(SUM(duration_ms), 0) AS ms FROM reviews WHERE {window}", tuple(params)
    )[0]["ms"]
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


def weakest_sections(
    store: Store, now: datetime, *, limit: int = 5, mastery: list[SectionMastery] | None = None,
    retention: dict[str, Retention] | None = None,
) -> list[WeakSection]:
    """The ``limit`` weakest started sections, weakest first, each with up to two concrete next steps.

    ``mastery`` and ``retention`` (all time) may be passed when already computed."""
    retention = retention_by_section(store, now) if retention is None else retention
    due: Counter[str] = Counter({r["section"]: r["n"] for r in store.query(
        "SELECT section, COUNT(*) AS n FROM cards WHERE retired = 0 AND suspended = 0 AND state != 0 "
        "AND due IS NOT NULL AND due != '' AND due <= ? GROUP BY section", (clock.iso(now),))})
    # Leeches are usually suspended: count them anyway.
    leeches: Counter[str] = Counter({r["section"]: r["n"] for r in store.query(
        "SELECT section, COUNT(*) AS n FROM cards WHERE retired = 0 AND tags != '' "
        "AND (' ' || tags || ' ') LIKE '% leech %' GROUP BY section")})
    drill_section = {r["id"].removeprefix("drill:"): r["section"] for r in store.query(
        "SELECT id, section FROM cards WHERE retired = 0 AND substr(id, 1, 6) = 'drill:'")}
    failing: dict[str, list[str]] = defaultdict(list)
    for history in drill_history(store, now):
        if history.failing and history.drill_id in drill_section:
            failing[drill_section[history.drill_id]].append(history.drill_id)
    weak = []
    for entry_mastery in mastery_by_section(store) if mastery is None else mastery:
        if entry_mastery.started == 0:
            continue
        section = entry_mastery.section
        ret = retention.get(section, Retention())
        score = (
            (1 - ret.smoothed)
            + 0.5 * (1 - entry_mastery.mastered / entry_mastery.started)
            + 0.1 * leeches[section]
            + 0.2 * len(failing[section])
        )
        entry = WeakSection(section, round(score, 4), ret, entry_mastery, due[section], leeches[section],
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


@dataclass
class MockScore:
    """One finished mock interview: when (UTC), overall and per-part scores (0-1)."""

    session: int
    started_at: datetime
    overall: float
    parts: dict[str, float]


def mock_scores(store: Store, now: datetime) -> list[MockScore]:
    """Finished mock interviews up to ``now``, oldest first (abandoned ones have no score)."""

    out = []
    for row in store.query(
        "SELECT id, started_at, score, report FROM mock_sessions WHERE status = 'finished' AND started_at <= ? "
        "ORDER BY started_at, id", (clock.iso(now),),
    ):
        try:
            parts = {p: float(v["score"]) for p, v in json.loads(row["report"] or "{}").get("parts", {}).items()}
        except (ValueError, TypeError, AttributeError, KeyError):
            parts = {}
        out.append(MockScore(row["id"], clock.parse_iso(row["started_at"]), float(row["score"] or 0.0), parts))
    return out
