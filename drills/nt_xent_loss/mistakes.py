"""Known wrong versions of nt_xent_loss, used to name what a failing submission got wrong."""

import torch


def _sim(z1, z2, temperature, normalize=True):
    z = torch.cat([z1, z2], dim=0)
    if normalize:
        z = z / z.norm(dim=1, keepdim=True)
    return z @ z.T / temperature


def _loss(sim, n, mask_self=True, rows=None):
    if mask_self:
        sim = sim.masked_fill(torch.eye(2 * n, dtype=torch.bool), float("-inf"))
    positive = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    per_row = torch.logsumexp(sim, dim=1) - sim[torch.arange(2 * n), positive]
    return per_row[:rows].mean() if rows is not None else per_row.mean()


def self_similarity_not_masked(z1, z2, temperature=0.5):
    return _loss(_sim(z1, z2, temperature), z1.shape[0], mask_self=False)


def first_view_anchors_only(z1, z2, temperature=0.5):
    return _loss(_sim(z1, z2, temperature), z1.shape[0], rows=z1.shape[0])


def no_normalization(z1, z2, temperature=0.5):
    return _loss(_sim(z1, z2, temperature, normalize=False), z1.shape[0])


def cross_view_negatives_only(z1, z2, temperature=0.5):
    z1n, z2n = z1 / z1.norm(dim=1, keepdim=True), z2 / z2.norm(dim=1, keepdim=True)
    logits = z1n @ z2n.T / temperature
    rows = torch.logsumexp(logits, dim=1) - logits.diagonal()
    cols = torch.logsumexp(logits, dim=0) - logits.diagonal()
    return (rows.mean() + cols.mean()) / 2


MISTAKES = {
    "self_similarity_not_masked": (
        self_similarity_not_masked,
        "Each embedding's similarity with itself stays in the denominator; the diagonal must be masked out.",
    ),
    "first_view_anchors_only": (
        first_view_anchors_only,
        "Only the N rows of the first view are averaged; NT-Xent averages over all 2N embeddings.",
    ),
    "no_normalization": (no_normalization, "Rows are not L2-normalized, so similarities are raw dot products."),
    "cross_view_negatives_only": (
        cross_view_negatives_only,
        "Negatives come only from the other view (CLIP-style); in SimCLR same-view examples are negatives too.",
    ),
}
