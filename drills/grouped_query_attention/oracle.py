"""PyTorch oracle for grouped_query_attention (tests only): SDPA with enable_gqa."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(q, k, v, causal=False):
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float64)  # noqa: E731
    return F.scaled_dot_product_attention(t(q), t(k), t(v), is_causal=causal, enable_gqa=True).numpy()
