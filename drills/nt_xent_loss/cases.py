"""Cases for nt_xent_loss: a single pair first (loss 0), then small batches, low temperature, larger."""

import numpy as np


def _case(name, seed, n, d, temperature=None, noise=0.5, scale=1.0):
    rng = np.random.default_rng(seed)
    base = rng.standard_normal((n, d))
    z1 = (base + rng.standard_normal((n, d)) * noise) * scale
    z2 = base + rng.standard_normal((n, d)) * noise
    kwargs = {} if temperature is None else {"temperature": temperature}
    return {"name": name, "args": [z1, z2], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        _case("one pair (loss 0)", 1, 1, 3),
        _case("two pairs, temperature 1", 2, 2, 2, temperature=1.0),
        _case("unnormalized, different scales per view", 3, 3, 4, scale=40.0),
        _case("random N 8, D 16, default temperature", 4, 8, 16),
        _case("low temperature 0.01 (logits up to 100)", 5, 6, 8, temperature=0.01, noise=1.0),
        _case("tiny temperature 0.001 (logits up to 1000)", 6, 4, 5, temperature=0.001, noise=1.0),
        _case("larger: N 256, D 128, temperature 0.1", 7, 256, 128, temperature=0.1),
    ]
