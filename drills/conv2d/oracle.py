import numpy as np
import torch
import torch.nn.functional as F


def oracle(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    t = lambda a: None if a is None else torch.from_numpy(np.asarray(a, dtype=np.float64))  # noqa: E731
    return F.conv2d(t(x), t(w), t(b), stride=stride, padding=padding, dilation=dilation, groups=groups).numpy()
