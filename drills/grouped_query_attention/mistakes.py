"""Wrong grouped_query_attention implementations an interviewee commonly writes."""

import numpy as np


def _attend(q, k, v, causal, scale):
    scores = q @ k.swapaxes(-1, -2) * scale
    if causal:
        length = q.shape[-2]
        scores = np.where(np.tril(np.ones((length, length), dtype=bool)), scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    return (w / w.sum(axis=-1, keepdims=True)) @ v


def heads_tiled_not_grouped(q, k, v, causal=False):
    reps = q.shape[1] // k.shape[1]
    return _attend(q, np.tile(k, (1, reps, 1, 1)), np.tile(v, (1, reps, 1, 1)), causal, 1 / np.sqrt(q.shape[-1]))


def no_scaling(q, k, v, causal=False):
    reps = q.shape[1] // k.shape[1]
    return _attend(q, np.repeat(k, reps, axis=1), np.repeat(v, reps, axis=1), causal, 1.0)


MISTAKES = {
    "heads_tiled_not_grouped": (heads_tiled_not_grouped,
                                "Maps query head h to kv head h % Hkv (np.tile); GQA groups consecutive query "
                                "heads, so head h uses kv head h // (Hq // Hkv) (np.repeat)."),
    "no_scaling": (no_scaling, "Forgets to divide the scores by sqrt(D)."),
}
