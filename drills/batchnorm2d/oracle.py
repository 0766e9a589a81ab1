import numpy as np
import torch
import torch.nn.functional as F


def oracle(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float64)  # noqa: E731
    rm, rv = t(running_mean), t(running_var)
    y = F.batch_norm(t(x), rm, rv, t(gamma), t(beta), training=training, momentum=momentum, eps=eps)
    return y.numpy(), rm.numpy(), rv.numpy()
