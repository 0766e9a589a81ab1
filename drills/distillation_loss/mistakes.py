"""Wrong distillation_loss implementations an interviewee commonly writes."""

import numpy as np


def _log_softmax(x):
    m = x.max(axis=1, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(axis=1, keepdims=True))


def _hard(s, targets):
    return -_log_softmax(s)[np.arange(s.shape[0]), targets].mean()


def no_t_squared(student_logits, teacher_logits, targets, temperature=4.0, alpha=0.5):
    lt, ls = _log_softmax(teacher_logits / temperature), _log_softmax(student_logits / temperature)
    soft = (np.exp(lt) * (lt - ls)).sum(axis=1).mean()
    return float(alpha * _hard(student_logits, targets) + (1 - alpha) * soft)


def kl_reversed(student_logits, teacher_logits, targets, temperature=4.0, alpha=0.5):
    lt, ls = _log_softmax(teacher_logits / temperature), _log_softmax(student_logits / temperature)
    soft = (np.exp(ls) * (ls - lt)).sum(axis=1).mean()
    return float(alpha * _hard(student_logits, targets) + (1 - alpha) * temperature ** 2 * soft)


def kl_averaged_over_classes(student_logits, teacher_logits, targets, temperature=4.0, alpha=0.5):
    lt, ls = _log_softmax(teacher_logits / temperature), _log_softmax(student_logits / temperature)
    soft = (np.exp(lt) * (lt - ls)).mean()
    return float(alpha * _hard(student_logits, targets) + (1 - alpha) * temperature ** 2 * soft)


MISTAKES = {
    "no_t_squared": (no_t_squared, "Forgets the T^2 factor, so the soft term fades as the temperature rises."),
    "kl_reversed": (kl_reversed, "Computes KL(student || teacher); distillation uses KL(teacher || student)."),
    "kl_averaged_over_classes": (kl_averaged_over_classes,
                                 "Averages the KL over classes as well as examples (reduction='mean'); the KL sums "
                                 "over classes and averages over the batch ('batchmean')."),
}
