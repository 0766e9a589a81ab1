"""Early stopping: stop when a validation metric has not improved for `patience` epochs."""


class EarlyStopping:
    """Tracks the best value and the epochs since it improved; step() says when to stop."""

    def __init__(self, patience: int, min_delta: float = 0.0, mode: str = "min") -> None:
        raise NotImplementedError

    def step(self, value: float) -> bool:
        """Record one epoch's metric; return True when training should stop now."""
        raise NotImplementedError
