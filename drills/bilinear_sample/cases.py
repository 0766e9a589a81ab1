"""Cases for bilinear_sample: a 1x1 map and exact pixel centres first, then borders, random and larger."""

import numpy as np


def _centres(h, w):
    xs = (2 * np.arange(w) + 1) / w - 1
    ys = (2 * np.arange(h) + 1) / h - 1
    gx, gy = np.meshgrid(xs, ys)
    return np.stack([gx, gy], axis=-1)[None]


def cases() -> list[dict]:
    rng = np.random.default_rng(1)
    one = rng.standard_normal((1, 2, 1, 1))
    one_grid = np.array([[[[0.0, 0.0], [0.5, -0.25], [-1.0, 1.0]]]])

    rng = np.random.default_rng(2)
    centres_value = rng.standard_normal((1, 3, 3, 4))

    rng = np.random.default_rng(3)
    wide = rng.standard_normal((1, 1, 2, 5))
    wide_grid = np.zeros((1, 1, 5, 2))
    wide_grid[0, 0, :, 0] = np.linspace(-0.9, 0.9, 5)

    border_value = np.arange(1.0, 13.0).reshape(1, 1, 3, 4)
    border_grid = np.array([[[[-1.0, -1.0], [1.0, 1.0], [-1.0, 0.0], [0.0, 1.0]],
                             [[-1.3, 0.2], [1.1, -0.6], [3.0, 3.0], [-2.0, 0.5]]]])

    def random_case(name, seed, shape, out_hw, spread):
        r = np.random.default_rng(seed)
        value = r.standard_normal(shape)
        grid = r.uniform(-spread, spread, (shape[0], *out_hw, 2))
        return {"name": name, "args": [value, grid], "kwargs": {}}

    return [
        {"name": "1x1 map (only zero padding around it)", "args": [one, one_grid], "kwargs": {}},
        {"name": "exact pixel centres give the map back", "args": [centres_value, _centres(3, 4)], "kwargs": {}},
        {"name": "x varies along the width, H != W", "args": [wide, wide_grid], "kwargs": {}},
        {"name": "corners, edges and points outside", "args": [border_value, border_grid], "kwargs": {}},
        random_case("random locations inside, batch 2", 5, (2, 3, 5, 6), (4, 3), 1.0),
        random_case("random locations, some outside", 6, (2, 2, 4, 4), (5, 5), 1.4),
        random_case("larger: 4 x 16 x 32 x 32, 40 x 40 samples", 7, (4, 16, 32, 32), (40, 40), 1.1),
    ]
