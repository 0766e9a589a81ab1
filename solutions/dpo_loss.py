"""Reference for the dpo_loss drill: the DPO objective with a numerically stable -log sigmoid."""

import torch


def dpo_loss(
    pi_chosen: torch.Tensor,
    pi_rejected: torch.Tensor,
    ref_chosen: torch.Tensor,
    ref_rejected: torch.Tensor,
    beta: float = 0.1,
) -> torch.Tensor:
    """Return mean(-log sigmoid(beta * ((pi_c - ref_c) - (pi_r - ref_r)))) as a 0-d tensor.

    All four inputs are (N,) summed log-probabilities of the chosen and rejected responses.
    """
    z = beta * ((pi_chosen - ref_chosen) - (pi_rejected - ref_rejected))
    # -log sigmoid(z) = log(1 + exp(-z)) = max(-z, 0) + log1p(exp(-|z|)), finite for every z.
    neg_log_sigmoid = torch.clamp(-z, min=0) + torch.log1p(torch.exp(-z.abs()))
    return neg_log_sigmoid.mean()
