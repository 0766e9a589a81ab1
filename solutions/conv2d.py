"""Reference 2-D convolution (cross-correlation, as PyTorch computes it) in numpy."""

import numpy as np


def _pair(value):
    return (value, value) if isinstance(value, int) else (int(value[0]), int(value[1]))


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    """x (N, C, H, W), w (F, C // groups, KH, KW), b (F,) or None -> (N, F, OH, OW)."""
    sh, sw = _pair(stride)
    ph, pw = _pair(padding)
    dh, dw = _pair(dilation)
    n, c, h, wd = x.shape
    f, cg, kh, kw = w.shape
    fg = f // groups
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    oh = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    ow = (wd + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((n, f, oh, ow), dtype=np.result_type(x, w))
    for ki in range(kh):
        for kj in range(kw):
            rows = slice(ki * dh, ki * dh + sh * (oh - 1) + 1, sh)
            cols = slice(kj * dw, kj * dw + sw * (ow - 1) + 1, sw)
            patch = xp[:, :, rows, cols]  # (N, C, OH, OW)
            for g in range(groups):
                xs = patch[:, g * cg:(g + 1) * cg]
                ws = w[g * fg:(g + 1) * fg, :, ki, kj]  # (Fg, Cg)
                out[:, g * fg:(g + 1) * fg] += np.einsum("nchw,fc->nfhw", xs, ws)
    if b is not None:
        out += b[None, :, None, None]
    return out
