"""PyTorch oracle for the clip_grad_norm drill (tests only): torch.nn.utils.clip_grad_norm_."""

import numpy as np
import torch


def oracle(grads, max_norm):
    params = []
    for g in grads:
        p = torch.nn.Parameter(torch.zeros(np.shape(g), dtype=torch.float64))
        p.grad = torch.tensor(np.asarray(g, dtype=np.float64))
        params.append(p)
    total = torch.nn.utils.clip_grad_norm_(params, max_norm)
    return [p.grad.numpy().copy() for p in params], float(total)
