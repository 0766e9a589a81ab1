"""Reference for the conv2d_backward drill: gradients of a 2-D convolution (cross-correlation) layer."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def conv2d_backward(x: np.ndarray, w: np.ndarray, dout: np.ndarray, stride=1,
                    padding=0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dw, db) of y = conv2d(x, w, b, stride, padding) given dout = dL/dy.

    Forward: y[n, f, i, j] = b[f] + sum_{c, a, e} x_pad[n, c, i*sh + a, j*sw + e] * w[f, c, a, e].
    dw correlates the input windows with dout; dx scatters dout back through every kernel tap (the
    transposed convolution) and then drops the padding; db sums dout over batch and positions.
    """
    sh, sw = _pair(stride)
    ph, pw = _pair(padding)
    _, _, kh, kw = w.shape
    _, _, oh, ow = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    windows = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw][:, :, :oh, :ow]
    dw = np.einsum("nfij,ncijab->fcab", dout, windows)
    dxp = np.zeros_like(xp)
    for a in range(kh):
        for e in range(kw):
            dxp[:, :, a:a + sh * oh:sh, e:e + sw * ow:sw] += np.einsum("nfij,fc->ncij", dout, w[:, :, a, e])
    dx = dxp[:, :, ph:ph + x.shape[2], pw:pw + x.shape[3]]
    return dx, dw, dout.sum(axis=(0, 2, 3))
