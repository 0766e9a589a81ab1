import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    """2-D convolution as torch.nn.functional.conv2d.

    x: (N, C, H, W); w: (F, C // groups, KH, KW); b: (F,) or None.
    stride, padding, dilation: int or (h, w) pair. Returns (N, F, OH, OW).
    """
    raise NotImplementedError
