"""Xavier (Glorot) and He (Kaiming) weight initialization from given random numbers."""

import numpy as np


def init_weights(shape: tuple, scheme: str, noise: np.ndarray) -> np.ndarray:
    """Scale the given noise into weights of shape `shape` (PyTorch layout (out, in, *kernel)).

    scheme: "xavier_uniform" | "xavier_normal" | "he_uniform" | "he_normal". noise: U[0, 1) samples for the
    uniform schemes, N(0, 1) samples for the normal ones, already of shape `shape`.
    """
    raise NotImplementedError
