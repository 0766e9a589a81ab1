"""Wrong masked_token_loss variants: the starter's reduction and other common ones."""

import numpy as np


def _nll(logits, targets):
    m = logits.max(axis=-1, keepdims=True)
    logp = logits - m - np.log(np.exp(logits - m).sum(axis=-1, keepdims=True))
    return -np.take_along_axis(logp, targets[..., None], axis=-1)[..., 0]


def mean_over_all_positions(logits, targets, mask):
    return float((_nll(logits, targets) * mask).mean())


def mean_of_sequence_means(logits, targets, mask):
    nll = _nll(logits, targets) * mask
    return float((nll.sum(axis=1) / mask.sum(axis=1)).mean())


def padding_not_masked(logits, targets, mask):
    return float(_nll(logits, targets).mean())


MISTAKES = {
    "mean_over_all_positions": (mean_over_all_positions,
                                "Zeroes the padding but divides by all B * T positions, so padding dilutes the loss "
                                "and its gradients; divide by the number of real tokens."),
    "mean_of_sequence_means": (mean_of_sequence_means,
                               "Averages each sequence, then the sequences: a token of a short sentence weighs more "
                               "than one of a long sentence. The loss is a mean over tokens."),
    "padding_not_masked": (padding_not_masked, "Averages the loss over padding positions too, as if they were real."),
}
