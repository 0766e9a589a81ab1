"""PyTorch oracle for attention_backward (tests only): autograd through F.scaled_dot_product_attention."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(q, k, v, grad_out, causal=False):
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float64).requires_grad_()  # noqa: E731
    qt, kt, vt = t(q), t(k), t(v)
    F.scaled_dot_product_attention(qt, kt, vt, is_causal=causal).backward(torch.tensor(np.asarray(grad_out)))
    return qt.grad.numpy(), kt.grad.numpy(), vt.grad.numpy()
