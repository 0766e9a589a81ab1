"""Gradient clipping by global norm."""

import numpy as np


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> tuple[list[np.ndarray], float]:
    """Clip a list of gradients by their global L2 norm, as torch.nn.utils.clip_grad_norm_.

    grads: list of float64 arrays of any shapes (one per parameter). max_norm: float > 0.
    Returns (clipped, total_norm): clipped is a list of arrays with the same shapes, total_norm the
    global norm before clipping as a float.
    """
    raise NotImplementedError
