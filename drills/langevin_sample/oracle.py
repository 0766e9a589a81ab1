"""Oracle for langevin_sample: the same dynamics with the gradient taken by torch.autograd."""

import numpy as np
import torch


def oracle(x0, A, b, step_size, noise) -> np.ndarray:
    """Run the Langevin steps, differentiating E(x) = 0.5 x^T A x + b^T x with autograd."""
    a, lin = torch.from_numpy(A), torch.from_numpy(b)
    x = torch.from_numpy(x0)
    for k in range(noise.shape[0]):
        x = x.detach().requires_grad_(True)
        energy = 0.5 * torch.einsum("nd,de,ne->", x, a, x) + (x @ lin).sum()
        (grad,) = torch.autograd.grad(energy, x)
        x = x - step_size / 2 * grad + np.sqrt(step_size) * torch.from_numpy(noise[k])
    return x.detach().numpy()
