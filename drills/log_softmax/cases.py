"""Input cases for the log_softmax drill: edge cases first, then random, then larger."""

import numpy as np


def cases() -> list[dict]:
    rng = np.random.default_rng(202)
    return [
        {"name": "single element", "args": [np.array([-2.0])], "kwargs": {}},
        {"name": "equal logits", "args": [np.full((1, 4), 7.0)], "kwargs": {}},
        {"name": "large logits (overflow without shift)",
         "args": [np.array([[800.0, 805.0, 790.0]])], "kwargs": {}},
        {"name": "far-apart logits (softmax underflows to 0)",
         "args": [np.array([[0.0, -1000.0, 5.0], [300.0, -300.0, 0.0]])], "kwargs": {}},
        {"name": "large logits on axis 0", "args": [np.array([[750.0, -2.0], [760.0, 1.0], [740.0, 0.5]])],
         "kwargs": {"axis": 0}},
        {"name": "axis 0", "args": [rng.normal(size=(4, 3)) * 4], "kwargs": {"axis": 0}},
        {"name": "3-D, axis 1", "args": [rng.normal(size=(2, 5, 3))], "kwargs": {"axis": 1}},
        {"name": "random 6x10", "args": [rng.normal(size=(6, 10)) * 20], "kwargs": {}},
        {"name": "shifted by 1000", "args": [rng.normal(size=(5, 7)) * 3 + 1000.0], "kwargs": {}},
        {"name": "larger 3-D, last axis", "args": [rng.normal(size=(16, 64, 100)) * 8], "kwargs": {}},
    ]
