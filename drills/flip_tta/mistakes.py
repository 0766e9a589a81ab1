"""Known wrong versions of flip_tta, used to name what a failing submission got wrong."""

import torch
import torch.nn.functional as F


def _logits(x, weight, bias):
    return F.conv2d(x, weight, bias, padding=(weight.shape[2] // 2, weight.shape[3] // 2))


def not_flipped_back(x, weight, bias):
    plain = torch.softmax(_logits(x, weight, bias), dim=1)
    flipped = torch.softmax(_logits(torch.flip(x, dims=[-1]), weight, bias), dim=1)
    return (plain + flipped) / 2


def averaged_logits(x, weight, bias):
    plain = _logits(x, weight, bias)
    flipped = torch.flip(_logits(torch.flip(x, dims=[-1]), weight, bias), dims=[-1])
    return torch.softmax((plain + flipped) / 2, dim=1)


def vertical_flip(x, weight, bias):
    plain = torch.softmax(_logits(x, weight, bias), dim=1)
    flipped = torch.softmax(_logits(torch.flip(x, dims=[-2]), weight, bias), dim=1)
    return (plain + torch.flip(flipped, dims=[-2])) / 2


def no_augmentation(x, weight, bias):
    return torch.softmax(_logits(x, weight, bias), dim=1)


MISTAKES = {
    "not_flipped_back": (
        not_flipped_back,
        "The flipped view's prediction is averaged without flipping it back, so pixels are misaligned.",
    ),
    "averaged_logits": (
        averaged_logits,
        "The logits are averaged and then passed through softmax; the drill averages the probabilities.",
    ),
    "vertical_flip": (vertical_flip, "Flips along H (up-down); a horizontal flip reverses the width axis W."),
    "no_augmentation": (no_augmentation, "Returns the single prediction on x, without the flipped view."),
}
