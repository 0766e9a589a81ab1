"""Averaging model weights across snapshots: equal weights (SWA) or an exponential moving average."""

import numpy as np


class WeightAverager:
    """Running average of a list of weight arrays, as torch.optim.swa_utils.AveragedModel."""

    def __init__(self, params: list[np.ndarray], decay: float | None = None) -> None:
        raise NotImplementedError

    def update(self, params: list[np.ndarray]) -> list[np.ndarray]:
        """Fold one more snapshot into the average; return the averaged arrays."""
        raise NotImplementedError
