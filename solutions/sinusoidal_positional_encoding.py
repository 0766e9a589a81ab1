"""Reference for the sinusoidal_positional_encoding drill ("Attention Is All You Need", section 3.5)."""

import numpy as np


def sinusoidal_positional_encoding(seq_len: int, d_model: int) -> np.ndarray:
    """Sinusoidal positional encodings, shape (seq_len, d_model), float64.

    PE[pos, 2i] = sin(pos / 10000^(2i / d_model)) and PE[pos, 2i + 1] = cos(pos / 10000^(2i / d_model)):
    column j uses the frequency of its pair index i = j // 2. An odd d_model ends with a sine column.
    """
    pos = np.arange(seq_len, dtype=np.float64)[:, None]
    pair = (np.arange(d_model) // 2).astype(np.float64)
    angles = pos / np.power(10000.0, 2.0 * pair / d_model)[None, :]
    return np.where(np.arange(d_model) % 2 == 0, np.sin(angles), np.cos(angles))
