"""Known wrong versions of mish_and_grad, used to name what a failing submission got wrong."""

import torch


def _softplus(x):
    return torch.clamp(x, min=0) + torch.log1p(torch.exp(-x.abs()))


def missing_softplus_derivative(x):
    t = torch.tanh(_softplus(x))
    return x * t, t + x * (1 - t * t)


def missing_product_rule_term(x):
    t = torch.tanh(_softplus(x))
    return x * t, x * (1 - t * t) * torch.sigmoid(x)


def tanh_of_x(x):
    t = torch.tanh(x)
    return x * t, t + x * (1 - t * t)


def sech_not_squared(x):
    t = torch.tanh(_softplus(x))
    return x * t, t + x * (1 - t) * torch.sigmoid(x)


MISTAKES = {
    "missing_softplus_derivative": (
        missing_softplus_derivative,
        "The chain rule stops at tanh: the factor d softplus / dx = sigmoid(x) is missing.",
    ),
    "missing_product_rule_term": (
        missing_product_rule_term,
        "Only x * d tanh(softplus(x)) / dx is kept; the product rule also gives the term tanh(softplus(x)).",
    ),
    "tanh_of_x": (tanh_of_x, "Computes x * tanh(x); Mish is x * tanh(softplus(x))."),
    "sech_not_squared": (
        sech_not_squared,
        "d tanh(s) / ds is taken as 1 - tanh(s); it is 1 - tanh(s)^2.",
    ),
}
