"""One diffusion training step: the noisy input and the regression loss for a chosen parameterization."""

import torch


def diffusion_training_loss(
    x0: torch.Tensor,
    noise: torch.Tensor,
    t: torch.Tensor,
    betas: torch.Tensor,
    model_output: torch.Tensor,
    prediction_type: str = "epsilon",
) -> tuple[torch.Tensor, torch.Tensor]:
    """Return (x_t, mean squared error between model_output and the target of prediction_type)."""
    raise NotImplementedError
