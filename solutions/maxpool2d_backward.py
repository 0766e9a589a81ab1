"""Reference for the maxpool2d_backward drill: the gradient of 2-D max pooling with respect to its input."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def maxpool2d_backward(x: np.ndarray, dout: np.ndarray, kernel_size, stride=None) -> np.ndarray:
    """Gradient dL/dx of y = max_pool2d(x, kernel_size, stride) given dout = dL/dy; shape of x.

    Each output's gradient flows to the single input that won its window; when windows overlap
    (stride < kernel) an input that wins several windows receives the sum of their gradients.
    No padding; stride defaults to kernel_size.
    """
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    n, c, _, _ = x.shape
    windows = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    oh, ow = windows.shape[2], windows.shape[3]
    flat_arg = windows.reshape(n, c, oh, ow, kh * kw).argmax(axis=-1)
    rows = np.arange(oh)[:, None] * sh + flat_arg // kw
    cols = np.arange(ow)[None, :] * sw + flat_arg % kw
    nn, cc = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
    dx = np.zeros_like(x)
    np.add.at(dx, (nn[:, :, None, None], cc[:, :, None, None], rows, cols), dout)
    return dx
