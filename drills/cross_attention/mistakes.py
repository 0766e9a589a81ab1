"""Known wrong versions of cross_attention, used to name what a failing submission got wrong."""

import math

import torch


def _attend(x, context, w_q, w_k, w_v, w_o, num_heads, mask, scale_dim=None):
    batch, len_q, embed = x.shape
    len_k = context.shape[1]
    head = embed // num_heads

    def split(t, length):
        return t.reshape(batch, length, num_heads, head).transpose(1, 2)

    q, k, v = split(x @ w_q.T, len_q), split(context @ w_k.T, len_k), split(context @ w_v.T, len_k)
    scores = q @ k.transpose(-2, -1) / math.sqrt(head if scale_dim is None else scale_dim)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    out = torch.softmax(scores, dim=-1) @ v
    return out.transpose(1, 2).reshape(batch, len_q, embed) @ w_o.T


def padding_ignored(x, context, w_q, w_k, w_v, w_o, num_heads, context_mask):
    return _attend(x, context, w_q, w_k, w_v, w_o, num_heads, None)


def padding_mask_inverted(x, context, w_q, w_k, w_v, w_o, num_heads, context_mask):
    flipped = ~context_mask
    flipped[~flipped.any(dim=1)] = True  # keep rows defined so the mistake stays comparable
    return _attend(x, context, w_q, w_k, w_v, w_o, num_heads, flipped[:, None, None, :])


def scale_by_model_dim(x, context, w_q, w_k, w_v, w_o, num_heads, context_mask):
    return _attend(x, context, w_q, w_k, w_v, w_o, num_heads, context_mask[:, None, None, :],
                   scale_dim=x.shape[-1])


def softmax_over_queries(x, context, w_q, w_k, w_v, w_o, num_heads, context_mask):
    batch, len_q, embed = x.shape
    len_k = context.shape[1]
    head = embed // num_heads

    def split(t, length):
        return t.reshape(batch, length, num_heads, head).transpose(1, 2)

    q, k, v = split(x @ w_q.T, len_q), split(context @ w_k.T, len_k), split(context @ w_v.T, len_k)
    scores = (q @ k.transpose(-2, -1) / math.sqrt(head)).masked_fill(~context_mask[:, None, None, :], float("-inf"))
    weights = torch.nan_to_num(torch.softmax(scores, dim=-2), nan=0.0)
    return (weights @ v).transpose(1, 2).reshape(batch, len_q, embed) @ w_o.T


MISTAKES = {
    "padding_ignored": (padding_ignored, "Padded context tokens are attended to; mask them with -inf."),
    "padding_mask_inverted": (
        padding_mask_inverted,
        "The mask is read the wrong way round: True marks real tokens here, not padding.",
    ),
    "scale_by_model_dim": (scale_by_model_dim, "Scores are divided by sqrt(E) instead of sqrt(E // num_heads)."),
    "softmax_over_queries": (
        softmax_over_queries,
        "The softmax runs over the query axis; each query's weights must sum to 1 over the context tokens.",
    ),
}
