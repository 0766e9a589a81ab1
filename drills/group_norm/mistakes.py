"""Known wrong versions of group_norm, used to name what a failing submission got wrong."""

import torch


def _affine(y, gamma, beta):
    shape = (1, -1) + (1,) * (y.dim() - 2)
    return gamma.reshape(shape) * y + beta.reshape(shape)


def _normalize_rows(rows, eps, unbiased=False):
    mean = rows.mean(dim=-1, keepdim=True)
    var = rows.var(dim=-1, keepdim=True, unbiased=unbiased)
    return (rows - mean) / torch.sqrt(var + eps)


def unbiased_variance(x, num_groups, gamma, beta, eps=1e-5):
    y = _normalize_rows(x.reshape(x.shape[0], num_groups, -1), eps, unbiased=True).reshape(x.shape)
    return _affine(y, gamma, beta)


def per_channel_statistics(x, num_groups, gamma, beta, eps=1e-5):
    y = _normalize_rows(x.reshape(x.shape[0], x.shape[1], -1), eps).reshape(x.shape)
    return _affine(y, gamma, beta)


def interleaved_groups(x, num_groups, gamma, beta, eps=1e-5):
    n, c = x.shape[:2]
    per = c // num_groups
    # channel c is put in group c % G instead of c // (C / G)
    swapped = x.reshape(n, per, num_groups, *x.shape[2:]).transpose(1, 2)
    y = _normalize_rows(swapped.reshape(n, num_groups, -1), eps).reshape(swapped.shape)
    return _affine(y.transpose(1, 2).reshape(x.shape), gamma, beta)


def statistics_across_batch(x, num_groups, gamma, beta, eps=1e-5):
    n = x.shape[0]
    grouped = x.reshape(n, num_groups, -1).transpose(0, 1).reshape(num_groups, -1)
    y = _normalize_rows(grouped, eps).reshape(num_groups, n, -1).transpose(0, 1).reshape(x.shape)
    return _affine(y, gamma, beta)


MISTAKES = {
    "unbiased_variance": (unbiased_variance, "The variance divides by n - 1; group norm uses the biased variance."),
    "per_channel_statistics": (
        per_channel_statistics,
        "Statistics are taken per channel (instance norm) instead of over each group of channels.",
    ),
    "interleaved_groups": (
        interleaved_groups,
        "Channels are assigned to groups round-robin (c % G); groups are blocks of consecutive channels.",
    ),
    "statistics_across_batch": (
        statistics_across_batch,
        "Group statistics are pooled over the batch too; group norm normalizes each sample on its own.",
    ),
}
