"""Oracle for group_norm: torch.nn.functional.group_norm."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(x, num_groups, gamma, beta, eps=1e-5) -> np.ndarray:
    """Return F.group_norm's output as a numpy array."""
    t = torch.from_numpy
    return F.group_norm(t(x), num_groups, t(gamma), t(beta), eps).numpy()
