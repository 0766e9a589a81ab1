"""Known wrong versions of StandardScaler, used to name what a failing submission got wrong."""

import numpy as np


class _Base:
    ddof = 0

    def _fit(self, X):
        self.mean_ = np.nanmean(X, axis=0)
        std = np.nanstd(X, axis=0, ddof=self.ddof)
        self.scale_ = np.where(std > 0, std, 1.0)

    def fit_transform(self, X):
        self._fit(X)
        return self.transform(X)

    def transform(self, X):
        return np.nan_to_num((X - self.mean_) / self.scale_, nan=0.0)


class RefitOnEveryCall(_Base):
    def transform(self, X):
        mean = np.nanmean(X, axis=0)
        std = np.nanstd(X, axis=0)
        return np.nan_to_num((X - mean) / np.where(std > 0, std, 1.0), nan=0.0)


class SampleStd(_Base):
    ddof = 1


class ZeroStdNotGuarded(_Base):
    def _fit(self, X):
        self.mean_ = np.nanmean(X, axis=0)
        self.scale_ = np.nanstd(X, axis=0)

    def transform(self, X):
        with np.errstate(divide="ignore", invalid="ignore"):
            z = (X - self.mean_) / self.scale_
        return np.where(np.isnan(X), 0.0, z)


class MissingKeptAsNan(_Base):
    def transform(self, X):
        return (X - self.mean_) / self.scale_


MISTAKES = {
    "refit_on_every_call": (
        RefitOnEveryCall,
        "transform recomputes the statistics from the data it is given (leakage); it must reuse the training ones.",
    ),
    "sample_std": (SampleStd, "Uses the sample standard deviation (ddof=1); the scaler uses ddof=0."),
    "zero_std_not_guarded": (
        ZeroStdNotGuarded,
        "A constant column is divided by a standard deviation of 0; its scale must be 1.",
    ),
    "missing_kept_as_nan": (
        MissingKeptAsNan,
        "Missing values stay NaN after scaling; they should become 0 (the training mean).",
    ),
}
