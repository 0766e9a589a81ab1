"""Wrong maxpool2d implementations an interviewee commonly writes."""

import math

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _pair(v):
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def _pool(x, k, s, p, pad_value):
    kh, kw = _pair(k)
    sh, sw = _pair(s)
    ph, pw = _pair(p)
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=pad_value)
    return sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw].max(axis=(-2, -1))


def zero_padding(x, kernel_size, stride=None, padding=0):
    return _pool(x, kernel_size, kernel_size if stride is None else stride, padding, 0.0)


def default_stride_one(x, kernel_size, stride=None, padding=0):
    return _pool(x, kernel_size, 1 if stride is None else stride, padding, -np.inf)


def ceil_mode(x, kernel_size, stride=None, padding=0):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    ph, pw = _pair(padding)
    n, c, h, w = x.shape
    oh = math.ceil((h + 2 * ph - kh) / sh) + 1
    ow = math.ceil((w + 2 * pw - kw) / sw) + 1
    xp = np.full((n, c, h + 2 * ph + kh, w + 2 * pw + kw), -np.inf)
    xp[:, :, ph:ph + h, pw:pw + w] = x
    out = np.empty((n, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[:, :, i, j] = xp[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw].max(axis=(2, 3))
    return out


MISTAKES = {
    "zero_padding": (zero_padding, "Pads with zeros instead of -inf, so a padded 0 beats all-negative windows."),
    "default_stride_one": (default_stride_one, "Uses stride 1 when stride is None; PyTorch's default stride "
                                               "is kernel_size."),
    "ceil_mode": (ceil_mode, "Rounds the output size up (ceil) instead of down, adding a partial window at "
                             "the border."),
}
