"""PPO clipped surrogate loss."""

import numpy as np


def ppo_clip_loss(logp_new: np.ndarray, logp_old: np.ndarray, advantages: np.ndarray,
                  clip_eps: float = 0.2) -> float:
    """Return the negated mean of PPO's clipped surrogate objective, as a Python float.

    logp_new, logp_old, advantages: (N,) float64: log-probabilities of the taken actions under the current
    and the data-collecting policy, and the advantage estimates. clip_eps: the clip range epsilon.
    """
    raise NotImplementedError
