"""Reference for the cross_attention drill: multi-head cross-attention with a key padding mask."""

import math

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
    batch, len_q, embed = x.shape
    len_k = context.shape[1]
    head = embed // num_heads

    def split(t: torch.Tensor, length: int) -> torch.Tensor:
        return t.reshape(batch, length, num_heads, head).transpose(1, 2)

    q = split(x @ w_q.T, len_q)
    k = split(context @ w_k.T, len_k)
    v = split(context @ w_v.T, len_k)
    scores = q @ k.transpose(-2, -1) / math.sqrt(head)
    scores = scores.masked_fill(~context_mask[:, None, None, :], float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v
    return out.transpose(1, 2).reshape(batch, len_q, embed) @ w_o.T
