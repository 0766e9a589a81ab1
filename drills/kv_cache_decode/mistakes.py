"""Wrong kv_cache_decode implementations an interviewee commonly writes."""

import numpy as np


def _softmax(s):
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    return w / w.sum(axis=-1, keepdims=True)


def _step(x, w_q, w_k, w_v, w_o, k_cache, v_cache, num_heads, *, prepend=False, scale_dim=None, split=None):
    b, e = x.shape
    d = e // num_heads

    def heads(w):
        y = x @ w.T
        if split == "interleaved":
            return y.reshape(b, d, num_heads).transpose(0, 2, 1)[:, :, None, :]
        return y.reshape(b, num_heads, 1, d)

    q, k, v = heads(w_q), heads(w_k), heads(w_v)
    parts_k, parts_v = ([k, k_cache], [v, v_cache]) if prepend else ([k_cache, k], [v_cache, v])
    keys, values = np.concatenate(parts_k, axis=2), np.concatenate(parts_v, axis=2)
    weights = _softmax(q @ keys.swapaxes(-1, -2) / np.sqrt(scale_dim or d))
    attended = weights @ values
    interleaved = split == "interleaved"
    merged = attended[:, :, 0, :].transpose(0, 2, 1).reshape(b, e) if interleaved else attended.reshape(b, e)
    return merged @ w_o.T, keys, values


def prepends_new_token(x, w_q, w_k, w_v, w_o, k_cache, v_cache, num_heads):
    return _step(x, w_q, w_k, w_v, w_o, k_cache, v_cache, num_heads, prepend=True)


def scales_by_model_dim(x, w_q, w_k, w_v, w_o, k_cache, v_cache, num_heads):
    return _step(x, w_q, w_k, w_v, w_o, k_cache, v_cache, num_heads, scale_dim=x.shape[1])


def interleaved_head_split(x, w_q, w_k, w_v, w_o, k_cache, v_cache, num_heads):
    return _step(x, w_q, w_k, w_v, w_o, k_cache, v_cache, num_heads, split="interleaved")


MISTAKES = {
    "prepends_new_token": (prepends_new_token,
                           "Puts the new key and value at the start of the cache; the cache must stay in time "
                           "order, newest last."),
    "scales_by_model_dim": (scales_by_model_dim, "Scales the scores by 1/sqrt(E) instead of 1/sqrt(D), the head size."),
    "interleaved_head_split": (interleaved_head_split,
                               "Splits heads by reshaping to (B, D, H): head h must take the contiguous "
                               "features h*D .. (h+1)*D - 1."),
}
