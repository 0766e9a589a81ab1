"""Wrong multi_head_self_attention variants: the starter's reshape and half-fixed versions."""

import numpy as np


def _mha(x, w_q, w_k, w_v, w_o, num_heads, split_ok, merge_ok):
    b, t, e = x.shape
    d = e // num_heads

    def split(w):
        y = x @ w.T
        return y.reshape(b, t, num_heads, d).transpose(0, 2, 1, 3) if split_ok else y.reshape(b, num_heads, t, d)

    q, k, v = split(w_q), split(w_k), split(w_v)
    s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    out = (w / w.sum(axis=-1, keepdims=True)) @ v
    merged = out.transpose(0, 2, 1, 3).reshape(b, t, e) if merge_ok else out.reshape(b, t, e)
    return merged @ w_o.T


def heads_split_without_transpose(x, w_q, w_k, w_v, w_o, num_heads):
    return _mha(x, w_q, w_k, w_v, w_o, num_heads, split_ok=False, merge_ok=False)


def heads_merged_without_transpose(x, w_q, w_k, w_v, w_o, num_heads):
    return _mha(x, w_q, w_k, w_v, w_o, num_heads, split_ok=True, merge_ok=False)


def heads_split_without_transpose_only(x, w_q, w_k, w_v, w_o, num_heads):
    return _mha(x, w_q, w_k, w_v, w_o, num_heads, split_ok=False, merge_ok=True)


MISTAKES = {
    "heads_split_without_transpose": (heads_split_without_transpose,
                                      "Splits heads with reshape(B, H, T, D) and merges with reshape(B, T, E): "
                                      "both mix time steps and features. Reshape to (B, T, H, D), then transpose."),
    "heads_merged_without_transpose": (heads_merged_without_transpose,
                                       "The split is fixed, but the merge still reshapes (B, H, T, D) straight to "
                                       "(B, T, E); transpose back to (B, T, H, D) first."),
    "heads_split_without_transpose_only": (heads_split_without_transpose_only,
                                           "The merge is fixed, but the split still reshapes (B, T, E) straight to "
                                           "(B, H, T, D); reshape to (B, T, H, D) and transpose."),
}
