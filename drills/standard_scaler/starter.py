"""Standardize features with statistics learned from the training data only."""

import numpy as np


class StandardScaler:
    """Per-column standardization that ignores missing values and guards constant columns."""

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        """Learn mean_ and scale_ from X (ignoring NaN) and return X standardized, NaN filled with 0."""
        raise NotImplementedError

    def transform(self, X: np.ndarray) -> np.ndarray:
        """Standardize X with the stored mean_ and scale_; NaN becomes 0."""
        raise NotImplementedError
