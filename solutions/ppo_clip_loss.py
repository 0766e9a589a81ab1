"""Reference for the ppo_clip_loss drill: PPO's clipped surrogate objective, as a loss to minimize."""

import numpy as np


def ppo_clip_loss(logp_new: np.ndarray, logp_old: np.ndarray, advantages: np.ndarray,
                  clip_eps: float = 0.2) -> float:
    """-mean(min(r * A, clip(r, 1 - eps, 1 + eps) * A)) with r = exp(logp_new - logp_old).

    The min makes the objective a pessimistic bound: moving the ratio past the clip range earns nothing
    when that would help (A > 0 with r > 1 + eps, A < 0 with r < 1 - eps), but is still fully charged
    when it hurts.
    """
    ratio = np.exp(logp_new - logp_old)
    unclipped = ratio * advantages
    clipped = np.clip(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * advantages
    return float(-np.mean(np.minimum(unclipped, clipped)))
