"""Reference for the dropout drill: inverted dropout driven by given uniform noise."""

import numpy as np


def dropout(x: np.ndarray, p: float, training: bool, u: np.ndarray) -> np.ndarray:
    """Inverted dropout: keep x where u >= p and scale kept values by 1 / (1 - p); identity in eval.

    Scaling at training time keeps E[output] = x, so evaluation needs no rescaling. p = 1 drops
    everything (zeros), as PyTorch does.
    """
    if not training or p == 0.0:
        return x.copy()
    if p == 1.0:
        return np.zeros_like(x)
    return np.where(u >= p, x / (1.0 - p), 0.0)
