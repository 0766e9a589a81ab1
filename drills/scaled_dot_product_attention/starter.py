import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    """softmax(q @ k^T / sqrt(D), masked where mask is False) @ v; shapes (..., L, D)."""
    raise NotImplementedError
