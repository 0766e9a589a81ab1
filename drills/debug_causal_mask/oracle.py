"""PyTorch oracle for debug_causal_mask (tests only): F.scaled_dot_product_attention with is_causal."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(x, w_qkv, w_o, num_heads):
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float64)  # noqa: E731
    b, n, e = x.shape
    q, k, v = (t(x) @ t(w_qkv).T).split(e, dim=-1)
    q, k, v = (z.view(b, n, num_heads, e // num_heads).transpose(1, 2) for z in (q, k, v))
    out = F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(1, 2).reshape(b, n, e)
    return (out @ t(w_o).T).numpy()
