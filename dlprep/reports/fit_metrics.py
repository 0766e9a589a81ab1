"""How well a set of FSRS parameters predicts recall: replay, then log loss, AUC and RMSE over bins.

A prediction is made for every review that comes at least one whole day after the card's previous review
(same-day repeats measure short-term memory, and the FSRS optimizer leaves them out too): the predicted
probability of recall is the card's retrievability at that moment under the given parameters, and the
outcome is 1 unless the rating was Again. Each card's whole history is replayed, so a held-out review is
predicted from every review before it, but only reviews at or after ``start_at`` are scored.

Metrics (computed with numpy, written out so they can be checked by hand):

- **log loss**: ``-mean(y * ln p + (1 - y) * ln(1 - p))``, with ``p`` clipped to ``[1e-6, 1 - 1e-6]``.
- **AUC**: the probability that a recalled review got a higher prediction than a forgotten one (ties
  count one half), from the Mann-Whitney rank sum with average ranks for ties.
- **RMSE (bins)**: predictions are put in 20 equal-width bins over [0, 1]; in each non-empty bin the mean
  prediction is compared with the observed recall rate, and the squared gaps are averaged weighted by
  bin size: ``sqrt(sum_b n_b (mean_p_b - mean_y_b)^2 / N)`` (a calibration error).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

import numpy as np
from fsrs import Card, Rating, ReviewLog, Scheduler

BINS = 20
EPS = 1e-6


@dataclass(frozen=True)
class Metrics:
    """Prediction quality on a set of reviews."""

    log_loss: float
    auc: float
    rmse_bins: float
    reviews: int

    def to_dict(self) -> dict:
        return asdict(self)


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(np.asarray(p, dtype=float), EPS, 1 - EPS)
    y = np.asarray(y, dtype=float)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve (NaN when only one class is present)."""
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=bool)
    positives, negatives = int(y.sum()), int((~y).sum())
    if positives == 0 or negatives == 0:
        return float("nan")
    order = np.argsort(p, kind="mergesort")
    ranks = np.empty(len(p), dtype=float)
    sorted_p = p[order]
    start = 0
    while start < len(p):
        end = start
        while end + 1 < len(p) and sorted_p[end + 1] == sorted_p[start]:
            end += 1
        ranks[order[start : end + 1]] = (start + end) / 2 + 1  # average 1-based rank of the tie group
        start = end + 1
    rank_sum = ranks[y].sum()
    return float((rank_sum - positives * (positives + 1) / 2) / (positives * negatives))


def rmse_bins(p: np.ndarray, y: np.ndarray, bins: int = BINS) -> float:
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(p) == 0:
        return float("nan")
    index = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in np.unique(index):
        mask = index == b
        total += mask.sum() * (p[mask].mean() - y[mask].mean()) ** 2
    return float(np.sqrt(total / len(p)))


def metrics(p: np.ndarray, y: np.ndarray) -> Metrics:
    return Metrics(log_loss(p, y), auc(p, y), rmse_bins(p, y), int(len(p)))


def predictions(
    parameters: Sequence[float], logs: Sequence[ReviewLog], start_at: datetime | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Predicted recall probabilities and outcomes for the scored reviews (see the module docstring)."""
    scheduler = Scheduler(parameters=list(parameters), enable_fuzzing=False)
    by_card: dict[int, list[ReviewLog]] = defaultdict(list)
    for log in logs:
        by_card[log.card_id].append(log)
    p: list[float] = []
    y: list[int] = []
    for card_id, history in by_card.items():
        history.sort(key=lambda log: log.review_datetime)
        card = Card(card_id=card_id, due=history[0].review_datetime)
        for log in history:
            when = log.review_datetime
            if card.last_review is not None and (when - card.last_review).days > 0 and (
                start_at is None or when >= start_at
            ):
                p.append(float(scheduler.get_card_retrievability(card, when)))
                y.append(0 if log.rating == Rating.Again else 1)
            card, _ = scheduler.review_card(card, log.rating, when)
    return np.array(p, dtype=float), np.array(y, dtype=int)


def time_split(logs: Sequence[ReviewLog], test_fraction: float = 0.2) -> tuple[list, list, datetime]:
    """The oldest reviews for training, the most recent ``test_fraction`` held out; and the cut time."""
    ordered = sorted(logs, key=lambda log: log.review_datetime)
    cut = max(1, min(len(ordered) - 1, round(len(ordered) * (1 - test_fraction))))
    cut_time = ordered[cut].review_datetime
    train = [log for log in ordered if log.review_datetime < cut_time]
    test = [log for log in ordered if log.review_datetime >= cut_time]
    return train, test, cut_time
