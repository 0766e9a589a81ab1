"""Oracle for depthwise_separable_conv: two torch.nn.functional.conv2d calls (groups=C, then 1x1)."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(x, w_depth, w_point, b_depth=None, b_point=None, stride=1, padding=0) -> np.ndarray:
    """Return F.conv2d(F.conv2d(x, w_depth, groups=C, ...), w_point, ...) as a numpy array."""
    def t(a):
        return None if a is None else torch.from_numpy(a)

    depth = F.conv2d(t(x), t(w_depth), t(b_depth), stride=stride, padding=padding, groups=x.shape[1])
    return F.conv2d(depth, t(w_point), t(b_point)).numpy()
