"""Cases for beam_search_step: the prompt's example, single beams, then random batches and a real vocabulary."""

import numpy as np


def _case(name, seed, b, k, v, beam_size):
    rng = np.random.default_rng(seed)
    logits = rng.standard_normal((b, k, v)) * 2.0
    log_probs = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
    beam_scores = -np.sort(rng.uniform(0, 6, (b, k)), axis=-1)[:, ::-1]
    return {"name": name, "args": [beam_scores, log_probs, beam_size]}


def cases() -> list[dict]:
    example = [np.array([[-1.0, -2.0]]), np.array([[[-0.1, -3.0, -2.5], [-0.2, -0.3, -4.0]]]), 3]
    return [
        {"name": "one beam, two tokens", "args": [np.array([[0.0]]), np.array([[[-0.7, -0.2]]]), 1]},
        {"name": "prompt example", "args": example},
        _case("one beam grows to three", 1, 2, 1, 5, 3),
        _case("four beams, keep four", 2, 3, 4, 6, 4),
        _case("three beams, keep five", 3, 2, 3, 4, 5),
        _case("larger: batch 8, 5 beams, 1000 tokens", 4, 8, 5, 1000, 5),
    ]
