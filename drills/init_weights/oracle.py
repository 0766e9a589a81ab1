"""PyTorch oracle for init_weights (tests only): torch.nn.init's own fan and gain helpers."""

import math

import numpy as np
import torch


def oracle(shape, scheme, noise):
    fan_in, fan_out = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(tuple(shape)))
    if scheme.startswith("xavier"):
        std = math.sqrt(2.0 / float(fan_in + fan_out))
    else:
        std = torch.nn.init.calculate_gain("relu") / math.sqrt(fan_in)
    if scheme.endswith("uniform"):
        return (2.0 * np.asarray(noise) - 1.0) * math.sqrt(3.0) * std
    return std * np.asarray(noise)
