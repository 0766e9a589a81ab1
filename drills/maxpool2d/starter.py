"""2-D max pooling."""

import numpy as np


def maxpool2d(x: np.ndarray, kernel_size, stride=None, padding=0) -> np.ndarray:
    """Max pooling as torch.nn.functional.max_pool2d (dilation 1, floor mode).

    x: (N, C, H, W) float64. kernel_size, stride, padding: int or (h, w) pair; stride=None means
    stride = kernel_size. Padding is -inf. Returns (N, C, OH, OW), OH = (H + 2*ph - kh) // sh + 1.
    """
    raise NotImplementedError
