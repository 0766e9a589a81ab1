"""PyTorch oracle for debug_sliding_window (tests only): SDPA with a band mask built from torch.triu/tril."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(q, k, v, window):
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float64)  # noqa: E731
    n = q.shape[-2]
    ones = torch.ones(n, n, dtype=torch.bool)
    band = torch.tril(ones) & torch.triu(ones, diagonal=-(window - 1))
    return F.scaled_dot_product_attention(t(q), t(k), t(v), attn_mask=band).numpy()
