"""Reference for distillation_loss (Hinton et al. 2015)."""

import numpy as np


def _log_softmax(x: np.ndarray) -> np.ndarray:
    m = x.max(axis=1, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(axis=1, keepdims=True))


def distillation_loss(student_logits: np.ndarray, teacher_logits: np.ndarray, targets: np.ndarray,
                      temperature: float = 4.0, alpha: float = 0.5) -> float:
    """Hard cross-entropy plus T^2-scaled batch-mean KL(teacher_T || student_T)."""
    n = student_logits.shape[0]
    hard = -_log_softmax(student_logits)[np.arange(n), targets].mean()
    log_pt = _log_softmax(teacher_logits / temperature)
    log_ps = _log_softmax(student_logits / temperature)
    soft = (np.exp(log_pt) * (log_pt - log_ps)).sum(axis=1).mean()
    return float(alpha * hard + (1.0 - alpha) * temperature ** 2 * soft)
