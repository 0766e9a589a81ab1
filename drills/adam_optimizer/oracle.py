"""Oracle for adam_optimizer: torch.optim.Adam stepping real parameters."""

import numpy as np
import torch


class oracle:  # noqa: N801 - the drill format names the oracle entry point `oracle`
    """Wraps torch.optim.Adam; takes and returns numpy arrays."""

    def __init__(self, params, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8) -> None:
        self.params = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in params]
        self.opt = torch.optim.Adam(self.params, lr=lr, betas=(beta1, beta2), eps=eps)

    def step(self, grads: list[np.ndarray]) -> list[np.ndarray]:
        for p, g in zip(self.params, grads, strict=True):
            p.grad = torch.tensor(g, dtype=torch.float64)
        self.opt.step()
        return [p.detach().numpy().copy() for p in self.params]
