"""Reference for the multi_head_attention drill: multi-head attention written with plain torch ops."""

import math

import torch


def multi_head_attention(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask=None):
    """Multi-head attention as nn.MultiheadAttention(bias=False, batch_first=True) computes it.

    x_q (B, Lq, E), x_kv (B, Lk, E); each weight (E, E) applied as x @ w.T; mask (Lq, Lk) bool with
    True = may attend. Returns (B, Lq, E).
    """
    batch, len_q, embed = x_q.shape
    len_k = x_kv.shape[1]
    head = embed // num_heads

    def split(x, length):
        return x.reshape(batch, length, num_heads, head).transpose(1, 2)  # (B, H, L, D)

    q = split(x_q @ w_q.T, len_q)
    k = split(x_kv @ w_k.T, len_k)
    v = split(x_kv @ w_v.T, len_k)
    scores = q @ k.transpose(-2, -1) / math.sqrt(head)  # (B, H, Lq, Lk)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    heads = (weights @ v).transpose(1, 2).reshape(batch, len_q, embed)
    return heads @ w_o.T
