"""Reference for beam_search_step: global top beam_size over all (beam, token) candidates."""

import numpy as np


def beam_search_step(beam_scores: np.ndarray, log_probs: np.ndarray, beam_size: int):
    """Scores (descending), beam indices and token indices of the best candidates, each (B, beam_size)."""
    b, k, v = log_probs.shape
    candidates = (beam_scores[:, :, None] + log_probs).reshape(b, k * v)
    order = np.argsort(-candidates, axis=-1, kind="stable")[:, :beam_size]
    scores = np.take_along_axis(candidates, order, axis=-1)
    return scores, (order // v).astype(np.int64), (order % v).astype(np.int64)
