"""PyTorch oracle for debug_adam_bias (tests only): torch.optim.Adam with its state set to (m, v, t - 1)."""

import numpy as np
import torch


def oracle(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    p = torch.nn.Parameter(torch.tensor(np.asarray(param), dtype=torch.float64))
    opt = torch.optim.Adam([p], lr=lr, betas=(beta1, beta2), eps=eps)
    opt.state[p] = {"step": torch.tensor(float(t - 1)), "exp_avg": torch.tensor(np.asarray(m)).clone(),
                    "exp_avg_sq": torch.tensor(np.asarray(v)).clone()}
    p.grad = torch.tensor(np.asarray(grad), dtype=torch.float64)
    opt.step()
    state = opt.state[p]
    return p.detach().numpy(), state["exp_avg"].numpy(), state["exp_avg_sq"].numpy()
