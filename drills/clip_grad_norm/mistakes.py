"""Wrong clip_grad_norm implementations an interviewee commonly writes."""

import numpy as np


def _total(grads):
    return float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))


def per_tensor_clipping(grads, max_norm):
    out = []
    for g in grads:
        n = float(np.sqrt(np.sum(g * g)))
        out.append(g * min(1.0, max_norm / (n + 1e-6)))
    return out, _total(grads)


def no_clamp_at_one(grads, max_norm):
    total = _total(grads)
    coef = max_norm / (total + 1e-6)
    return [g * coef for g in grads], total


def clip_by_value(grads, max_norm):
    return [np.clip(g, -max_norm, max_norm) for g in grads], _total(grads)


def norm_after_clipping(grads, max_norm):
    total = _total(grads)
    coef = min(1.0, max_norm / (total + 1e-6))
    clipped = [g * coef for g in grads]
    return clipped, _total(clipped)


MISTAKES = {
    "per_tensor_clipping": (per_tensor_clipping, "Clips each tensor to max_norm on its own; the norm is global "
                                                 "over all gradients and one factor scales them all."),
    "no_clamp_at_one": (no_clamp_at_one, "Always rescales to max_norm, blowing small gradients up; the "
                                         "coefficient is clamped at 1."),
    "clip_by_value": (clip_by_value, "Clips each element to [-max_norm, max_norm] (that is clip_grad_value_), "
                                     "which changes the gradient's direction."),
    "norm_after_clipping": (norm_after_clipping, "Returns the norm after clipping; PyTorch returns the total "
                                                 "norm measured before clipping."),
}
