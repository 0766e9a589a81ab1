"""Oracle for mish_and_grad: torch.nn.functional.mish and its derivative from autograd."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(x) -> tuple[np.ndarray, np.ndarray]:
    """Return F.mish(x) and the autograd derivative as numpy arrays."""
    t = torch.tensor(x, requires_grad=True)
    y = F.mish(t)
    (grad,) = torch.autograd.grad(y.sum(), t)
    return y.detach().numpy(), grad.numpy()
