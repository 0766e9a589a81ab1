"""Known wrong versions of the Adam optimizer class, used to name what a failing submission got wrong."""

import numpy as np


class _Base:
    def __init__(self, params, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        self.params = [np.array(p, dtype=np.float64) for p in params]
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]
        self.t = 0

    def _advance(self):
        self.t += 1
        return self.t

    def _reset_state(self):
        pass

    def _update(self, m_hat, v_hat):
        return self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def _corrections(self, t):
        return 1 - self.beta1**t, 1 - self.beta2**t

    def step(self, grads):
        t = self._advance()
        self._reset_state()
        c1, c2 = self._corrections(t)
        for i, g in enumerate(grads):
            self.m[i] = self.beta1 * self.m[i] + (1 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1 - self.beta2) * g * g
            self.params[i] = self.params[i] - self._update(self.m[i] / c1, self.v[i] / c2)
        return [p.copy() for p in self.params]


class NoBiasCorrection(_Base):
    def _corrections(self, t):
        return 1.0, 1.0


class StepCountNotAdvanced(_Base):
    def _advance(self):
        return 1


class StateResetEachStep(_Base):
    def _reset_state(self):
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]


class EpsInsideSqrt(_Base):
    def _update(self, m_hat, v_hat):
        return self.lr * m_hat / np.sqrt(v_hat + self.eps)


MISTAKES = {
    "no_bias_correction": (
        NoBiasCorrection,
        "m and v are used without bias correction (dividing by 1 - beta**t), so early steps are far too small.",
    ),
    "step_count_not_advanced": (
        StepCountNotAdvanced,
        "The bias correction always uses t = 1: the step counter is never advanced between calls.",
    ),
    "state_reset_each_step": (
        StateResetEachStep,
        "m and v are re-created at every step, so the optimizer has no memory (no momentum).",
    ),
    "eps_inside_sqrt": (EpsInsideSqrt, "eps is added inside the square root; Adam adds it to sqrt(v_hat)."),
}
