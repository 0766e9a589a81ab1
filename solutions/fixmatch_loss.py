"""Reference for the fixmatch_loss drill: confidence-masked pseudo-label cross-entropy, averaged over all N."""

import torch


def fixmatch_loss(logits_weak: torch.Tensor, logits_strong: torch.Tensor, threshold: float = 0.95) -> torch.Tensor:
    """Return (1/N) * sum_i mask_i * CE(logits_strong[i], argmax softmax(logits_weak[i])) as a 0-d tensor.

    logits_weak, logits_strong (N, K); mask_i = max softmax(logits_weak[i]) >= threshold.
    """
    weak = logits_weak.detach()
    shifted = weak - weak.max(dim=1, keepdim=True).values
    probs = torch.exp(shifted) / torch.exp(shifted).sum(dim=1, keepdim=True)
    confidence, labels = probs.max(dim=1)
    mask = (confidence >= threshold).to(logits_strong.dtype)
    top = logits_strong.max(dim=1, keepdim=True).values
    log_sum = top.squeeze(1) + torch.log(torch.exp(logits_strong - top).sum(dim=1))
    ce = log_sum - logits_strong.gather(1, labels.unsqueeze(1)).squeeze(1)
    return (mask * ce).sum() / logits_strong.shape[0]
