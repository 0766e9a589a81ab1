"""Wrong train_mlp variants: the starter's bug and other common training-loop bugs."""

import torch


def _sgd_step(params, lr):
    """Plain SGD, as torch.optim.SGD does it: parameters without a gradient are skipped."""
    with torch.no_grad():
        for p in params:
            if p.grad is not None:
                p -= lr * p.grad


def _zero_grad(params):
    for p in params:
        p.grad = None


def _train(x, y, w1, w2, lr, steps, *, detach=False, zero_grad=True, loss_sum=False):
    w1 = w1.clone().requires_grad_(True)
    w2 = w2.clone().requires_grad_(True)
    losses = []
    for _ in range(steps):
        if zero_grad:
            _zero_grad((w1, w2))
        h = torch.relu(x @ w1)
        if detach:
            h = h.detach()
        err = (h @ w2 - y) ** 2
        loss = err.sum() if loss_sum else err.mean()
        loss.backward()
        _sgd_step((w1, w2), lr)
        losses.append(loss.detach())
    return w1.detach(), w2.detach(), torch.stack(losses)


def hidden_detached(x, y, w1, w2, lr, steps):
    return _train(x, y, w1, w2, lr, steps, detach=True)


def gradients_accumulate(x, y, w1, w2, lr, steps):
    return _train(x, y, w1, w2, lr, steps, zero_grad=False)


def loss_summed(x, y, w1, w2, lr, steps):
    return _train(x, y, w1, w2, lr, steps, loss_sum=True)


MISTAKES = {
    "hidden_detached": (hidden_detached,
                        "The hidden activation is detached from the graph, so w1 never gets a gradient and the "
                        "optimizer silently skips it."),
    "gradients_accumulate": (gradients_accumulate,
                             "optimizer.zero_grad() is missing: each step applies the sum of all gradients so far."),
    "loss_summed": (loss_summed, "Sums the squared errors instead of averaging them, scaling every step by N * D_out."),
}
