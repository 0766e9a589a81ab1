"""Reference for the clip_grad_norm drill: global L2 gradient-norm clipping."""

import numpy as np


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> tuple[list[np.ndarray], float]:
    """Scale every gradient by one common factor so the global L2 norm is at most max_norm.

    As torch.nn.utils.clip_grad_norm_: total = sqrt(sum over all arrays of sum(g**2)),
    coef = min(1, max_norm / (total + 1e-6)); returns ([g * coef, ...], total) with total measured
    before clipping. One common factor preserves the direction of the full gradient.
    """
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    coef = min(1.0, max_norm / (total + 1e-6))
    return [g * coef for g in grads], total
