"""Multi-head attention forward pass (no biases)."""

import torch


def multi_head_attention(
    x_q: torch.Tensor,
    x_kv: torch.Tensor,
    w_q: torch.Tensor,
    w_k: torch.Tensor,
    w_v: torch.Tensor,
    w_o: torch.Tensor,
    num_heads: int,
    mask: torch.Tensor | None = None,
) -> torch.Tensor:
    """Return multi-head attention of x_q over x_kv.

    x_q (B, Lq, E), x_kv (B, Lk, E); w_q, w_k, w_v, w_o (E, E) applied as x @ w.T; num_heads divides E;
    mask (Lq, Lk) bool, True where attending is allowed, or None. Returns (B, Lq, E).
    """
    raise NotImplementedError
