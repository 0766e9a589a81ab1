"""Wrong maxpool2d_backward implementations an interviewee commonly writes."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _pair(v):
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def _winners(x, kernel_size, stride):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    n, c = x.shape[:2]
    win = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    oh, ow = win.shape[2:4]
    arg = win.reshape(n, c, oh, ow, kh * kw).argmax(axis=-1)
    rows = np.arange(oh)[:, None] * sh + arg // kw
    cols = np.arange(ow)[None, :] * sw + arg % kw
    nn, cc = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
    return (nn[:, :, None, None], cc[:, :, None, None], rows, cols)


def assign_not_accumulate(x, dout, kernel_size, stride=None):
    dx = np.zeros_like(x)
    dx[_winners(x, kernel_size, stride)] = dout
    return dx


def spread_over_window(x, dout, kernel_size, stride=None):
    kh, kw = _pair(kernel_size)
    sh, sw = _pair(kernel_size if stride is None else stride)
    dx = np.zeros_like(x)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            dx[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw] += dout[:, :, i:i + 1, j:j + 1] / (kh * kw)
    return dx


def upsample_and_mask(x, dout, kernel_size, stride=None):
    kh, kw = _pair(kernel_size)
    n, c, oh, ow = dout.shape
    win = sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::kh, ::kw][:, :, :oh, :ow]
    pooled = win.max(axis=(-2, -1))
    up = np.repeat(np.repeat(pooled, kh, axis=2), kw, axis=3)
    g = np.repeat(np.repeat(dout, kh, axis=2), kw, axis=3)
    dx = np.zeros_like(x)
    h, w = min(up.shape[2], x.shape[2]), min(up.shape[3], x.shape[3])
    region = x[:, :, :h, :w]
    dx[:, :, :h, :w] = (region == up[:, :, :h, :w]) * g[:, :, :h, :w]
    return dx


MISTAKES = {
    "assign_not_accumulate": (assign_not_accumulate,
                              "Assigns (dx[idx] = g) instead of adding, so an input that wins several "
                              "overlapping windows keeps only one gradient."),
    "spread_over_window": (spread_over_window,
                           "Spreads each gradient evenly over its window (that is average pooling's "
                           "gradient); max pooling sends it only to the window's maximum."),
    "upsample_and_mask": (upsample_and_mask,
                          "Upsamples dout by the kernel size and masks where x equals the window max: "
                          "correct only when stride == kernel_size."),
}
