"""Reference for the clip_loss drill: CLIP's symmetric cross-entropy over cosine-similarity logits."""

import torch


def _mean_cross_entropy_diagonal(logits: torch.Tensor) -> torch.Tensor:
    """Mean over rows of logsumexp(row) - row[i], the target of row i being column i."""
    return (torch.logsumexp(logits, dim=1) - torch.diagonal(logits)).mean()


def clip_loss(image_emb: torch.Tensor, text_emb: torch.Tensor, temperature: float) -> torch.Tensor:
    """Return the mean of the image-to-text and text-to-image cross-entropies (a 0-d tensor).

    image_emb (N, D), text_emb (N, D); pair i is (image_emb[i], text_emb[i]); both are L2-normalized per row
    and logits = image @ text.T / temperature.
    """
    image = image_emb / image_emb.norm(dim=1, keepdim=True)
    text = text_emb / text_emb.norm(dim=1, keepdim=True)
    logits = image @ text.T / temperature
    return (_mean_cross_entropy_diagonal(logits) + _mean_cross_entropy_diagonal(logits.T)) / 2
