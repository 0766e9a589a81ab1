"""Reference for the standard_scaler drill: NaN-aware standardization fitted on training data only."""

import numpy as np


class StandardScaler:
    """Per-column standardization that ignores missing values and guards constant columns."""

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        """Learn mean_ and scale_ from X (ignoring NaN) and return X standardized, NaN filled with 0."""
        self.mean_ = np.nanmean(X, axis=0)
        std = np.nanstd(X, axis=0)
        self.scale_ = np.where(std > 0, std, 1.0)
        return self.transform(X)

    def transform(self, X: np.ndarray) -> np.ndarray:
        """Standardize X with the stored mean_ and scale_; NaN becomes 0."""
        return np.nan_to_num((X - self.mean_) / self.scale_, nan=0.0)
