"""Wrong init_weights implementations an interviewee commonly writes."""

import math

SQRT3 = math.sqrt(3.0)


def _init(shape, scheme, noise, *, fan_in_dim=1, receptive_field=True, uniform_factor=SQRT3):
    receptive = math.prod(shape[2:]) if receptive_field else 1
    fan_in = shape[fan_in_dim] * receptive
    fan_out = shape[1 - fan_in_dim] * receptive
    std = math.sqrt(2.0 / (fan_in + fan_out)) if scheme.startswith("xavier") else math.sqrt(2.0 / fan_in)
    if scheme.endswith("uniform"):
        return (2.0 * noise - 1.0) * uniform_factor * std
    return std * noise


def fans_swapped(shape, scheme, noise):
    return _init(shape, scheme, noise, fan_in_dim=0)


def uniform_bound_equals_std(shape, scheme, noise):
    return _init(shape, scheme, noise, uniform_factor=1.0)


def kernel_size_ignored(shape, scheme, noise):
    return _init(shape, scheme, noise, receptive_field=False)


MISTAKES = {
    "fans_swapped": (fans_swapped,
                     "Reads fan_in from shape[0]; PyTorch weights are (out, in, ...), so fan_in comes from shape[1]."),
    "uniform_bound_equals_std": (uniform_bound_equals_std,
                                 "Uses the standard deviation as the uniform bound; U(-a, a) has std a / sqrt(3), so "
                                 "a = sqrt(3) * std."),
    "kernel_size_ignored": (kernel_size_ignored,
                            "Leaves the kernel size out of the fans; each output of a conv sums in * kh * kw inputs."),
}
