"""Wrong ddpm_q_sample implementations an interviewee commonly writes."""

import numpy as np


def _bcast(a, x0):
    return a.reshape((-1,) + (1,) * (x0.ndim - 1))


def single_step_alpha(x0, t, noise, betas):
    a = (1.0 - betas)[t]
    return _bcast(np.sqrt(a), x0) * x0 + _bcast(np.sqrt(1.0 - a), x0) * noise


def no_square_roots(x0, t, noise, betas):
    ab = np.cumprod(1.0 - betas)[t]
    return _bcast(ab, x0) * x0 + _bcast(1.0 - ab, x0) * noise


def one_based_t(x0, t, noise, betas):
    ab = np.concatenate([[1.0], np.cumprod(1.0 - betas)])[t]
    return _bcast(np.sqrt(ab), x0) * x0 + _bcast(np.sqrt(1.0 - ab), x0) * noise


MISTAKES = {
    "single_step_alpha": (single_step_alpha, "Uses alpha_t = 1 - beta_t of one step; jumping straight to step "
                                             "t needs the cumulative product abar_t."),
    "no_square_roots": (no_square_roots, "Scales by abar_t and 1 - abar_t; the closed form uses their square "
                                         "roots, so that the variance stays 1."),
    "one_based_t": (one_based_t, "Treats t as 1-based (t = 0 returns x0 unchanged); here t indexes betas "
                                 "from 0, so t = 0 already has one step of noise."),
}
