"""Oracle for gru_cell: torch.nn.GRUCell with the drill's weights copied in."""

import numpy as np
import torch


def oracle(x, h, w_ih, w_hh, b_ih, b_hh) -> np.ndarray:
    """Return nn.GRUCell's new hidden state as a numpy array."""
    cell = torch.nn.GRUCell(x.shape[1], h.shape[1], dtype=torch.float64)
    with torch.no_grad():
        for param, value in zip(
            (cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh), (w_ih, w_hh, b_ih, b_hh), strict=True
        ):
            param.copy_(torch.from_numpy(value))
        return cell(torch.from_numpy(x), torch.from_numpy(h)).numpy()
