"""Cases for top_k_top_p_filter: the prompt's examples, each filter alone, both together, then a big batch."""

import numpy as np


def _logits(seed, b, v, scale):
    return np.random.default_rng(seed).standard_normal((b, v)) * scale


def cases() -> list[dict]:
    example = np.log(np.array([[0.5, 0.3, 0.15, 0.05]]))
    return [
        {"name": "nothing filtered", "args": [np.array([[0.0, 1.0]])], "kwargs": {}},
        {"name": "prompt example, top_p 0.7", "args": [example], "kwargs": {"top_p": 0.7}},
        {"name": "prompt example, top_k 3 then top_p 0.9", "args": [example], "kwargs": {"top_k": 3, "top_p": 0.9}},
        {"name": "top_k 1 (greedy)", "args": [_logits(1, 3, 6, 2.0)], "kwargs": {"top_k": 1}},
        {"name": "top_k 5 of 12", "args": [_logits(2, 4, 12, 1.5)], "kwargs": {"top_k": 5}},
        {"name": "top_p 0.9, peaked rows", "args": [_logits(3, 4, 20, 3.0)], "kwargs": {"top_p": 0.9}},
        {"name": "tiny top_p keeps the argmax", "args": [_logits(4, 3, 10, 1.0)], "kwargs": {"top_p": 0.01}},
        {"name": "top_k 10 then top_p 0.8", "args": [_logits(5, 6, 30, 2.0)], "kwargs": {"top_k": 10, "top_p": 0.8}},
        {"name": "larger: 64 rows over 1000 tokens", "args": [_logits(6, 64, 1000, 2.5)],
         "kwargs": {"top_k": 50, "top_p": 0.95}},
    ]
