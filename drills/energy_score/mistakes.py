"""Known wrong versions of energy_score, used to name what a failing submission got wrong."""

import torch


def _stable_logsumexp(z):
    top = z.max(dim=1, keepdim=True).values
    return top.squeeze(1) + torch.log(torch.exp(z - top).sum(dim=1))


def naive_logsumexp(logits, temperature=1.0):
    return -temperature * torch.log(torch.exp(logits / temperature).sum(dim=1))


def temperature_not_multiplied_back(logits, temperature=1.0):
    return -_stable_logsumexp(logits / temperature)


def sign_flipped(logits, temperature=1.0):
    return temperature * _stable_logsumexp(logits / temperature)


def max_logit_only(logits, temperature=1.0):
    return -logits.max(dim=1).values


MISTAKES = {
    "naive_logsumexp": (
        naive_logsumexp,
        "log(sum(exp(...))) without subtracting the maximum overflows to inf (or -inf) for large logits.",
    ),
    "temperature_not_multiplied_back": (
        temperature_not_multiplied_back,
        "The logits are divided by T but the result is not multiplied by T: E = -T logsumexp(f / T).",
    ),
    "sign_flipped": (sign_flipped, "Returns +T logsumexp(f / T), the negative of the energy."),
    "max_logit_only": (
        max_logit_only,
        "Uses -max logit, which ignores every other class; the energy is a soft minimum over all of them.",
    ),
}
