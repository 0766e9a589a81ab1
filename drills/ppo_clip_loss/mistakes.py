"""Wrong ppo_clip_loss implementations an interviewee commonly writes."""

import numpy as np


def max_not_min(logp_new, logp_old, advantages, clip_eps=0.2):
    r = np.exp(logp_new - logp_old)
    return float(-np.mean(np.maximum(r * advantages, np.clip(r, 1 - clip_eps, 1 + clip_eps) * advantages)))


def clipped_term_only(logp_new, logp_old, advantages, clip_eps=0.2):
    r = np.exp(logp_new - logp_old)
    return float(-np.mean(np.clip(r, 1 - clip_eps, 1 + clip_eps) * advantages))


def ratio_of_log_probs(logp_new, logp_old, advantages, clip_eps=0.2):
    r = logp_new / logp_old
    return float(-np.mean(np.minimum(r * advantages, np.clip(r, 1 - clip_eps, 1 + clip_eps) * advantages)))


def not_negated(logp_new, logp_old, advantages, clip_eps=0.2):
    r = np.exp(logp_new - logp_old)
    return float(np.mean(np.minimum(r * advantages, np.clip(r, 1 - clip_eps, 1 + clip_eps) * advantages)))


MISTAKES = {
    "max_not_min": (max_not_min, "Takes the max of the two surrogates (an optimistic bound); PPO takes the "
                                 "min, so clipping removes the incentive but never the penalty."),
    "clipped_term_only": (clipped_term_only, "Uses only the clipped surrogate without the min, so a ratio far "
                                             "outside the range on the harmful side is not fully penalized."),
    "ratio_of_log_probs": (ratio_of_log_probs, "Divides the log-probabilities; the ratio is "
                                               "pi_new / pi_old = exp(logp_new - logp_old)."),
    "not_negated": (not_negated, "Returns the objective to maximize; the loss to minimize is its negation."),
}
