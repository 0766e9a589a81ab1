"""CLIP's symmetric contrastive loss."""

import torch


def clip_loss(image_emb: torch.Tensor, text_emb: torch.Tensor, temperature: float) -> torch.Tensor:
    """Return the mean of the image-to-text and text-to-image cross-entropies (a 0-d tensor).

    image_emb (N, D), text_emb (N, D); pair i is (image_emb[i], text_emb[i]); both are L2-normalized per row
    and logits = image @ text.T / temperature.
    """
    raise NotImplementedError
