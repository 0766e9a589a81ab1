"""How much a personalized FSRS fit improves recall prediction, on a review-log CSV.

Usage: python benchmarks/scheduler_fit.py --revlog ../shared/data/revlog-sample.csv [--json]
       [--elapsed 24h|study-days|both] [--tz ZONE] [--day-start-hour H]

The CSV has columns ``card_id,review_rating,review_time,review_duration``. Reviews are ordered by time;
the most recent 20% are held out, the FSRS optimizer fits on the rest, and the default and fitted
parameters predict the held-out reviews (log loss, AUC, RMSE over 20 bins; see
dlprep/reports/fit_metrics.py). Prints a table, or with --json
``{"default": {...}, "fitted": {...}, "train_reviews", "test_reviews", ...}`` per mode.

``--elapsed`` says how time between reviews is counted: ``24h`` is py-fsrs's own count (whole 24-hour
periods), ``study-days`` is what dlprep schedules with (study days that start at ``--day-start-hour`` in
``--tz``, default 4 am UTC: the sample's time zone is unknown). For ``study-days`` each review time is
mapped to midnight of its study day plus a microsecond per earlier review, so that fsrs and its optimizer,
which count ``(t2 - t1).days``, count study days; the order of the reviews (and so the split) is kept.
``both`` (the default) runs the two and prints both tables.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time as time_module
from datetime import UTC, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from fsrs import Rating, ReviewLog

from dlprep.srs import clock
from dlprep.srs.settings import DEFAULT_DAY_START_HOUR


def read_revlog(path: Path) -> list[ReviewLog]:
    """Parse the CSV; a bad row stops with its line number."""
    logs = []
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        needed = {"card_id", "review_rating", "review_time", "review_duration"}
        if not needed <= set(reader.fieldnames or ()):
            sys.exit(f"{path}: expected columns {', '.join(sorted(needed))}, found {reader.fieldnames}")
        for line, row in enumerate(reader, start=2):
            try:
                when = datetime.fromisoformat(row["review_time"])
                if when.tzinfo is None:
                    raise ValueError("review_time has no time zone")
                duration = int(row["review_duration"]) if row["review_duration"] else None
                logs.append(ReviewLog(int(row["card_id"]), Rating(int(row["review_rating"])), when, duration))
            except (ValueError, KeyError) as exc:
                sys.exit(f"{path}:{line}: {exc}")
    return logs


def in_study_days(logs: list[ReviewLog], day_start_hour: int, tz: tzinfo) -> list[ReviewLog]:
    """The reviews re-timed so that whole days between two of them are study days (see the docstring)."""
    ordered = sorted(logs, key=lambda log: log.review_datetime)
    out = []
    for rank, log in enumerate(ordered):
        day = clock.study_day(log.review_datetime, day_start_hour, tz)
        moment = datetime.combine(day, time(), tzinfo=UTC) + timedelta(microseconds=rank)
        out.append(ReviewLog(log.card_id, log.rating, moment, log.review_duration))
    return out


def print_table(result, total: float) -> None:
    print(f"{result.train_reviews} train (oldest), {result.test_reviews} held out "
          f"(most recent), {result.fitted.reviews} of them scored (a day or more after the previous review)")
    print(f"{'':8}{'log loss':>10}{'AUC':>8}{'RMSE(bins)':>12}")
    for name, m in (("default", result.default), ("fitted", result.fitted)):
        print(f"{name:8}{m.log_loss:10.4f}{m.auc:8.4f}{m.rmse_bins:12.4f}")
    print(f"in-sample (training reviews, {result.train_fitted.reviews} scored):")
    for name, m in (("default", result.train_default), ("fitted", result.train_fitted)):
        print(f"{name:8}{m.log_loss:10.4f}{m.auc:8.4f}{m.rmse_bins:12.4f}")
    print(f"fit {result.fit_seconds:.1f} s, total {total:.1f} s; "
          f"fitted is {'better' if result.better else 'not better'} on log loss")
    for note in result.notes:
        print(note)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revlog", required=True, type=Path, help="review-log CSV")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--test-fraction", type=float, default=0.2, help="most recent share held out")
    parser.add_argument("--elapsed", choices=("24h", "study-days", "both"), default="both",
                        help="count time between reviews in 24 h periods, in study days, or both")
    parser.add_argument("--tz", default="UTC", help="zone of the study days (IANA name)")
    parser.add_argument("--day-start-hour", type=int, default=DEFAULT_DAY_START_HOUR)
    args = parser.parse_args()

    from dlprep.reports.optimize import evaluate

    logs = read_revlog(args.revlog)
    modes = ("24h", "study-days") if args.elapsed == "both" else (args.elapsed,)
    out = {}
    for mode in modes:
        started = time_module.perf_counter()
        timed = logs if mode == "24h" else in_study_days(logs, args.day_start_hour, ZoneInfo(args.tz))
        result = evaluate(timed, test_fraction=args.test_fraction)
        total = time_module.perf_counter() - started
        out[mode] = {**result.to_dict(), "total_seconds": round(total, 2)}
        if not args.json:
            label = "24-hour periods (py-fsrs)" if mode == "24h" else (
                f"study days ({args.day_start_hour}:00 {args.tz}, as dlprep schedules)")
            print(f"== elapsed time in {label}: {len(logs)} reviews")
            print_table(result, total)
    if args.json:
        print(json.dumps(out if len(modes) > 1 else out[modes[0]], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
