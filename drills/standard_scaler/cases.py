"""Cases for standard_scaler: one column and constant columns first, then missing values, new data, larger."""

import numpy as np


def _script(train, *others, reuse=False):
    steps = [{"call": "fit_transform", "args": [train], "kwargs": {}, "overwrite_args": reuse},
             {"attr": "mean_"}, {"attr": "scale_"}]
    steps += [{"call": "transform", "args": [x], "kwargs": {}, "overwrite_args": reuse} for x in others]
    return steps + [{"attr": "mean_"}, {"attr": "scale_"}]


def _with_nans(rng, x, rate):
    x = x.copy()
    x[rng.random(x.shape) < rate] = np.nan
    x[0] = np.where(np.isnan(x[0]), 1.0, x[0])  # every column keeps an observed value
    return x


def _case(name, train, *others, reuse=False):
    return {"name": name, "init": {"args": [], "kwargs": {}}, "script": _script(train, *others, reuse=reuse)}


def cases() -> list[dict]:
    rng = np.random.default_rng(11)
    shifted_train = rng.normal(50.0, 10.0, (30, 3))
    shifted_test = rng.normal(60.0, 5.0, (10, 3))
    train_nan = _with_nans(rng, rng.standard_normal((20, 4)) * [1, 5, 0.1, 3] + [0, 2, -1, 7], 0.2)
    test_nan = _with_nans(rng, rng.standard_normal((8, 4)), 0.3)
    big_train = _with_nans(rng, rng.standard_normal((2000, 32)) * 4 + 1, 0.05)
    big_test = _with_nans(rng, rng.standard_normal((500, 32)) * 4 + 2, 0.05)
    return [
        _case("one column, two values", np.array([[1.0], [3.0]]), np.array([[2.0], [5.0]])),
        _case("a constant column", np.array([[1.0, 5.0], [3.0, 5.0], [2.0, 5.0]]), np.array([[4.0, 7.0]])),
        _case("missing values in training", np.array([[1.0, 2.0], [np.nan, 4.0], [3.0, np.nan], [5.0, 6.0]]),
              np.array([[np.nan, np.nan], [0.0, 0.0]])),
        _case("test data from a shifted distribution", shifted_train, shifted_test),
        _case("constant columns among varying ones",
              np.column_stack([rng.normal(size=6), np.full(6, -2.0), rng.normal(size=6), np.zeros(6)]),
              rng.normal(size=(3, 4))),
        _case("missing values everywhere, two later sets", train_nan, test_nan, train_nan[:5]),
        _case("caller reuses its arrays after each call", train_nan[:10], test_nan, test_nan[:3], reuse=True),
        _case("larger: 2000 x 32 training, 500 test", big_train, big_test),
    ]
