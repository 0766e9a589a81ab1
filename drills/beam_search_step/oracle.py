"""PyTorch oracle for beam_search_step (tests only): torch.topk over the flattened candidates."""

import numpy as np
import torch


def oracle(beam_scores, log_probs, beam_size):
    lp = torch.tensor(np.asarray(log_probs), dtype=torch.float64)
    b, k, v = lp.shape
    candidates = (torch.tensor(np.asarray(beam_scores), dtype=torch.float64)[:, :, None] + lp).reshape(b, k * v)
    scores, flat = torch.topk(candidates, beam_size, dim=-1, largest=True, sorted=True)
    return scores.numpy(), (flat // v).numpy(), (flat % v).numpy()
