"""PyTorch oracle for focal_loss (tests only), written as torchvision.ops.sigmoid_focal_loss computes it."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(logits, targets, alpha=0.25, gamma=2.0):
    x = torch.tensor(np.asarray(logits), dtype=torch.float64)
    y = torch.tensor(np.asarray(targets), dtype=torch.float64)
    p = torch.sigmoid(x)
    ce = F.binary_cross_entropy_with_logits(x, y, reduction="none")
    p_t = p * y + (1 - p) * (1 - y)
    loss = ce * ((1 - p_t) ** gamma)
    loss = (alpha * y + (1 - alpha) * (1 - y)) * loss
    return float(loss.sum() / max(1.0, float(y.sum())))
