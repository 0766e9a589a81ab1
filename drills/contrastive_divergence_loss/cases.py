"""Cases for contrastive_divergence_loss: single energies and alpha 0 first, then unequal sizes, larger."""

import numpy as np


def _case(name, seed, n, m, alpha=None, pos_shift=-1.0, neg_shift=1.0, scale=1.0):
    rng = np.random.default_rng(seed)
    pos = rng.standard_normal(n) * scale + pos_shift
    neg = rng.standard_normal(m) * scale + neg_shift
    kwargs = {} if alpha is None else {"alpha": alpha}
    return {"name": name, "args": [pos, neg], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        _case("one positive, one negative", 1, 1, 1),
        _case("alpha 0 (no regularizer)", 2, 3, 3, alpha=0.0),
        _case("different batch sizes (4 real, 7 sampled)", 3, 4, 7),
        _case("negatives below positives (model too confident)", 4, 5, 5, pos_shift=2.0, neg_shift=-2.0),
        _case("large energies, alpha 0.01", 5, 16, 16, alpha=0.01, scale=100.0),
        _case("larger: 1024 real, 512 sampled", 6, 1024, 512, alpha=1.0),
    ]
