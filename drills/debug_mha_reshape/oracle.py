"""PyTorch oracle for debug_mha_reshape (tests only): nn.MultiheadAttention with the drill's weights."""

import numpy as np
import torch


def oracle(x, w_q, w_k, w_v, w_o, num_heads):
    e = x.shape[-1]
    mha = torch.nn.MultiheadAttention(e, num_heads, bias=False, batch_first=True, dtype=torch.float64)
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.tensor(np.concatenate([w_q, w_k, w_v], axis=0)))
        mha.out_proj.weight.copy_(torch.tensor(np.asarray(w_o)))
        xt = torch.tensor(np.asarray(x), dtype=torch.float64)
        out, _ = mha(xt, xt, xt, need_weights=False)
    return out.numpy()
