"""Knowledge-distillation loss: hard-label cross-entropy plus temperature-softened KL to the teacher."""

import numpy as np


def distillation_loss(student_logits: np.ndarray, teacher_logits: np.ndarray, targets: np.ndarray,
                      temperature: float = 4.0, alpha: float = 0.5) -> float:
    """alpha * CE(targets, student) + (1 - alpha) * T^2 * KL(softmax(teacher/T) || softmax(student/T)).

    Logits (N, K) float64; targets (N,) int64. Both terms are averaged over the batch. Returns a Python float.
    """
    raise NotImplementedError
