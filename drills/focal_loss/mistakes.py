"""Wrong focal_loss implementations an interviewee commonly writes."""

import numpy as np


def _parts(logits, targets):
    ce = np.maximum(logits, 0.0) - logits * targets + np.log1p(np.exp(-np.abs(logits)))
    p = 1.0 / (1.0 + np.exp(-logits))
    p_t = p * targets + (1.0 - p) * (1.0 - targets)
    return ce, p, p_t


def alpha_on_every_element(logits, targets, alpha=0.25, gamma=2.0):
    ce, _, p_t = _parts(logits, targets)
    return float((alpha * (1 - p_t) ** gamma * ce).sum() / max(1.0, float(targets.sum())))


def modulates_with_p_not_p_t(logits, targets, alpha=0.25, gamma=2.0):
    ce, p, _ = _parts(logits, targets)
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    return float((alpha_t * (1 - p) ** gamma * ce).sum() / max(1.0, float(targets.sum())))


def mean_over_all_elements(logits, targets, alpha=0.25, gamma=2.0):
    ce, _, p_t = _parts(logits, targets)
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    return float((alpha_t * (1 - p_t) ** gamma * ce).mean())


MISTAKES = {
    "alpha_on_every_element": (alpha_on_every_element,
                               "Multiplies every element by alpha; negatives must get 1 - alpha (alpha_t)."),
    "modulates_with_p_not_p_t": (modulates_with_p_not_p_t,
                                 "Uses (1 - p)^gamma for every element; the factor is (1 - p_t)^gamma, which for a "
                                 "negative is p^gamma."),
    "mean_over_all_elements": (mean_over_all_elements,
                               "Averages over all anchors and classes; RetinaNet divides the sum by the number of "
                               "positives, so the easy negatives cannot dilute the loss."),
}
