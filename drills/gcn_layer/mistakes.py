"""Known wrong versions of gcn_layer, used to name what a failing submission got wrong."""

import torch


def _finish(propagate, x, weight, bias):
    out = propagate @ (x @ weight)
    return out if bias is None else out + bias


def no_self_loops(x, adj, weight, bias=None):
    d = adj.sum(dim=1).clamp(min=1) ** -0.5
    return _finish(d[:, None] * adj * d[None, :], x, weight, bias)


def row_normalized(x, adj, weight, bias=None):
    a_hat = adj + torch.eye(adj.shape[0], dtype=adj.dtype)
    return _finish(a_hat / a_hat.sum(dim=1, keepdim=True), x, weight, bias)


def degree_without_self_loop(x, adj, weight, bias=None):
    a_hat = adj + torch.eye(adj.shape[0], dtype=adj.dtype)
    d = adj.sum(dim=1).clamp(min=1) ** -0.5
    return _finish(d[:, None] * a_hat * d[None, :], x, weight, bias)


def no_normalization(x, adj, weight, bias=None):
    return _finish(adj + torch.eye(adj.shape[0], dtype=adj.dtype), x, weight, bias)


MISTAKES = {
    "no_self_loops": (
        no_self_loops,
        "Self-loops are missing: a node's own features must be included (A + I).",
    ),
    "row_normalized": (
        row_normalized,
        "Normalizes by D^-1 (A + I), a plain mean over neighbours; the GCN uses D^-1/2 (A + I) D^-1/2.",
    ),
    "degree_without_self_loop": (
        degree_without_self_loop,
        "Degrees are counted from A before adding self-loops; they must be the row sums of A + I.",
    ),
    "no_normalization": (no_normalization, "Messages are summed without any degree normalization."),
}
