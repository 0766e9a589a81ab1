"""Oracle for weight_averaging: torch.optim.swa_utils.AveragedModel over a module holding the weights."""

import numpy as np
import torch
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn


class oracle:  # noqa: N801 - the drill format names the oracle entry point `oracle`
    """Feeds each snapshot to AveragedModel; takes and returns numpy arrays."""

    def __init__(self, params, decay=None) -> None:
        self.module = torch.nn.ParameterList([torch.nn.Parameter(torch.tensor(p)) for p in params])
        kwargs = {} if decay is None else {"multi_avg_fn": get_ema_multi_avg_fn(decay)}
        self.averaged = AveragedModel(self.module, **kwargs)
        self.averaged.update_parameters(self.module)

    def _load(self, params) -> None:
        with torch.no_grad():
            for p, value in zip(self.module, params, strict=True):
                p.copy_(torch.from_numpy(np.asarray(value)))

    @property
    def num_averaged(self) -> int:
        return int(self.averaged.n_averaged.item())

    def update(self, params) -> list[np.ndarray]:
        self._load(params)
        self.averaged.update_parameters(self.module)
        return [p.detach().numpy().copy() for p in self.averaged.module]
