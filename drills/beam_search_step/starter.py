"""One step of beam search over a batch of sequences."""

import numpy as np


def beam_search_step(beam_scores: np.ndarray, log_probs: np.ndarray, beam_size: int):
    """Return (scores, beams, tokens), each (B, beam_size): the best candidates over all beams and tokens.

    beam_scores (B, K) running log-probabilities; log_probs (B, K, V) next-token log-probabilities.
    scores float64 in descending order; beams and tokens int64.
    """
    raise NotImplementedError
