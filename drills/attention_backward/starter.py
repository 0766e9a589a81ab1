"""Backward pass of scaled dot-product attention."""

import numpy as np


def attention_backward(q: np.ndarray, k: np.ndarray, v: np.ndarray, grad_out: np.ndarray, causal: bool = False):
    """Return (dq, dk, dv) for O = softmax(Q K^T / sqrt(D) + mask) V.

    q (..., L, D), k (..., S, D), v (..., S, Dv), grad_out (..., L, Dv); causal needs L == S.
    """
    raise NotImplementedError
