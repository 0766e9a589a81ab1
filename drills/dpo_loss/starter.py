"""DPO loss on summed log-probabilities."""

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
    raise NotImplementedError
