import numpy as np


def _boxes(rng, n, spread=10.0, size=4.0):
    xy = rng.random((n, 2)) * spread
    wh = rng.random((n, 2)) * size + 0.5
    return np.concatenate([xy, xy + wh], axis=1)


def _case(name, boxes, scores, thr):
    return {"name": name, "args": [np.asarray(boxes, dtype=np.float64), np.asarray(scores, dtype=np.float64), thr]}


def cases():
    rng = np.random.default_rng(0)
    many = _boxes(rng, 60, spread=20.0)
    clustered = np.concatenate([_boxes(rng, 40, spread=3.0), _boxes(rng, 40, spread=3.0) + 8.0])
    return [
        _case("no boxes", np.zeros((0, 4)), np.zeros(0), 0.5),
        _case("one box", [[1, 1, 3, 4]], [0.3], 0.5),
        _case("two identical boxes", [[0, 0, 2, 2], [0, 0, 2, 2]], [0.6, 0.9], 0.5),
        _case("disjoint boxes are all kept", [[0, 0, 1, 1], [2, 2, 3, 3], [4, 0, 5, 1]], [0.2, 0.9, 0.5], 0.1),
        _case("IoU exactly at the threshold is kept", [[0, 0, 2, 1], [0, 0, 1, 1]], [0.9, 0.8], 0.5),
        _case("a zero-area box is never suppressed", [[0, 0, 2, 2], [1, 1, 1, 2], [0.1, 0, 2, 2]],
              [0.9, 0.8, 0.7], 0.3),
        _case("touching edges with threshold 0", [[0, 0, 1, 1], [1, 0, 2, 1], [0.5, 0, 1.5, 1]], [0.9, 0.8, 0.7], 0.0),
        _case("chain: a suppressed box suppresses nothing",
              [[0, 0, 4, 4], [1, 0, 5, 4], [2, 0, 6, 4]], [0.9, 0.8, 0.7], 0.5),
        _case("scores out of input order", [[0, 0, 2, 2], [0.2, 0, 2.2, 2], [5, 5, 6, 6], [5.1, 5, 6.1, 6]],
              [0.1, 0.7, 0.4, 0.95], 0.5),
        _case("normalised coordinates: diagonal neighbours do not overlap",
              [[0.1, 0.1, 0.4, 0.4], [0.6, 0.6, 0.9, 0.9], [0.45, 0.0, 0.7, 0.05]], [0.9, 0.8, 0.7], 0.1),
        _case("normalised coordinates: 30 small boxes", _boxes(rng, 30, spread=0.8, size=0.15) * 0.5,
              rng.permutation(30) / 30 + 0.01, 0.2),
        _case("60 random boxes", many, rng.permutation(60) / 60 + 0.01, 0.3),
        _case("two clusters of 40", clustered, rng.permutation(80) / 80 + 0.005, 0.5),
    ]
