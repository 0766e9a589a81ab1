"""Fit FSRS parameters to the learner's own review history (``dlprep optimize``).

The most recent 20% of ratings (by time) are held out; the FSRS optimizer (``fsrs[optimizer]``, torch)
fits on the older 80%; both the default and the fitted parameters then predict the held-out reviews
(:mod:`dlprep.reports.fit_metrics`). The fitted parameters are kept, as a JSON list in the settings key
``fsrs_parameters`` that the scheduler reads, only when their hold-out log loss is lower than the
default's (and than the currently stored parameters', if any). Needs at least :data:`MIN_REVIEWS` ratings.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from fsrs import Rating, ReviewLog
from fsrs.scheduler import DEFAULT_PARAMETERS

from dlprep.errors import DlprepError
from dlprep.reports.fit_metrics import Metrics, metrics, predictions, time_split
from dlprep.store import Store

MIN_REVIEWS = 512
SETTING = "fsrs_parameters"
TEST_FRACTION = 0.2


class NotEnoughReviews(DlprepError):
    """Fewer ratings than the optimizer needs; the message says how many are missing."""

    def __init__(self, have: int, spaced: int | None = None) -> None:
        self.have, self.missing = have, MIN_REVIEWS - have
        if spaced is None:
            text = (f"the optimizer needs at least {MIN_REVIEWS} reviews; you have {have}, "
                    f"{self.missing} more to go")
        else:
            self.missing = MIN_REVIEWS - spaced
            text = (f"the optimizer learns from reviews that come a day or more after the card's previous "
                    f"one, and needs {MIN_REVIEWS} of them among your older reviews (the most recent "
                    f"{TEST_FRACTION:.0%} are kept for testing); you have {spaced}, {self.missing} more to go")
        super().__init__(text + " (the default parameters stay in use)")


@dataclass
class FitResult:
    """Default vs fitted parameters on a time-ordered hold-out."""

    default: Metrics
    fitted: Metrics
    parameters: list[float]
    train_reviews: int
    test_reviews: int
    fit_seconds: float
    current: Metrics | None = None
    train_default: Metrics | None = None
    train_fitted: Metrics | None = None
    kept: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def better(self) -> bool:
        return self.fitted.log_loss < self.default.log_loss

    def to_dict(self) -> dict:
        out = {
            "default": _metric_dict(self.default),
            "fitted": _metric_dict(self.fitted),
            "train_reviews": self.train_reviews,
            "test_reviews": self.test_reviews,
            "test_predictions": self.fitted.reviews,
            "fit_seconds": round(self.fit_seconds, 2),
            "parameters": self.parameters,
            "kept": self.kept,
        }
        if self.current is not None:
            out["current"] = _metric_dict(self.current)
        if self.train_default is not None and self.train_fitted is not None:
            out["in_sample"] = {"default": _metric_dict(self.train_default),
                                "fitted": _metric_dict(self.train_fitted)}
        return out


def _metric_dict(m: Metrics) -> dict:
    """Metrics as JSON-ready numbers (NaN, e.g. AUC with one outcome class only, becomes null)."""

    def clean(x: float) -> float | None:
        return None if math.isnan(x) else x

    return {"log_loss": clean(m.log_loss), "auc": clean(m.auc), "rmse_bins": clean(m.rmse_bins)}


def fit_parameters(train: Sequence[ReviewLog]) -> list[float]:
    """Run the FSRS optimizer (imports torch) on the training reviews."""
    try:
        from fsrs.optimizer import Optimizer
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise DlprepError(f"the FSRS optimizer is not installed ({exc}); pip install 'fsrs[optimizer]'") from None
    optimizer = Optimizer(list(train))
    return [float(x) for x in optimizer.compute_optimal_parameters()]


def evaluate(
    logs: Sequence[ReviewLog], *, test_fraction: float = TEST_FRACTION,
    current: Sequence[float] | None = None,
) -> FitResult:
    """Fit on the older reviews, compare default and fitted (and ``current``) on the most recent ones."""
    train, test, cut = time_split(logs, test_fraction)
    started = time.perf_counter()
    fitted = fit_parameters(train)
    seconds = time.perf_counter() - started
    every = list(train) + list(test)
    result = FitResult(
        default=metrics(*predictions(DEFAULT_PARAMETERS, every, cut)),
        fitted=metrics(*predictions(fitted, every, cut)),
        parameters=fitted,
        train_reviews=len(train),
        test_reviews=len(test),
        fit_seconds=seconds,
    )
    if current is not None:
        result.current = metrics(*predictions(current, every, cut))
    result.train_default = metrics(*predictions(DEFAULT_PARAMETERS, train))
    result.train_fitted = metrics(*predictions(fitted, train))
    if list(fitted) == [float(x) for x in DEFAULT_PARAMETERS]:
        result.notes.append("the optimizer found too few reviews a day or more apart and returned the defaults")
    return result


def review_logs(store: Store) -> list[ReviewLog]:
    """Every rating in the store as fsrs ReviewLogs (our string card ids mapped to integers)."""
    from dlprep.reports.rows import parse_time

    numbers: dict[str, int] = {}
    logs = []
    for row in store.query("SELECT card_id, rating, reviewed_at, duration_ms FROM reviews ORDER BY id"):
        if row["rating"] not in (1, 2, 3, 4):
            continue
        number = numbers.setdefault(row["card_id"], len(numbers) + 1)
        logs.append(ReviewLog(number, Rating(row["rating"]), parse_time(row["reviewed_at"]), row["duration_ms"]))
    return logs


def stored_parameters(store: Store) -> list[float] | None:
    """The parameters in the ``fsrs_parameters`` setting, or ``None`` if unset or unreadable."""
    raw = store.get_setting(SETTING)
    if raw is None:
        return None
    try:
        values = json.loads(raw)
    except ValueError:
        return None
    if isinstance(values, list) and len(values) == len(DEFAULT_PARAMETERS) and all(
        isinstance(v, int | float) for v in values
    ):
        return [float(v) for v in values]
    return None


def optimize_store(store: Store, now: datetime | None = None) -> FitResult:
    """Fit, compare and keep the fitted parameters when they predict the held-out reviews better.

    Raises :class:`NotEnoughReviews` with fewer than 512 ratings.
    """
    logs = review_logs(store)
    if now is not None:
        logs = [log for log in logs if log.review_datetime <= now]
    if len(logs) < MIN_REVIEWS:
        raise NotEnoughReviews(len(logs))
    train, _test, _cut = time_split(logs, TEST_FRACTION)
    spaced = len(predictions(DEFAULT_PARAMETERS, train)[0])
    if spaced < MIN_REVIEWS:
        raise NotEnoughReviews(len(logs), spaced)
    current = stored_parameters(store)
    result = evaluate(logs, current=current)
    beats_current = result.current is None or result.fitted.log_loss < result.current.log_loss
    if result.better and beats_current:
        store.set_setting(SETTING, json.dumps(result.parameters))
        result.kept = True
    return result
