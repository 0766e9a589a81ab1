"""PyTorch oracle for the conv2d_backward drill (tests only): autograd through F.conv2d."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(x, w, dout, stride=1, padding=0):
    xt = torch.tensor(np.asarray(x, dtype=np.float64), requires_grad=True)
    wt = torch.tensor(np.asarray(w, dtype=np.float64), requires_grad=True)
    bt = torch.zeros(wt.shape[0], dtype=torch.float64, requires_grad=True)
    y = F.conv2d(xt, wt, bt, stride=stride, padding=padding)
    y.backward(torch.from_numpy(np.asarray(dout, dtype=np.float64)))
    return xt.grad.numpy(), wt.grad.numpy(), bt.grad.numpy()
