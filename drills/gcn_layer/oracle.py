"""Oracle for gcn_layer, written as message passing over an edge list (PyTorch has no GCN op).

Each node sums the messages x_j @ weight / sqrt(deg_i deg_j) from itself and its neighbours, one edge at a
time, the way sparse GNN libraries compute it; the reference uses the dense matrix form.
"""

import numpy as np


def oracle(x, adj, weight, bias=None) -> np.ndarray:
    """Return the GCN layer's output computed edge by edge."""
    n = x.shape[0]
    edges = [(i, i) for i in range(n)] + [(int(i), int(j)) for i, j in zip(*np.nonzero(adj), strict=True)]
    degree = np.zeros(n)
    for target, _ in edges:
        degree[target] += 1
    messages = x @ weight
    out = np.zeros((n, weight.shape[1]))
    for target, source in edges:
        out[target] += messages[source] / np.sqrt(degree[target] * degree[source])
    return out if bias is None else out + bias
