"""Cases for cfg_ddim_step: scales 0 and 1 and the final step first, then typical guidance, big jumps, larger."""

import numpy as np


def _case(name, seed, shape, scale, a_t, a_prev):
    rng = np.random.default_rng(seed)
    x_t = rng.standard_normal(shape)
    eps_u = rng.standard_normal(shape)
    eps_c = eps_u + rng.standard_normal(shape) * 0.3
    return {"name": name, "args": [x_t, eps_u, eps_c, scale, a_t, a_prev], "kwargs": {}}


def cases() -> list[dict]:
    return [
        _case("one value, scale 0 (unconditional)", 1, (1, 1), 0.0, 0.5, 0.6),
        _case("scale 1 (conditional only)", 2, (1, 3), 1.0, 0.3, 0.5),
        _case("final step (alpha_bar_prev = 1 returns x0)", 3, (2, 4), 7.5, 0.95, 1.0),
        _case("Stable Diffusion scale 7.5, latents", 4, (2, 4, 3, 3), 7.5, 0.2, 0.35),
        _case("a big jump from very noisy (skip steps)", 5, (3, 2, 4), 3.0, 0.005, 0.6),
        _case("larger: 8 x 4 x 32 x 32", 6, (8, 4, 32, 32), 5.0, 0.4, 0.55),
    ]
