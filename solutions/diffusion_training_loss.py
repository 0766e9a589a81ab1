"""Reference for the diffusion_training_loss drill: q(x_t | x0) in closed form and the three usual targets."""

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
    alpha_bar = torch.cumprod(1 - betas, dim=0)[t].reshape((-1,) + (1,) * (x0.dim() - 1))
    a, s = torch.sqrt(alpha_bar), torch.sqrt(1 - alpha_bar)
    x_t = a * x0 + s * noise
    if prediction_type == "epsilon":
        target = noise
    elif prediction_type == "sample":
        target = x0
    elif prediction_type == "v_prediction":
        target = a * noise - s * x0
    else:
        raise ValueError(f"unknown prediction_type {prediction_type!r}")
    return x_t, ((model_output - target) ** 2).mean()
