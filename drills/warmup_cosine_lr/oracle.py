"""Oracle for warmup_cosine_lr: PyTorch's LinearLR then CosineAnnealingLR (SequentialLR) driving an SGD.

PyTorch's cosine rises again after T_max; the drill holds the floor there, so steps at or past total_steps
read min_lr.
"""

import warnings

import numpy as np
import torch


def oracle(steps, base_lr, warmup_steps, total_steps, min_lr=0.0) -> np.ndarray:
    """Return the learning rate PyTorch's schedulers give at each step (min_lr from total_steps on)."""
    param = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([param], lr=base_lr)
    warm = torch.optim.lr_scheduler.LinearLR(opt, start_factor=1 / warmup_steps, end_factor=1.0,
                                             total_iters=warmup_steps - 1)
    cos = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=total_steps - warmup_steps, eta_min=min_lr)
    schedule = torch.optim.lr_scheduler.SequentialLR(opt, [warm, cos], milestones=[warmup_steps])
    history = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(total_steps):
            history.append(opt.param_groups[0]["lr"])
            opt.step()
            schedule.step()
    flat = [history[s] if s < total_steps else min_lr for s in np.asarray(steps).reshape(-1)]
    return np.array(flat, dtype=np.float64).reshape(np.shape(steps))
