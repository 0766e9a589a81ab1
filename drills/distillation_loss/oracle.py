"""PyTorch oracle for distillation_loss (tests only): F.cross_entropy plus F.kl_div with batchmean."""

import numpy as np
import torch
import torch.nn.functional as F


def oracle(student_logits, teacher_logits, targets, temperature=4.0, alpha=0.5):
    s = torch.tensor(np.asarray(student_logits), dtype=torch.float64)
    t = torch.tensor(np.asarray(teacher_logits), dtype=torch.float64)
    hard = F.cross_entropy(s, torch.tensor(np.asarray(targets), dtype=torch.int64))
    soft = F.kl_div(F.log_softmax(s / temperature, dim=1), F.log_softmax(t / temperature, dim=1),
                    reduction="batchmean", log_target=True)
    return float(alpha * hard + (1 - alpha) * temperature ** 2 * soft)
