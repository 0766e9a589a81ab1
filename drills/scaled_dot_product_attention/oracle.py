import numpy as np
import torch
import torch.nn.functional as F


def oracle(q, k, v, mask=None):
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float64)  # noqa: E731
    m = None if mask is None else torch.tensor(np.asarray(mask), dtype=torch.bool)
    return F.scaled_dot_product_attention(t(q), t(k), t(v), attn_mask=m).numpy()
