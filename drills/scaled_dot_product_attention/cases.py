import numpy as np


def _case(name, seed, lead, lq, lk, d, dv, mask=None, scale=1.0):
    rng = np.random.default_rng(seed)
    q = rng.standard_normal((*lead, lq, d)) * scale
    k = rng.standard_normal((*lead, lk, d)) * scale
    v = rng.standard_normal((*lead, lk, dv))
    args = [q, k, v]
    if mask is not None:
        args.append(mask(rng, lead, lq, lk))
    return {"name": name, "args": args}


def _causal(rng, lead, lq, lk):
    return np.tril(np.ones((lq, lk), dtype=bool))


def _random_mask(rng, lead, lq, lk):
    m = rng.random((*lead, lq, lk)) < 0.6
    m[..., 0] = True
    return m


def _key_padding(rng, lead, lq, lk):
    m = np.ones((*lead[:1], 1, 1, lk), dtype=bool) if len(lead) == 2 else np.ones((1, lk), dtype=bool)
    m[..., lk - 2:] = False
    return m


def cases():
    return [
        _case("one query, one key", 0, (), 1, 1, 1, 1),
        _case("no batch axes", 1, (), 2, 3, 4, 2),
        _case("causal mask", 2, (), 4, 4, 3, 2, mask=_causal),
        _case("batch of one, mask broadcast over it", 3, (1,), 3, 3, 2, 3, mask=_causal),
        _case("cross attention (Lq != Lk)", 4, (2,), 2, 5, 4, 3),
        _case("random mask per batch", 5, (3,), 4, 5, 4, 4, mask=_random_mask),
        _case("batch and heads, key padding mask", 6, (2, 3), 4, 6, 8, 5, mask=_key_padding),
        _case("large scores (stability)", 7, (2,), 3, 4, 4, 2, scale=40.0),
        _case("large scores with a causal mask", 9, (3,), 4, 4, 8, 3, mask=_causal, scale=30.0),
        _case("larger", 8, (4, 8), 32, 32, 16, 16, mask=_causal),
    ]
