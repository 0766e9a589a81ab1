"""Known wrong versions of population_stability_index, used to name what a failing submission got wrong."""

import numpy as np


def _shares(edges, sample, bins, eps, side="right"):
    index = np.searchsorted(edges, sample, side=side)
    return np.maximum(np.bincount(index, minlength=bins) / len(sample), eps)


def _psi(p_e, p_a):
    return float(np.sum((p_a - p_e) * np.log(p_a / p_e)))


def equal_width_bins(expected, actual, bins=10, eps=1e-4):
    edges = np.linspace(np.min(expected), np.max(expected), bins + 1)[1:-1]
    return _psi(_shares(edges, expected, bins, eps), _shares(edges, actual, bins, eps))


def one_sided_kl(expected, actual, bins=10, eps=1e-4):
    edges = np.quantile(expected, np.arange(1, bins) / bins)
    p_e, p_a = _shares(edges, expected, bins, eps), _shares(edges, actual, bins, eps)
    return float(np.sum(p_a * np.log(p_a / p_e)))


def bins_from_actual(expected, actual, bins=10, eps=1e-4):
    edges = np.quantile(actual, np.arange(1, bins) / bins)
    return _psi(_shares(edges, expected, bins, eps), _shares(edges, actual, bins, eps))


def edge_values_go_below(expected, actual, bins=10, eps=1e-4):
    edges = np.quantile(expected, np.arange(1, bins) / bins)
    return _psi(_shares(edges, expected, bins, eps, "left"), _shares(edges, actual, bins, eps, "left"))


MISTAKES = {
    "equal_width_bins": (
        equal_width_bins,
        "Bins split expected's range into equal widths; PSI uses its quantiles, so each bin holds a similar share.",
    ),
    "one_sided_kl": (
        one_sided_kl,
        "Computes sum(p_a ln(p_a / p_e)), a one-sided KL; PSI weights the log ratio by (p_a - p_e).",
    ),
    "bins_from_actual": (bins_from_actual, "The bin edges come from the monitored sample; they come from expected."),
    "edge_values_go_below": (
        edge_values_go_below,
        "A value equal to an edge is put in the bin below it; the drill puts it in the bin above (side='right').",
    ),
}
