"""Known wrong versions of the EarlyStopping class, used to name what a failing submission got wrong."""

import math


class _Base:
    def __init__(self, patience, min_delta=0.0, mode="min"):
        self.patience, self.min_delta, self.mode = patience, min_delta, mode
        self.best = math.inf if mode == "min" else -math.inf
        self.bad_epochs = 0

    def _improved(self, value, delta):
        return value < self.best - delta if self.mode == "min" else value > self.best + delta

    def _stop(self):
        return self.bad_epochs >= self.patience

    def step(self, value):
        if self._improved(value, self.min_delta):
            self.best, self.bad_epochs = value, 0
        else:
            self.bad_epochs += 1
        return self._stop()


class MinDeltaIgnored(_Base):
    def step(self, value):
        if self._improved(value, 0.0):
            self.best, self.bad_epochs = value, 0
        else:
            self.bad_epochs += 1
        return self._stop()


class EqualCountsAsImprovement(_Base):
    def _improved(self, value, delta):
        return value <= self.best - delta if self.mode == "min" else value >= self.best + delta


class PatienceOffByOne(_Base):
    def _stop(self):
        return self.bad_epochs > self.patience


class CountNotReset(_Base):
    def step(self, value):
        if self._improved(value, self.min_delta):
            self.best = value
        else:
            self.bad_epochs += 1
        return self._stop()


class BestFollowsSmallGains(_Base):
    def step(self, value):
        if self._improved(value, self.min_delta):
            self.bad_epochs = 0
        else:
            self.bad_epochs += 1
        if self._improved(value, 0.0):
            self.best = value
        return self._stop()


MISTAKES = {
    "min_delta_ignored": (MinDeltaIgnored, "Any gain counts as an improvement; it must exceed min_delta."),
    "equal_counts_as_improvement": (
        EqualCountsAsImprovement,
        "A value equal to the best resets the count; only a strict improvement does.",
    ),
    "patience_off_by_one": (
        PatienceOffByOne,
        "Stops only after patience + 1 bad epochs; it should stop when bad_epochs reaches patience.",
    ),
    "count_not_reset": (CountNotReset, "The bad-epoch count is not reset to 0 when the metric improves."),
    "best_follows_small_gains": (
        BestFollowsSmallGains,
        "best moves on gains smaller than min_delta, so a slow drift never counts as an improvement.",
    ),
}
