"""Wrong attention_backward implementations an interviewee commonly writes."""

import numpy as np


def _probs(q, k, causal):
    scores = q @ k.swapaxes(-1, -2) / np.sqrt(q.shape[-1])
    if causal:
        length = q.shape[-2]
        scores = np.where(np.tril(np.ones((length, length), dtype=bool)), scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    p = np.exp(scores)
    return p / p.sum(axis=-1, keepdims=True)


def _grads(q, k, v, grad_out, causal, softmax_back, scale_back=True):
    p = _probs(q, k, causal)
    dv = p.swapaxes(-1, -2) @ grad_out
    dp = grad_out @ v.swapaxes(-1, -2)
    ds = softmax_back(p, dp)
    scale = 1.0 / np.sqrt(q.shape[-1]) if scale_back else 1.0
    return ds @ k * scale, ds.swapaxes(-1, -2) @ q * scale, dv


def softmax_backward_without_row_term(q, k, v, grad_out, causal=False):
    return _grads(q, k, v, grad_out, causal, lambda p, dp: p * dp)


def softmax_sum_over_queries(q, k, v, grad_out, causal=False):
    return _grads(q, k, v, grad_out, causal, lambda p, dp: p * (dp - (dp * p).sum(axis=-2, keepdims=True)))


def scale_missing_in_backward(q, k, v, grad_out, causal=False):
    return _grads(q, k, v, grad_out, causal, lambda p, dp: p * (dp - (dp * p).sum(axis=-1, keepdims=True)),
                  scale_back=False)


MISTAKES = {
    "softmax_backward_without_row_term": (softmax_backward_without_row_term,
                                          "Backpropagates through the softmax as if it were elementwise (dS = P * dP); "
                                          "the Jacobian also subtracts sum_i P_i dP_i per row."),
    "softmax_sum_over_queries": (softmax_sum_over_queries,
                                 "Takes the softmax-backward sum over the queries axis; the softmax runs over keys, "
                                 "so the sum must be over the last axis."),
    "scale_missing_in_backward": (scale_missing_in_backward,
                                  "Forgets the 1/sqrt(D) factor in dq and dk; it scales the scores in the forward "
                                  "pass, so it scales their gradients too."),
}
