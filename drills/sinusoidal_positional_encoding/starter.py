"""Sinusoidal positional encoding of the original Transformer."""

import numpy as np


def sinusoidal_positional_encoding(seq_len: int, d_model: int) -> np.ndarray:
    """Return the (seq_len, d_model) float64 matrix of sinusoidal positional encodings.

    PE[pos, 2i] = sin(pos / 10000^(2i / d_model)), PE[pos, 2i + 1] = cos(pos / 10000^(2i / d_model)),
    positions pos = 0 .. seq_len - 1. d_model may be odd (the last column is then a sine).
    """
    raise NotImplementedError
