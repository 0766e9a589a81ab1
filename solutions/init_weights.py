"""Reference for init_weights: PyTorch's fan computation and the Xavier / He standard deviations."""

import math

import numpy as np


def init_weights(shape: tuple, scheme: str, noise: np.ndarray) -> np.ndarray:
    """Weights of `shape` from the given noise; uniform bound = sqrt(3) * std."""
    receptive = math.prod(shape[2:])
    fan_in, fan_out = shape[1] * receptive, shape[0] * receptive
    family, distribution = scheme.split("_")
    std = math.sqrt(2.0 / (fan_in + fan_out)) if family == "xavier" else math.sqrt(2.0 / fan_in)
    if distribution == "uniform":
        return (2.0 * noise - 1.0) * math.sqrt(3.0) * std
    return std * noise
