"""PyTorch oracle for debug_masked_loss (tests only): F.cross_entropy with ignore_index on the padding."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(logits, targets, mask):
    x = torch.tensor(np.asarray(logits), dtype=torch.float64)
    y = torch.tensor(np.where(np.asarray(mask), np.asarray(targets), -100), dtype=torch.int64)
    return float(F.cross_entropy(x.reshape(-1, x.shape[-1]), y.reshape(-1), ignore_index=-100))
