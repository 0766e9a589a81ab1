"""Learning-rate schedule: linear warmup, then cosine decay to a floor."""

import numpy as np


def warmup_cosine_lr(
    steps: np.ndarray, base_lr: float, warmup_steps: int, total_steps: int, min_lr: float = 0.0
) -> np.ndarray:
    """Return the learning rate at each step index (from 0), same shape as steps."""
    raise NotImplementedError
