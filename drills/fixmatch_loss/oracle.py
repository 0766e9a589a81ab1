"""Oracle for fixmatch_loss: torch.softmax and F.cross_entropy(reduction="none") with the confidence mask."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(logits_weak, logits_strong, threshold=0.95) -> np.ndarray:
    """Return FixMatch's unlabeled loss computed with PyTorch's own softmax and cross_entropy."""
    confidence, labels = torch.softmax(torch.from_numpy(logits_weak), dim=1).max(dim=1)
    ce = F.cross_entropy(torch.from_numpy(logits_strong), labels, reduction="none")
    return (ce * (confidence >= threshold)).mean().numpy()
