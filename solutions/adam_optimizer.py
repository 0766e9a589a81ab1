"""Reference for the adam_optimizer drill: an Adam optimizer object keeping m, v and t across steps."""

import numpy as np


class Adam:
    """Adam as torch.optim.Adam (no weight decay, no amsgrad) over a list of numpy parameters."""

    def __init__(
        self, params: list[np.ndarray], lr: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8
    ) -> None:
        self.params = [np.array(p, dtype=np.float64) for p in params]
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]
        self.t = 0

    def step(self, grads: list[np.ndarray]) -> list[np.ndarray]:
        """Apply one Adam step with ``grads`` (one per parameter); return copies of the updated parameters."""
        self.t += 1
        correction1 = 1 - self.beta1**self.t
        correction2 = 1 - self.beta2**self.t
        for i, g in enumerate(grads):
            self.m[i] = self.beta1 * self.m[i] + (1 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1 - self.beta2) * g * g
            m_hat = self.m[i] / correction1
            v_hat = self.v[i] / correction2
            self.params[i] = self.params[i] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return [p.copy() for p in self.params]
