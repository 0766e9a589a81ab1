"""FixMatch's unlabeled loss: confident pseudo-labels from weak views, trained on strong views."""

import torch


def fixmatch_loss(logits_weak: torch.Tensor, logits_strong: torch.Tensor, threshold: float = 0.95) -> torch.Tensor:
    """Return (1/N) * sum_i mask_i * CE(logits_strong[i], argmax softmax(logits_weak[i])) as a 0-d tensor.

    logits_weak, logits_strong (N, K); mask_i = max softmax(logits_weak[i]) >= threshold.
    """
    raise NotImplementedError
