"""A LoRA-adapted linear layer: output and the gradients of the two low-rank factors."""

import numpy as np


def lora_linear(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, lora_a: np.ndarray, lora_b: np.ndarray,
                alpha: float, grad_out: np.ndarray):
    """Return (y, grad_a, grad_b) for y = x W^T + b + (alpha / r) (x A^T) B^T.

    x (N, in); weight (out, in); bias (out,); lora_a (r, in); lora_b (out, r); grad_out (N, out) = dL/dy.
    """
    raise NotImplementedError
