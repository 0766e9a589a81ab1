"""One report object gathering every statistic, for the terminal, HTML and JSON renderers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from dlprep.reports import stats
from dlprep.reports.rows import snapshot
from dlprep.sections import section_title
from dlprep.store import Store


@dataclass
class Report:
    """Everything ``dlprep report`` shows, computed at ``now``."""

    now: datetime
    today: date
    day_start_hour: int
    total_reviews: int
    reviews_per_day: list[tuple[date, int]]
    activity: list[tuple[date, int]]
    streak: int
    retention: stats.Retention
    retention_30d: stats.Retention
    retention_by_section: dict[str, stats.Retention]
    mastery: list[stats.SectionMastery]
    forecast: list[tuple[date, int]]
    drills: list[stats.DrillHistory]
    time_all: stats.TimeSpent
    time_7d: stats.TimeSpent
    weakest: list[stats.WeakSection]
    mocks: list[stats.MockScore]

    @property
    def due_today(self) -> int:
        return self.forecast[0][1] if self.forecast else 0

    def to_dict(self) -> dict:
        """A JSON-ready dictionary (dates as ISO strings, rates as fractions or null)."""

        def ret(r: stats.Retention) -> dict:
            return {"passed": r.passed, "total": r.total, "rate": r.rate}

        def mastery(m: stats.SectionMastery) -> dict:
            return {
                "section": m.section, "title": section_title(m.section), "total": m.total,
                "mastered": m.mastered, "learning": m.learning, "new": m.new, "drills": m.drills,
                "drills_mastered": m.drills_mastered, "share": m.share,
            }

        return {
            "now": self.now.isoformat(),
            "today": self.today.isoformat(),
            "day_start_hour": self.day_start_hour,
            "total_reviews": self.total_reviews,
            "streak": self.streak,
            "due_today": self.due_today,
            "reviews_per_day": [{"day": d.isoformat(), "reviews": n} for d, n in self.reviews_per_day],
            "active_days": [{"day": d.isoformat(), "activity": n} for d, n in self.activity if n],
            "retention": ret(self.retention),
            "retention_30d": ret(self.retention_30d),
            "retention_by_section": {s: ret(r) for s, r in self.retention_by_section.items()},
            "mastery": [mastery(m) for m in self.mastery],
            "forecast": [{"day": d.isoformat(), "due": n} for d, n in self.forecast],
            "drills": [
                {
                    "drill": h.drill_id, "attempts": h.attempts, "passes": h.passes,
                    "first_pass": h.first_pass.isoformat() if h.first_pass else None,
                    "last_status": h.last_status, "best_passed": h.best_passed,
                    "total_cases": h.total_cases, "hints_used": h.hints_used,
                }
                for h in self.drills
            ],
            "time_spent_ms": {
                "all": {"reviews": self.time_all.review_ms, "drills": self.time_all.drill_ms},
                "last_7_days": {"reviews": self.time_7d.review_ms, "drills": self.time_7d.drill_ms},
            },
            "weakest": [
                {
                    "section": w.section, "title": section_title(w.section), "score": w.score,
                    "retention": ret(w.retention), "mastery": w.mastery.share, "due": w.due,
                    "leeches": w.leeches, "failing_drills": w.failing_drills, "advice": w.advice,
                }
                for w in self.weakest
            ],
            "mocks": [
                {"session": m.session, "started_at": m.started_at.isoformat(), "overall": m.overall,
                 "parts": m.parts}
                for m in self.mocks
            ],
        }


def build_report(
    store: Store, now: datetime, *, day_start_hour: int | None = None, tz: tzinfo | None = None,
    history_days: int = 30,
) -> Report:
    """Compute the whole report at ``now``; the day-start hour defaults to the ``day_start_hour`` setting."""
    hour = stats.day_start_hour_setting(store) if day_start_hour is None else day_start_hour
    with snapshot(store):
        mastery = stats.mastery_by_section(store)
        retention_by_section = stats.retention_by_section(store, now)
        return Report(
            now=now,
            today=stats.study_day(now, hour, tz),
            day_start_hour=hour,
            total_reviews=stats.review_count(store, now),
            reviews_per_day=stats.reviews_per_day(store, now, days=history_days, day_start_hour=hour, tz=tz),
            activity=stats.activity_by_day(store, now, days=53 * 7, day_start_hour=hour, tz=tz),
            streak=stats.streak(store, now, day_start_hour=hour, tz=tz),
            retention=stats.true_retention(store, now),
            retention_30d=stats.true_retention(store, now, since=now - timedelta(days=30)),
            retention_by_section=retention_by_section,
            mastery=mastery,
            forecast=stats.due_forecast(store, now, days=30, day_start_hour=hour, tz=tz),
            drills=stats.drill_history(store, now),
            time_all=stats.time_spent(store, now),
            time_7d=stats.time_spent(store, now, since=now - timedelta(days=7)),
            weakest=stats.weakest_sections(store, now, mastery=mastery, retention=retention_by_section),
            mocks=stats.mock_scores(store, now),
        )
