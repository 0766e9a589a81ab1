"""Reference for the adamw_step drill: one AdamW step with decoupled weight decay."""

import torch


def adamw_step(
    param: torch.Tensor,
    grad: torch.Tensor,
    m: torch.Tensor,
    v: torch.Tensor,
    t: int,
    lr: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
    weight_decay: float = 1e-2,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Return (param, m, v) after step number t (from 1) with decoupled weight decay.

    The decay multiplies the old parameter by (1 - lr * weight_decay); the gradient feeding m and v is the
    plain gradient.
    """
    decayed = param * (1 - lr * weight_decay)
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad * grad
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return decayed - lr * m_hat / (torch.sqrt(v_hat) + eps), m, v
