"""Wrong adam_step variants: the starter's bug and other common ones."""

import numpy as np


def no_bias_correction(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad ** 2
    return param - lr * m / (np.sqrt(v) + eps), m, v


def only_first_moment_corrected(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad ** 2
    return param - lr * (m / (1 - beta1 ** t)) / (np.sqrt(v) + eps), m, v


def returns_corrected_state(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad ** 2
    m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
    return param - lr * m_hat / (np.sqrt(v_hat) + eps), m_hat, v_hat


MISTAKES = {
    "no_bias_correction": (no_bias_correction,
                           "No bias correction: with beta2 > beta1, v starts far more shrunk towards zero than m, "
                           "so m / sqrt(v) is too large in the first steps."),
    "only_first_moment_corrected": (only_first_moment_corrected,
                                    "Corrects m but not v, which makes the early steps even larger; both moments "
                                    "need their own (1 - beta ** t)."),
    "returns_corrected_state": (returns_corrected_state,
                                "Stores the bias-corrected moments as the new state; the state must stay "
                                "uncorrected, the correction applies only when computing the step."),
}
