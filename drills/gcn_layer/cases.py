"""Cases for gcn_layer: a single node and isolated nodes first, then small graphs, random and larger graphs."""

import numpy as np


def _graph(rng, n, p):
    upper = np.triu(rng.random((n, n)) < p, k=1)
    return (upper | upper.T).astype(np.float64)


def _case(name, seed, adj, f_in, f_out, bias=True):
    rng = np.random.default_rng(seed)
    n = adj.shape[0]
    kwargs = {"bias": rng.standard_normal(f_out)} if bias else {}
    return {"name": name, "args": [rng.standard_normal((n, f_in)), adj, rng.standard_normal((f_in, f_out))],
            "kwargs": kwargs}


def cases() -> list[dict]:
    path = np.zeros((4, 4))
    for i in range(3):
        path[i, i + 1] = path[i + 1, i] = 1.0
    star = np.zeros((5, 5))
    star[0, 1:] = star[1:, 0] = 1.0
    two_isolated = np.zeros((3, 3))
    two_isolated[0, 1] = two_isolated[1, 0] = 1.0
    rng = np.random.default_rng(10)
    return [
        _case("single node, no edges", 1, np.zeros((1, 1)), 2, 3),
        _case("one edge and an isolated node, no bias", 2, two_isolated, 1, 1, bias=False),
        _case("path of 4 nodes", 3, path, 3, 2),
        _case("star: a hub with 4 leaves", 4, star, 2, 4),
        _case("random graph, 8 nodes", 5, _graph(rng, 8, 0.4), 5, 3),
        _case("complete graph, 6 nodes", 6, np.ones((6, 6)) - np.eye(6), 3, 3),
        _case("larger: 200 nodes, 32 -> 16 features", 7, _graph(rng, 200, 0.05), 32, 16),
    ]
