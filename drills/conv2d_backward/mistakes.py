"""Wrong conv2d_backward implementations an interviewee commonly writes."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _pair(v):
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def _grads(x, w, dout, stride, padding, flip=False, crop=True, use_stride_in_dx=True):
    sh, sw = _pair(stride)
    ph, pw = _pair(padding)
    _, _, kh, kw = w.shape
    _, _, oh, ow = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    win = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw][:, :, :oh, :ow]
    dw = np.einsum("nfij,ncijab->fcab", dout, win)
    dxp = np.zeros_like(xp)
    ksrc = w[:, :, ::-1, ::-1] if flip else w
    dh, dwid = (sh, sw) if use_stride_in_dx else (1, 1)
    for a in range(kh):
        for e in range(kw):
            dxp[:, :, a:a + dh * oh:dh, e:e + dwid * ow:dwid] += np.einsum("nfij,fc->ncij", dout, ksrc[:, :, a, e])
    dx = dxp[:, :, ph:ph + x.shape[2], pw:pw + x.shape[3]] if crop else dxp
    return dx, dw, dout.sum(axis=(0, 2, 3))


def padding_not_cropped(x, w, dout, stride=1, padding=0):
    return _grads(x, w, dout, stride, padding, crop=False)


def kernel_flipped_in_dx(x, w, dout, stride=1, padding=0):
    return _grads(x, w, dout, stride, padding, flip=True)


def stride_ignored_in_dx(x, w, dout, stride=1, padding=0):
    return _grads(x, w, dout, stride, padding, use_stride_in_dx=False)


MISTAKES = {
    "padding_not_cropped": (padding_not_cropped, "Returns the gradient of the padded input; the padding rows "
                                                 "and columns must be cut off so dx has x's shape."),
    "kernel_flipped_in_dx": (kernel_flipped_in_dx, "Flips the kernel while scattering dout back; flipping "
                                                   "belongs to the 'full convolution' formulation, not to the "
                                                   "scatter, which uses w as it is."),
    "stride_ignored_in_dx": (stride_ignored_in_dx, "Scatters dout back as if the stride were 1; output (i, j) "
                                                   "came from input rows i*stride + a."),
}
