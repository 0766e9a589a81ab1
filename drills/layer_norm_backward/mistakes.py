"""Wrong layer_norm_backward implementations an interviewee commonly writes."""

import numpy as np


def _forward(x, eps):
    mean = x.mean(axis=-1, keepdims=True)
    sigma = np.sqrt(((x - mean) ** 2).mean(axis=-1, keepdims=True) + eps)
    return (x - mean) / sigma, sigma


def _params(x_hat, grad_out):
    lead = tuple(range(x_hat.ndim - 1))
    return (grad_out * x_hat).sum(axis=lead), grad_out.sum(axis=lead)


def statistics_as_constants(x, gamma, grad_out, eps=1e-5):
    x_hat, sigma = _forward(x, eps)
    return (grad_out * gamma / sigma, *_params(x_hat, grad_out))


def drops_the_variance_term(x, gamma, grad_out, eps=1e-5):
    x_hat, sigma = _forward(x, eps)
    g = grad_out * gamma
    return ((g - g.mean(axis=-1, keepdims=True)) / sigma, *_params(x_hat, grad_out))


def gamma_left_out_of_dx(x, gamma, grad_out, eps=1e-5):
    x_hat, sigma = _forward(x, eps)
    d = x.shape[-1]
    g = grad_out
    dx = (d * g - g.sum(axis=-1, keepdims=True) - x_hat * (g * x_hat).sum(axis=-1, keepdims=True)) / (d * sigma)
    return (dx, *_params(x_hat, grad_out))


MISTAKES = {
    "statistics_as_constants": (statistics_as_constants,
                                "Treats the mean and sigma as constants (dx = gamma * grad_out / sigma); both depend "
                                "on every feature of the row."),
    "drops_the_variance_term": (drops_the_variance_term,
                                "Subtracts the mean of the gradient but forgets the term through the variance, "
                                "- x_hat * mean(g * x_hat)."),
    "gamma_left_out_of_dx": (gamma_left_out_of_dx,
                             "Backpropagates grad_out into x_hat without multiplying by gamma first."),
}
