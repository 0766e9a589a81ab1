import numpy as np
import torch
import torch.nn.functional as F


def oracle(x, gamma, beta, eps=1e-5):
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float64)  # noqa: E731
    return F.layer_norm(t(x), (np.asarray(x).shape[-1],), t(gamma), t(beta), eps).numpy()
