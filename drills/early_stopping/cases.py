"""Cases for early_stopping: patience 1 and plateaus first, then min_delta, mode max, long noisy runs."""

import numpy as np


def _script(values, read_every=1):
    steps = []
    for i, value in enumerate(values):
        steps.append({"call": "step", "args": [float(value)], "kwargs": {}})
        if (i + 1) % read_every == 0 or i == len(values) - 1:
            steps += [{"attr": "best"}, {"attr": "bad_epochs"}]
    return steps


def _case(name, values, patience, read_every=1, **kwargs):
    return {"name": name, "init": {"args": [patience], "kwargs": kwargs}, "script": _script(values, read_every)}


def cases() -> list[dict]:
    rng = np.random.default_rng(7)
    noisy_loss = 1.0 / np.arange(1, 41) + rng.normal(0, 0.02, 40)
    noisy_acc = np.minimum(0.5 + 0.02 * np.arange(60), 0.9) + rng.normal(0, 0.01, 60)
    return [
        _case("single epoch", [0.7], 1),
        _case("patience 1 stops at the first bad epoch", [1.0, 0.8, 0.9, 0.6], 1),
        _case("equal value is not an improvement", [0.5, 0.5, 0.5, 0.4, 0.4], 2),
        _case("improvement resets the count", [3.0, 3.1, 3.2, 2.0, 2.5, 2.6, 2.7], 3),
        _case("gains within min_delta do not count", [1.0, 0.95, 0.91, 0.85, 0.849, 0.7], 3, min_delta=0.1),
        _case("mode min: plateaus at the best value", [0.9, 0.6, 0.6, 0.6, 0.5, 0.5], 4),
        _case("mode min: a gain just beyond min_delta counts", [2.0, 1.94, 1.9, 1.84, 1.7], 2, min_delta=0.05),
        _case("mode max: equal value is not an improvement", [0.3, 0.3, 0.35, 0.35, 0.35], 3, mode="max"),
        _case("mode max (accuracy)", [0.5, 0.6, 0.6, 0.59, 0.65, 0.64, 0.63], 2, mode="max"),
        _case("mode max with min_delta", [0.5, 0.54, 0.62, 0.63, 0.66, 0.8], 2, mode="max", min_delta=0.05),
        _case("mode max: a small gain does not reset", [0.7, 0.72, 0.74, 0.9, 0.92], 3, mode="max", min_delta=0.05),
        _case("mode max: a drop within min_delta is still bad", [0.8, 0.78, 0.9, 0.88, 0.86], 2, mode="max",
              min_delta=0.03),
        _case("noisy loss, 40 epochs, patience 5", noisy_loss, 5, read_every=5, min_delta=0.001),
        _case("noisy accuracy, 60 epochs, patience 8", noisy_acc, 8, read_every=10, mode="max"),
        _case("noisy accuracy with min_delta 0.01", noisy_acc, 6, read_every=6, mode="max", min_delta=0.01),
    ]
