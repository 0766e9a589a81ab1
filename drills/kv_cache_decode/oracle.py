"""PyTorch oracle for kv_cache_decode (tests only): F.scaled_dot_product_attention over the grown cache."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(x, w_q, w_k, w_v, w_o, k_cache, v_cache, num_heads):
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float64)  # noqa: E731
    b, e = x.shape
    d = e // num_heads
    proj = [(t(x) @ t(w).T).view(b, num_heads, d).unsqueeze(2) for w in (w_q, w_k, w_v)]
    keys = torch.cat([t(k_cache), proj[1]], dim=2)
    values = torch.cat([t(v_cache), proj[2]], dim=2)
    attended = F.scaled_dot_product_attention(proj[0], keys, values)
    out = attended.reshape(b, e) @ t(w_o).T
    return out.numpy(), keys.numpy(), values.numpy()
