"""PyTorch oracle for top_k_top_p_filter (tests only), written the way common generation code does it:
torch.topk for top-k, then an ascending sort with "remove while cumulative mass <= 1 - top_p"."""

import numpy as np
import torch


def oracle(logits, top_k=0, top_p=1.0):
    x = torch.tensor(np.asarray(logits), dtype=torch.float64)
    if 0 < top_k < x.shape[-1]:
        threshold = torch.topk(x, top_k, dim=-1).values[..., -1, None]
        x = x.masked_fill(x < threshold, float("-inf"))
    if top_p < 1.0:
        sorted_logits, sorted_idx = torch.sort(x, descending=False, dim=-1)
        cum = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
        remove_sorted = cum <= (1 - top_p)
        remove_sorted[..., -1] = False
        remove = remove_sorted.scatter(-1, sorted_idx, remove_sorted)
        x = x.masked_fill(remove, float("-inf"))
    return x.numpy()
