"""PyTorch oracle for lora_linear (tests only): autograd through the same expression."""

import numpy as np
import torch


def oracle(x, weight, bias, lora_a, lora_b, alpha, grad_out):
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float64)  # noqa: E731
    a = t(lora_a).requires_grad_()
    b = t(lora_b).requires_grad_()
    y = torch.nn.functional.linear(t(x), t(weight), t(bias)) + (alpha / a.shape[0]) * (t(x) @ a.T) @ b.T
    y.backward(t(grad_out))
    return y.detach().numpy(), a.grad.numpy(), b.grad.numpy()
