"""Reference for the warmup_cosine_lr drill: linear warmup, half-cosine decay, then a constant floor."""

import numpy as np


def warmup_cosine_lr(
    steps: np.ndarray, base_lr: float, warmup_steps: int, total_steps: int, min_lr: float = 0.0
) -> np.ndarray:
    """Return the learning rate at each step index (from 0), same shape as steps."""
    steps = np.asarray(steps, dtype=np.float64)
    warmup = base_lr * (steps + 1) / warmup_steps
    progress = np.clip((steps - warmup_steps) / (total_steps - warmup_steps), 0.0, 1.0)
    cosine = min_lr + (base_lr - min_lr) * 0.5 * (1 + np.cos(np.pi * progress))
    return np.where(steps < warmup_steps, warmup, cosine)
