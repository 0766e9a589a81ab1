"""Oracle for adamw_step: torch.optim.AdamW stepping a real parameter from the given state."""

import torch


def oracle(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    """Return (param, m, v) after AdamW's step number t, as numpy arrays."""
    p = torch.tensor(param, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.AdamW([p], lr=lr, betas=(beta1, beta2), eps=eps, weight_decay=weight_decay)
    opt.state[p] = {
        "step": torch.tensor(float(t - 1)),
        "exp_avg": torch.tensor(m, dtype=torch.float64),
        "exp_avg_sq": torch.tensor(v, dtype=torch.float64),
    }
    p.grad = torch.tensor(grad, dtype=torch.float64)
    opt.step()
    state = opt.state[p]
    return p.detach().numpy(), state["exp_avg"].numpy(), state["exp_avg_sq"].numpy()
