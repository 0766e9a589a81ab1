"""Cases for vae_loss: q equal to the prior and a perfect reconstruction first, then images, beta, larger."""

import numpy as np


def _case(name, seed, x_shape, z, beta=None, perfect=False, prior=False, logvar_spread=1.0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(x_shape)
    x_recon = x.copy() if perfect else x + rng.standard_normal(x_shape) * 0.3
    n = x_shape[0]
    mu = np.zeros((n, z)) if prior else rng.standard_normal((n, z))
    logvar = np.zeros((n, z)) if prior else rng.standard_normal((n, z)) * logvar_spread
    kwargs = {} if beta is None else {"beta": beta}
    return {"name": name, "args": [x, x_recon, mu, logvar], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        _case("q equals the prior (kl 0), one example", 1, (1, 3), 2, prior=True),
        _case("perfect reconstruction (recon 0)", 2, (2, 4), 3, perfect=True),
        _case("one example, one latent", 3, (1, 5), 1),
        _case("image inputs (N, C, H, W)", 4, (3, 2, 4, 4), 4),
        _case("beta 4", 5, (4, 6), 3, beta=4.0),
        _case("very small and large variances", 6, (3, 5), 6, logvar_spread=6.0),
        _case("larger: 64 x 3 x 16 x 16, Z 32", 7, (64, 3, 16, 16), 32, beta=0.5),
    ]
