"""Reference for the population_stability_index drill: quantile bins of the reference sample, floored shares."""

import numpy as np


def population_stability_index(
    expected: np.ndarray, actual: np.ndarray, bins: int = 10, eps: float = 1e-4
) -> float:
    """Return PSI = sum((p_a - p_e) * ln(p_a / p_e)) over quantile bins of `expected`."""
    edges = np.quantile(expected, np.arange(1, bins) / bins)

    def shares(sample: np.ndarray) -> np.ndarray:
        index = np.searchsorted(edges, sample, side="right")
        return np.maximum(np.bincount(index, minlength=bins) / len(sample), eps)

    p_e, p_a = shares(expected), shares(actual)
    return float(np.sum((p_a - p_e) * np.log(p_a / p_e)))
