"""Reference for the early_stopping drill: patience and min_delta bookkeeping as in Keras and Lightning."""

import math


class EarlyStopping:
    """Tracks the best value and the epochs since it improved; step() says when to stop."""

    def __init__(self, patience: int, min_delta: float = 0.0, mode: str = "min") -> None:
        if mode not in ("min", "max"):
            raise ValueError(f"mode must be 'min' or 'max', not {mode!r}")
        self.patience = patience
        self.min_delta = min_delta
        self.mode = mode
        self.best = math.inf if mode == "min" else -math.inf
        self.bad_epochs = 0

    def step(self, value: float) -> bool:
        """Record one epoch's metric; return True when training should stop now."""
        threshold = self.best - self.min_delta if self.mode == "min" else self.best + self.min_delta
        improved = value < threshold if self.mode == "min" else value > threshold
        if improved:
            self.best = value
            self.bad_epochs = 0
        else:
            self.bad_epochs += 1
        return self.bad_epochs >= self.patience
