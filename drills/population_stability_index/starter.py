"""Population stability index between a reference sample and a monitored sample of one feature."""

import numpy as np


def population_stability_index(
    expected: np.ndarray, actual: np.ndarray, bins: int = 10, eps: float = 1e-4
) -> float:
    """Return PSI = sum((p_a - p_e) * ln(p_a / p_e)) over quantile bins of `expected`."""
    raise NotImplementedError
