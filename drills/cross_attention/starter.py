"""Multi-head cross-attention from a query sequence to a padded context sequence."""

import torch


def cross_attention(
    x: torch.Tensor,
    context: torch.Tensor,
    w_q: torch.Tensor,
    w_k: torch.Tensor,
    w_v: torch.Tensor,
    w_o: torch.Tensor,
    num_heads: int,
    context_mask: torch.Tensor,
) -> torch.Tensor:
    """Return (B, Lq, E): queries from x (B, Lq, E), keys and values from context (B, Lk, Dc).

    w_q, w_o (E, E); w_k, w_v (E, Dc); context_mask (B, Lk) bool, True for real tokens.
    """
    raise NotImplementedError
