"""Wrong sinusoidal_positional_encoding implementations an interviewee commonly writes."""

import numpy as np


def concatenated_halves(seq_len, d_model):
    half = (d_model + 1) // 2
    pos = np.arange(seq_len, dtype=np.float64)[:, None]
    freqs = np.power(10000.0, 2.0 * np.arange(half) / d_model)
    angles = pos / freqs
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1)[:, :d_model]


def column_index_exponent(seq_len, d_model):
    pos = np.arange(seq_len, dtype=np.float64)[:, None]
    j = np.arange(d_model)
    angles = pos / np.power(10000.0, 2.0 * j / d_model)
    return np.where(j % 2 == 0, np.sin(angles), np.cos(angles))


def cos_on_even(seq_len, d_model):
    pos = np.arange(seq_len, dtype=np.float64)[:, None]
    j = np.arange(d_model)
    angles = pos / np.power(10000.0, 2.0 * (j // 2) / d_model)
    return np.where(j % 2 == 0, np.cos(angles), np.sin(angles))


MISTAKES = {
    "concatenated_halves": (concatenated_halves, "Puts all sines in the first half and all cosines in the "
                                                 "second (a common variant); the paper interleaves them."),
    "column_index_exponent": (column_index_exponent, "Uses the column index j in the exponent (10000^(2j/d)); "
                                                     "each sin/cos pair shares i = j // 2."),
    "cos_on_even": (cos_on_even, "Swaps the roles: cosine on even columns, sine on odd."),
}
