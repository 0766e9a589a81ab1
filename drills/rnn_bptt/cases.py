"""Cases for rnn_bptt: one step, the prompt's example, then random sequences of growing length."""

import numpy as np


def _case(name, seed, steps, batch, n_in, hidden, last_only=False):
    rng = np.random.default_rng(seed)
    grad_h = rng.standard_normal((steps, batch, hidden))
    if last_only:
        grad_h[:-1] = 0.0
    return {"name": name, "args": [rng.standard_normal((steps, batch, n_in)), rng.standard_normal((batch, hidden)),
                                   rng.standard_normal((hidden, n_in)) * 0.7,
                                   rng.standard_normal((hidden, hidden)) * 0.5,
                                   rng.standard_normal(hidden) * 0.1, grad_h]}


def cases() -> list[dict]:
    one = np.ones((1, 1))
    example = [np.array([[[1.0]], [[0.0]]]), np.zeros((1, 1)), one, one, np.zeros(1), np.array([[[0.0]], [[1.0]]])]
    return [
        _case("one step", 1, 1, 1, 2, 2),
        {"name": "prompt example: loss on the last state", "args": example},
        _case("loss on the last state only", 2, 5, 2, 3, 4, last_only=True),
        _case("loss at every step", 3, 4, 3, 2, 5),
        _case("long sequence", 4, 20, 2, 3, 3),
        _case("larger: 50 steps, batch 16, 32 hidden", 5, 50, 16, 24, 32),
    ]
