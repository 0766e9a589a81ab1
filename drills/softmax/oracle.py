"""PyTorch oracle for the softmax drill (tests only)."""

import numpy as np
import torch


def oracle(x, axis=-1):
    return torch.softmax(torch.from_numpy(np.asarray(x, dtype=np.float64)), dim=axis).numpy()
