"""Wrong lora_linear implementations an interviewee commonly writes."""

import numpy as np


def _lora(x, weight, bias, lora_a, lora_b, grad_out, forward_scale, grad_scale):
    h = x @ lora_a.T
    y = x @ weight.T + bias + forward_scale * h @ lora_b.T
    return y, grad_scale * (grad_out @ lora_b).T @ x, grad_scale * grad_out.T @ h


def scales_by_alpha_not_alpha_over_r(x, weight, bias, lora_a, lora_b, alpha, grad_out):
    return _lora(x, weight, bias, lora_a, lora_b, grad_out, alpha, alpha)


def gradients_miss_the_scale(x, weight, bias, lora_a, lora_b, alpha, grad_out):
    scale = alpha / lora_a.shape[0]
    return _lora(x, weight, bias, lora_a, lora_b, grad_out, scale, 1.0)


def drops_the_bias(x, weight, bias, lora_a, lora_b, alpha, grad_out):
    scale = alpha / lora_a.shape[0]
    return _lora(x, weight, np.zeros_like(bias), lora_a, lora_b, grad_out, scale, scale)


MISTAKES = {
    "scales_by_alpha_not_alpha_over_r": (scales_by_alpha_not_alpha_over_r,
                                         "Scales the low-rank path by alpha; LoRA uses alpha / r, so changing the rank "
                                         "does not change the update's size."),
    "gradients_miss_the_scale": (gradients_miss_the_scale,
                                 "Applies alpha / r in the forward pass but forgets it in the gradients of A and B."),
    "drops_the_bias": (drops_the_bias, "Leaves out the frozen layer's bias."),
}
