"""PyTorch oracle for the sgd_momentum_step drill (tests only): torch.optim.SGD stepping a real parameter."""

import numpy as np
import torch


def oracle(param, grad, buf, lr, momentum=0.9, weight_decay=0.0, nesterov=False):
    p = torch.nn.Parameter(torch.tensor(np.asarray(param, dtype=np.float64)))
    p.grad = torch.tensor(np.asarray(grad, dtype=np.float64))
    opt = torch.optim.SGD([p], lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
    opt.state[p]["momentum_buffer"] = torch.tensor(np.asarray(buf, dtype=np.float64))
    opt.step()
    return p.detach().numpy().copy(), opt.state[p]["momentum_buffer"].numpy().copy()
