"""PyTorch oracle for the log_softmax drill (tests only)."""

import numpy as np
import torch


def oracle(x, axis=-1):
    return torch.log_softmax(torch.from_numpy(np.asarray(x, dtype=np.float64)), dim=axis).numpy()
