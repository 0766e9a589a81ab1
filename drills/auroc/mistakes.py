"""Wrong auroc implementations an interviewee commonly writes."""

import numpy as np


def _count(scores, labels, tie_value):
    pos, neg = np.sort(scores[labels == 1]), np.sort(scores[labels == 0])
    below = np.searchsorted(neg, pos, side="left")
    at_or_below = np.searchsorted(neg, pos, side="right")
    return float((below + tie_value * (at_or_below - below)).sum() / (len(pos) * len(neg)))


def ties_count_as_losses(scores, labels):
    return _count(scores, labels, 0.0)


def ties_count_as_wins(scores, labels):
    return _count(scores, labels, 1.0)


def ranks_without_averaging_ties(scores, labels):
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    n_pos = int((labels == 1).sum())
    n_neg = len(labels) - n_pos
    return float((ranks[labels == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


MISTAKES = {
    "ties_count_as_losses": (ties_count_as_losses, "Counts only strict wins; a tied pair must count one half."),
    "ties_count_as_wins": (ties_count_as_wins, "Counts tied pairs as wins; a tie must count one half."),
    "ranks_without_averaging_ties": (ranks_without_averaging_ties,
                                     "Ranks tied scores by their position in the sort, so the result depends on "
                                     "input order; tied scores must share the average of their ranks."),
}
