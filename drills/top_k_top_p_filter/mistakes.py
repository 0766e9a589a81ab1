"""Wrong top_k_top_p_filter implementations an interviewee commonly writes."""

import numpy as np


def _softmax(x):
    s = x - x.max(axis=-1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=-1, keepdims=True)


def _top_k(x, k):
    if 0 < k < x.shape[-1]:
        kth = np.sort(x, axis=-1)[:, -k][:, None]
        x = np.where(x >= kth, x, -np.inf)
    return x


def _top_p(x, p, inclusive):
    if p >= 1.0:
        return x
    probs = _softmax(x)
    order = np.argsort(-probs, axis=-1, kind="stable")
    sp = np.take_along_axis(probs, order, axis=-1)
    cum = np.cumsum(sp, axis=-1)
    keep_sorted = cum <= p if inclusive else (cum - sp) < p
    keep_sorted[:, 0] = True
    keep = np.zeros_like(keep_sorted)
    np.put_along_axis(keep, order, keep_sorted, axis=-1)
    return np.where(keep, x, -np.inf)


def drops_the_crossing_token(logits, top_k=0, top_p=1.0):
    return _top_p(_top_k(np.array(logits, dtype=np.float64), top_k), top_p, inclusive=True)


def top_p_before_top_k(logits, top_k=0, top_p=1.0):
    return _top_k(_top_p(np.array(logits, dtype=np.float64), top_p, inclusive=False), top_k)


MISTAKES = {
    "drops_the_crossing_token": (drops_the_crossing_token,
                                 "Keeps only tokens whose cumulative mass including themselves is <= top_p, so the "
                                 "token that crosses top_p is dropped and the kept mass falls short of top_p."),
    "top_p_before_top_k": (top_p_before_top_k,
                           "Applies top-p to the full distribution before top-k; top-p must use the "
                           "probabilities renormalized over the top-k survivors."),
}
