"""Reference for the weight_averaging drill: SWA (equal weights) or EMA over weight snapshots."""

import numpy as np


class WeightAverager:
    """Running average of a list of weight arrays, as torch.optim.swa_utils.AveragedModel."""

    def __init__(self, params: list[np.ndarray], decay: float | None = None) -> None:
        self.average = [np.array(p, dtype=np.float64) for p in params]
        self.decay = decay
        self.num_averaged = 1

    def update(self, params: list[np.ndarray]) -> list[np.ndarray]:
        """Fold one more snapshot into the average; return copies of the averaged arrays."""
        self.num_averaged += 1
        for i, w in enumerate(params):
            if self.decay is None:
                self.average[i] = self.average[i] + (w - self.average[i]) / self.num_averaged
            else:
                self.average[i] = self.decay * self.average[i] + (1 - self.decay) * w
        return [a.copy() for a in self.average]
