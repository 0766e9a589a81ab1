"""Reference for rotary_embedding: rotate adjacent feature pairs by position-dependent angles."""

import numpy as np


def rotary_embedding(x: np.ndarray, positions: np.ndarray, base: float = 10000.0) -> np.ndarray:
    """RoPE with the interleaved (adjacent pairs) convention; x (..., T, D), positions (T,)."""
    d = x.shape[-1]
    theta = base ** (-np.arange(0, d, 2) / d)
    angles = positions[:, None].astype(np.float64) * theta[None, :]
    cos, sin = np.cos(angles), np.sin(angles)
    a, b = x[..., 0::2], x[..., 1::2]
    out = np.empty_like(x)
    out[..., 0::2] = a * cos - b * sin
    out[..., 1::2] = a * sin + b * cos
    return out
