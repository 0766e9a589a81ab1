"""Known wrong versions of dpo_loss, used to name what a failing submission got wrong."""

import torch


def _stable(z):
    return torch.clamp(-z, min=0) + torch.log1p(torch.exp(-z.abs()))


def naive_log_sigmoid(pi_chosen, pi_rejected, ref_chosen, ref_rejected, beta=0.1):
    z = beta * ((pi_chosen - ref_chosen) - (pi_rejected - ref_rejected))
    return (-torch.log(torch.sigmoid(z))).mean()


def chosen_rejected_swapped(pi_chosen, pi_rejected, ref_chosen, ref_rejected, beta=0.1):
    z = beta * ((pi_rejected - ref_rejected) - (pi_chosen - ref_chosen))
    return _stable(z).mean()


def no_reference(pi_chosen, pi_rejected, ref_chosen, ref_rejected, beta=0.1):
    return _stable(beta * (pi_chosen - pi_rejected)).mean()


def beta_ignored(pi_chosen, pi_rejected, ref_chosen, ref_rejected, beta=0.1):
    return _stable((pi_chosen - ref_chosen) - (pi_rejected - ref_rejected)).mean()


def summed_not_averaged(pi_chosen, pi_rejected, ref_chosen, ref_rejected, beta=0.1):
    return _stable(beta * ((pi_chosen - ref_chosen) - (pi_rejected - ref_rejected))).sum()


MISTAKES = {
    "naive_log_sigmoid": (
        naive_log_sigmoid,
        "torch.log(torch.sigmoid(z)) gives log(0) = -inf for very negative z; use a stable -log sigmoid.",
    ),
    "chosen_rejected_swapped": (
        chosen_rejected_swapped,
        "The margin is rejected minus chosen, so the loss rewards preferring the rejected response.",
    ),
    "no_reference": (
        no_reference,
        "The reference log-probabilities are left out: the implicit reward is beta * (log pi - log ref).",
    ),
    "beta_ignored": (beta_ignored, "The margin is not multiplied by beta."),
    "summed_not_averaged": (summed_not_averaged, "The per-example losses are summed instead of averaged."),
}
