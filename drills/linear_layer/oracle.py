"""Oracle for linear_layer: the same module built on torch.nn.functional.linear and autograd."""

import numpy as np
import torch
import torch.nn.functional as F


class oracle:  # noqa: N801 - the drill format names the oracle entry point `oracle`
    """Linear layer whose gradients come from torch autograd; takes and returns numpy arrays."""

    def __init__(self, w: np.ndarray, b: np.ndarray) -> None:
        self.w = torch.tensor(w, requires_grad=True)
        self.b = torch.tensor(b, requires_grad=True)
        self.dw = self.db = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._x = torch.tensor(x, requires_grad=True)
        self._y = F.linear(self._x, self.w, self.b)
        return self._y.detach().numpy()

    def backward(self, dout: np.ndarray) -> np.ndarray:
        dx, dw, db = torch.autograd.grad(self._y, (self._x, self.w, self.b), torch.from_numpy(dout))
        self.dw, self.db = dw.numpy(), db.numpy()
        return dx.numpy()
