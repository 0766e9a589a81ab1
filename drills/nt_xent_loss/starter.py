"""SimCLR's NT-Xent loss over two augmented views of a batch."""

import torch


def nt_xent_loss(z1: torch.Tensor, z2: torch.Tensor, temperature: float = 0.5) -> torch.Tensor:
    """Return the mean NT-Xent loss over the 2N embeddings of z1 (N, D) and z2 (N, D), as a 0-d tensor."""
    raise NotImplementedError
