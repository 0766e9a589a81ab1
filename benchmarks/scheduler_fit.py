"""How much a personalized FSRS fit improves recall prediction, on a review-log CSV.

Usage: python benchmarks/scheduler_fit.py --revlog ../shared/data/revlog-sample.csv [--json]

The CSV has columns ``card_id,review_rating,review_time,review_duration``. Reviews are ordered by time;
the most recent 20% are held out, the FSRS optimizer fits on the rest, and the default and fitted
parameters predict the held-out reviews (log loss, AUC, RMSE over 20 bins; see
dlprep/reports/fit_metrics.py). Prints a table, or with --json
``{"default": {...}, "fitted": {...}, "train_reviews", "test_reviews", ...}``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from datetime import datetime
from pathlib import Path

from fsrs import Rating, ReviewLog


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revlog", required=True, type=Path, help="review-log CSV")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--test-fraction", type=float, default=0.2, help="most recent share held out")
    args = parser.parse_args()

    from dlprep.reports.optimize import evaluate

    started = time.perf_counter()
    logs = read_revlog(args.revlog)
    result = evaluate(logs, test_fraction=args.test_fraction)
    total = time.perf_counter() - started
    out = result.to_dict()
    out["total_seconds"] = round(total, 2)
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"{len(logs)} reviews: {result.train_reviews} train (oldest), {result.test_reviews} held out "
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
