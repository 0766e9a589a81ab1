"""Wrong beam_search_step implementations an interviewee commonly writes."""

import numpy as np


def _pick(candidates, beam_size):
    order = np.argsort(-candidates, axis=-1, kind="stable")[:, :beam_size]
    return order, np.take_along_axis(candidates, order, axis=-1)


def ignores_beam_scores(beam_scores, log_probs, beam_size):
    b, k, v = log_probs.shape
    order, _ = _pick(log_probs.reshape(b, k * v), beam_size)
    totals = np.take_along_axis((beam_scores[:, :, None] + log_probs).reshape(b, k * v), order, axis=-1)
    return totals, (order // v).astype(np.int64), (order % v).astype(np.int64)


def best_token_per_beam(beam_scores, log_probs, beam_size):
    b, k, v = log_probs.shape
    total = beam_scores[:, :, None] + log_probs
    best_token = total.argmax(axis=-1)
    best_score = total.max(axis=-1)
    order = np.argsort(-best_score, axis=-1, kind="stable")[:, :beam_size]
    scores = np.take_along_axis(best_score, order, axis=-1)
    tokens = np.take_along_axis(best_token, order, axis=-1)
    return scores, order.astype(np.int64), tokens.astype(np.int64)


def beam_and_token_swapped(beam_scores, log_probs, beam_size):
    b, k, v = log_probs.shape
    order, scores = _pick((beam_scores[:, :, None] + log_probs).reshape(b, k * v), beam_size)
    return scores, (order % k).astype(np.int64), (order // k).astype(np.int64)


MISTAKES = {
    "ignores_beam_scores": (ignores_beam_scores,
                            "Ranks candidates by the new token's log-probability alone; the ranking must use the "
                            "beam's running score plus it."),
    "best_token_per_beam": (best_token_per_beam,
                            "Extends each beam by its single best token; beam search ranks all K * V candidates "
                            "together, so a strong beam can supply several survivors."),
    "beam_and_token_swapped": (beam_and_token_swapped,
                               "Recovers beam and token from the flat index with % K and // K; with flat index "
                               "beam * V + token it is beam = flat // V, token = flat % V."),
}
