"""``dlprep optimize``: fit the scheduler's FSRS parameters to your own review history."""

from __future__ import annotations

import argparse
import json

NAME = "optimize"
HELP = "fit FSRS parameters to your reviews (needs 512+); keep them only if they predict recall better"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")


def run(args: argparse.Namespace) -> int:
    from dlprep.reports.optimize import MIN_REVIEWS, NotEnoughReviews, optimize_store, review_logs
    from dlprep.services import open_progress_store

    store = open_progress_store()
    try:
        have = len(review_logs(store))
        if have < MIN_REVIEWS:  # refuse before saying anything about fitting
            raise NotEnoughReviews(have)
        if not args.json:
            print(f"Fitting on your reviews (at least {MIN_REVIEWS} needed); this can take a minute...",
                  flush=True)
        result = optimize_store(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(result.to_dict(), indent=2))
        return 0
    print(f"Trained on the oldest {result.train_reviews} reviews, tested on the most recent "
          f"{result.test_reviews} ({result.fitted.reviews} scored), fit took {result.fit_seconds:.1f} s.")
    print(f"{'':10}{'log loss':>10}{'AUC':>8}{'RMSE(bins)':>12}")
    rows = [("default", result.default), ("fitted", result.fitted)]
    if result.current is not None:
        rows.insert(1, ("current", result.current))
    for name, m in rows:
        print(f"{name:10}{m.log_loss:10.4f}{m.auc:8.4f}{m.rmse_bins:12.4f}")
    for note in result.notes:
        print(note)
    if result.kept:
        print("Kept the fitted parameters: the scheduler uses them from now on.")
    else:
        print("Kept the parameters in use: the fit did not predict your recent reviews better.")
    return 0
