"""Oracle for dpo_loss: F.logsigmoid on the implicit reward margin."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(pi_chosen, pi_rejected, ref_chosen, ref_rejected, beta=0.1) -> np.ndarray:
    """Return the DPO loss computed with PyTorch's own logsigmoid."""
    t = torch.from_numpy
    z = beta * ((t(pi_chosen) - t(ref_chosen)) - (t(pi_rejected) - t(ref_rejected)))
    return (-F.logsigmoid(z)).mean().numpy()
