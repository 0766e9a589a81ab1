"""Wrong causal_self_attention variants: the starter's bug and the usual wrong fixes."""

import numpy as np


def _attention(x, w_qkv, w_o, num_heads, allowed):
    b, t, e = x.shape
    d = e // num_heads
    qkv = x @ w_qkv.T
    q, k, v = (qkv[..., i * e:(i + 1) * e].reshape(b, t, num_heads, d).transpose(0, 2, 1, 3) for i in range(3))
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d)
    if allowed is not None:
        scores = np.where(allowed(t), scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return (weights @ v).transpose(0, 2, 1, 3).reshape(b, t, e) @ w_o.T


def no_causal_mask(x, w_qkv, w_o, num_heads):
    return _attention(x, w_qkv, w_o, num_heads, None)


def mask_one_step_into_the_future(x, w_qkv, w_o, num_heads):
    return _attention(x, w_qkv, w_o, num_heads, lambda t: np.tril(np.ones((t, t), dtype=bool), k=1))


def mask_transposed(x, w_qkv, w_o, num_heads):
    return _attention(x, w_qkv, w_o, num_heads, lambda t: np.triu(np.ones((t, t), dtype=bool)))


MISTAKES = {
    "no_causal_mask": (no_causal_mask,
                       "No causal mask: every position attends to the tokens after it, so under teacher forcing the "
                       "model reads the answer it is asked to predict."),
    "mask_one_step_into_the_future": (mask_one_step_into_the_future,
                                      "The mask still lets position i see key i + 1 (np.tril with k=1): one token "
                                      "of the future leaks."),
    "mask_transposed": (mask_transposed,
                        "The mask is transposed (upper triangle): each position sees the future and not the past."),
}
