"""Cases for energy_score: one input and one class first, then temperatures, huge logits, larger batches."""

import numpy as np


def _case(name, seed, n, k, scale=1.0, temperature=None, shift=0.0):
    rng = np.random.default_rng(seed)
    logits = rng.standard_normal((n, k)) * scale + shift
    kwargs = {} if temperature is None else {"temperature": temperature}
    return {"name": name, "args": [logits], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        _case("one input, one class (E = -logit)", 1, 1, 1),
        _case("one input, three classes", 2, 1, 3),
        {"name": "equal logits: E = -(l + T log K)", "args": [np.full((2, 4), 2.5)], "kwargs": {"temperature": 0.5}},
        _case("temperature 10", 4, 5, 6, scale=3.0, temperature=10.0),
        _case("huge logits (about 1e4)", 5, 4, 10, scale=50.0, shift=1e4),
        _case("very negative logits (about -1e4)", 6, 4, 10, scale=50.0, shift=-1e4),
        _case("larger: 1000 inputs, 100 classes", 7, 1000, 100, scale=5.0),
    ]
