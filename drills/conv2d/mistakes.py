import numpy as np


def _pair(v):
    return (v, v) if isinstance(v, int) else (int(v[0]), int(v[1]))


def _conv(x, w, b, stride, padding, dilation, groups, flip=False, ignore_groups=False, ignore_dilation=False):
    sh, sw = _pair(stride)
    ph, pw = _pair(padding)
    dh, dw = _pair(dilation)
    if ignore_dilation:
        dh = dw = 1
    if flip:
        w = w[:, :, ::-1, ::-1]
    n, c, h, wd = x.shape
    f, cg, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    oh = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    ow = (wd + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((n, f, oh, ow))
    fg = f // groups
    for fi in range(f):
        g = 0 if ignore_groups else fi // fg
        for i in range(oh):
            for j in range(ow):
                patch = xp[:, g * cg:(g + 1) * cg, i * sh:i * sh + dh * (kh - 1) + 1:dh,
                           j * sw:j * sw + dw * (kw - 1) + 1:dw]
                out[:, fi, i, j] = (patch * w[fi]).sum(axis=(1, 2, 3))
    if b is not None:
        out += b[None, :, None, None]
    return out


def flipped_kernel(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    return _conv(x, w, b, stride, padding, dilation, groups, flip=True)


def groups_ignored(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    return _conv(x, w, b, stride, padding, dilation, groups, ignore_groups=True)


def dilation_ignored(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    sh, sw = _pair(stride)
    ph, pw = _pair(padding)
    dh, dw = _pair(dilation)
    n, c, h, wd = x.shape
    f, cg, kh, kw = w.shape
    oh = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    ow = (wd + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    full = _conv(x, w, b, stride, padding, dilation, groups, ignore_dilation=True)
    return full[:, :, :oh, :ow]


MISTAKES = {
    "flipped_kernel": (flipped_kernel, "flips the kernel (true convolution); PyTorch's conv2d is a cross-correlation."),
    "groups_ignored": (groups_ignored, "every filter reads the first channel group instead of its own group."),
    "dilation_ignored": (dilation_ignored, "uses adjacent kernel taps, ignoring the dilation spacing."),
}
