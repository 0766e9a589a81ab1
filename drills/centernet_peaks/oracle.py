"""PyTorch oracle for the centernet_peaks drill (tests only): F.max_pool2d and torch.topk."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(heatmap, k):
    heat = torch.from_numpy(np.asarray(heatmap, dtype=np.float64))
    c, h, w = heat.shape
    pooled = F.max_pool2d(heat[None], kernel_size=3, stride=1, padding=1)[0]
    keep = heat == pooled
    scored = torch.where(keep, heat, torch.full_like(heat, float("-inf"))).reshape(-1)
    take = min(k, int(keep.sum()))
    scores, idx = torch.topk(scored, take)
    classes = torch.div(idx, h * w, rounding_mode="floor")
    rem = idx % (h * w)
    ys = torch.div(rem, w, rounding_mode="floor")
    return scores.numpy(), classes.numpy(), ys.numpy(), (rem % w).numpy()
