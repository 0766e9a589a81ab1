"""Backward pass of 2-D max pooling."""

import numpy as np


def maxpool2d_backward(x: np.ndarray, dout: np.ndarray, kernel_size, stride=None) -> np.ndarray:
    """Return dL/dx for y = max_pool2d(x, kernel_size, stride) (no padding, floor mode).

    x: (N, C, H, W) float64, the forward input. dout: (N, C, OH, OW) float64, dL/dy.
    kernel_size, stride: int or (h, w) pair; stride=None means stride = kernel_size.
    Returns dx with x's shape.
    """
    raise NotImplementedError
