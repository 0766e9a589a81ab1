import numpy as np


def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step as torch.optim.Adam; t starts at 1. Returns (param, m, v)."""
    raise NotImplementedError
