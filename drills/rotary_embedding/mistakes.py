"""Wrong rotary_embedding implementations an interviewee commonly writes."""

import numpy as np


def _angles(positions, d, base, exponent_scale=2.0):
    theta = base ** (-exponent_scale * np.arange(d // 2) / d)
    return positions[:, None].astype(np.float64) * theta[None, :]


def pairs_first_and_second_half(x, positions, base=10000.0):
    d = x.shape[-1]
    ang = _angles(positions, d, base)
    a, b = x[..., : d // 2], x[..., d // 2:]
    return np.concatenate([a * np.cos(ang) - b * np.sin(ang), a * np.sin(ang) + b * np.cos(ang)], axis=-1)


def frequency_exponent_without_two(x, positions, base=10000.0):
    d = x.shape[-1]
    ang = _angles(positions, d, base, exponent_scale=1.0)
    out = np.empty_like(x)
    a, b = x[..., 0::2], x[..., 1::2]
    out[..., 0::2] = a * np.cos(ang) - b * np.sin(ang)
    out[..., 1::2] = a * np.sin(ang) + b * np.cos(ang)
    return out


def rotates_backwards(x, positions, base=10000.0):
    d = x.shape[-1]
    ang = _angles(positions, d, base)
    out = np.empty_like(x)
    a, b = x[..., 0::2], x[..., 1::2]
    out[..., 0::2] = a * np.cos(ang) + b * np.sin(ang)
    out[..., 1::2] = -a * np.sin(ang) + b * np.cos(ang)
    return out


MISTAKES = {
    "pairs_first_and_second_half": (pairs_first_and_second_half,
                                    "Pairs feature i with feature i + D/2 (the half-split convention) instead of "
                                    "the adjacent pairs (2i, 2i+1) the prompt asks for."),
    "frequency_exponent_without_two": (frequency_exponent_without_two,
                                       "Uses theta_i = base ** (-i / D) instead of base ** (-2i / D), so the "
                                       "slowest pair rotates far too fast."),
    "rotates_backwards": (rotates_backwards, "Rotates by -angle (the sin terms have the wrong signs)."),
}
