"""Adam optimizer object that keeps its state across steps."""

import numpy as np


class Adam:
    """Adam over a list of numpy parameters, as torch.optim.Adam (no weight decay)."""

    def __init__(
        self, params: list[np.ndarray], lr: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8
    ) -> None:
        raise NotImplementedError

    def step(self, grads: list[np.ndarray]) -> list[np.ndarray]:
        """Apply one step with grads (one per parameter); return the updated parameters as a list."""
        raise NotImplementedError
