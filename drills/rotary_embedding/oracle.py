"""PyTorch oracle for rotary_embedding (tests only): complex multiplication, as LLaMA's reference code does."""

import numpy as np
import torch


def oracle(x, positions, base=10000.0):
    xt = torch.tensor(np.asarray(x), dtype=torch.float64)
    d = xt.shape[-1]
    freqs = 1.0 / (base ** (torch.arange(0, d, 2, dtype=torch.float64) / d))
    angles = torch.outer(torch.tensor(np.asarray(positions), dtype=torch.float64), freqs)
    rotation = torch.polar(torch.ones_like(angles), angles)
    pairs = torch.view_as_complex(xt.reshape(*xt.shape[:-1], d // 2, 2).contiguous())
    return torch.view_as_real(pairs * rotation).reshape(xt.shape).numpy()
