"""Reference for lora_linear: frozen linear layer plus a scaled low-rank path, and the adapters' gradients."""

import numpy as np


def lora_linear(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, lora_a: np.ndarray, lora_b: np.ndarray,
                alpha: float, grad_out: np.ndarray):
    """(y, dL/dA, dL/dB) with scale alpha / r, r = lora_a.shape[0]."""
    scale = alpha / lora_a.shape[0]
    h = x @ lora_a.T
    y = x @ weight.T + bias + scale * h @ lora_b.T
    grad_b = scale * grad_out.T @ h
    grad_a = scale * (grad_out @ lora_b).T @ x
    return y, grad_a, grad_b
