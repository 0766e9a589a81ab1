"""Backward pass of a 2-D convolution layer."""

import numpy as np


def conv2d_backward(x: np.ndarray, w: np.ndarray, dout: np.ndarray, stride=1,
                    padding=0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (dx, dw, db) for y = torch.nn.functional.conv2d(x, w, b, stride, padding).

    x: (N, C, H, W) float64. w: (F, C, KH, KW). dout: (N, F, OH, OW) = dL/dy.
    stride, padding: int or (h, w) pair; zero padding; no dilation, no groups.
    Returns dx like x, dw like w, db of shape (F,).
    """
    raise NotImplementedError
