"""Known wrong versions of multi_head_attention, used to name what a failing submission got wrong."""

import math

import torch


def _attend(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask, scale_dim=None, split="transpose", project=True):
    batch, len_q, embed = x_q.shape
    len_k = x_kv.shape[1]
    head = embed // num_heads

    def heads_of(x, length):
        if split == "reshape":
            return x.reshape(batch, num_heads, length, head)
        return x.reshape(batch, length, num_heads, head).transpose(1, 2)

    q, k, v = heads_of(x_q @ w_q.T, len_q), heads_of(x_kv @ w_k.T, len_k), heads_of(x_kv @ w_v.T, len_k)
    scores = q @ k.transpose(-2, -1) / math.sqrt(head if scale_dim is None else scale_dim)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v
    if split != "reshape":
        out = out.transpose(1, 2)
    out = out.reshape(batch, len_q, embed)
    return out @ w_o.T if project else out


def scale_by_model_dim(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask=None):
    return _attend(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask, scale_dim=x_q.shape[-1])


def no_scale(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask=None):
    return _attend(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask, scale_dim=1)


def heads_split_without_transpose(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask=None):
    return _attend(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask, split="reshape")


def no_output_projection(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask=None):
    return _attend(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask, project=False)


def inverted_mask(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask=None):
    flipped = None if mask is None else ~mask
    if flipped is not None:
        flipped = flipped.clone()
        flipped[~flipped.any(dim=-1)] = True  # keep rows defined so the mistake stays comparable
    return _attend(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, flipped)


MISTAKES = {
    "scale_by_model_dim": (scale_by_model_dim, "Scores are divided by sqrt(E) instead of sqrt(E // num_heads)."),
    "no_scale": (no_scale, "Scores are not divided by sqrt(d) before the softmax."),
    "heads_split_without_transpose": (
        heads_split_without_transpose,
        "Heads are split by reshaping (B, L, E) straight to (B, H, L, D), which mixes positions across heads.",
    ),
    "no_output_projection": (no_output_projection, "The concatenated heads are returned without applying w_o."),
    "inverted_mask": (inverted_mask, "The mask is read the wrong way round: True is treated as 'blocked'."),
}
