"""Wrong l1_proximal_step implementations an interviewee commonly writes."""

import numpy as np


def subgradient_step(w, grad, lr, l1):
    return w - lr * (grad + l1 * np.sign(w))


def threshold_without_lr(w, grad, lr, l1):
    z = w - lr * grad
    return np.sign(z) * np.maximum(np.abs(z) - l1, 0.0)


def shrink_before_gradient(w, grad, lr, l1):
    shrunk = np.sign(w) * np.maximum(np.abs(w) - lr * l1, 0.0)
    return shrunk - lr * grad


def clamp_not_shrink(w, grad, lr, l1):
    z = w - lr * grad
    return np.where(np.abs(z) <= lr * l1, 0.0, z)


MISTAKES = {
    "subgradient_step": (subgradient_step, "Takes a subgradient step with l1 * sign(w): weights overshoot past 0 "
                                           "and oscillate instead of becoming exactly 0."),
    "threshold_without_lr": (threshold_without_lr, "Shrinks by l1 instead of lr * l1; the threshold of the "
                                                   "proximal step scales with the step size."),
    "shrink_before_gradient": (shrink_before_gradient, "Soft-thresholds the old weights and then takes the "
                                                       "gradient step; the prox is applied after the step."),
    "clamp_not_shrink": (clamp_not_shrink, "Zeroes small weights (hard thresholding) but leaves the others "
                                           "unshrunk; soft thresholding also moves them toward 0 by lr * l1."),
}
