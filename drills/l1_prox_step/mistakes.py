"""Known wrong versions of l1_prox_step, used to name what a failing submission got wrong."""

import numpy as np


def subgradient_step(w, grad, lr, l1):
    return w - lr * (grad + l1 * np.sign(w))


def threshold_not_scaled_by_lr(w, grad, lr, l1):
    z = w - lr * grad
    return np.sign(z) * np.maximum(np.abs(z) - l1, 0.0)


def shrink_before_gradient(w, grad, lr, l1):
    return np.sign(w) * np.maximum(np.abs(w) - lr * l1, 0.0) - lr * grad


def no_clamp_at_zero(w, grad, lr, l1):
    z = w - lr * grad
    return z - lr * l1 * np.sign(z)


MISTAKES = {
    "subgradient_step": (
        subgradient_step,
        "A subgradient step w - lr (grad + l1 sign(w)) overshoots zero; the proximal step clamps there.",
    ),
    "threshold_not_scaled_by_lr": (
        threshold_not_scaled_by_lr,
        "The threshold is l1; for a step of size lr the proximal operator shrinks by lr * l1.",
    ),
    "shrink_before_gradient": (
        shrink_before_gradient,
        "The weights are shrunk before the gradient step; take the gradient step first, then soft-threshold.",
    ),
    "no_clamp_at_zero": (
        no_clamp_at_zero,
        "Each weight moves by lr * l1 toward zero but is not clamped at zero when it would cross it.",
    ),
}
