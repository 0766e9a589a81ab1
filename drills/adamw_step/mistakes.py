"""Known wrong versions of adamw_step, used to name what a failing submission got wrong."""

import torch


def _adam(param, grad, m, v, t, lr, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad * grad
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return param - lr * m_hat / (torch.sqrt(v_hat) + eps), m, v


def l2_in_gradient(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    return _adam(param, grad + weight_decay * param, m, v, t, lr, beta1, beta2, eps)


def decay_not_scaled_by_lr(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    return _adam(param * (1 - weight_decay), grad, m, v, t, lr, beta1, beta2, eps)


def no_weight_decay(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    return _adam(param, grad, m, v, t, lr, beta1, beta2, eps)


def no_bias_correction(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    param = param * (1 - lr * weight_decay)
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad * grad
    return param - lr * m / (torch.sqrt(v) + eps), m, v


MISTAKES = {
    "l2_in_gradient": (
        l2_in_gradient,
        "weight_decay * param is added to the gradient (Adam with L2); AdamW decays the weights directly.",
    ),
    "decay_not_scaled_by_lr": (
        decay_not_scaled_by_lr,
        "The weights are multiplied by (1 - weight_decay); PyTorch's AdamW uses (1 - lr * weight_decay).",
    ),
    "no_weight_decay": (no_weight_decay, "The weight decay is never applied."),
    "no_bias_correction": (
        no_bias_correction,
        "m and v are used without dividing by (1 - beta1^t) and (1 - beta2^t).",
    ),
}
