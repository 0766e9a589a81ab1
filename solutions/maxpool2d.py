"""Reference for the maxpool2d drill: 2-D max pooling as torch.nn.functional.max_pool2d."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def maxpool2d(x: np.ndarray, kernel_size, stride=None, padding=0) -> np.ndarray:
    """Max pooling of x (N, C, H, W) -> (N, C, OH, OW).

    kernel_size, stride, padding: an int or an (h, w) pair; stride defaults to kernel_size. Padding is
    implicit -inf (padded positions never win). OH = floor((H + 2 * ph - kh) / sh) + 1 (floor mode).
    """
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=-np.inf)
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    return windows.max(axis=(-2, -1))
