"""Receptive field size and jump of a stack of convolution or pooling layers (one axis)."""


def receptive_field(
    kernel_sizes: list[int], strides: list[int], dilations: list[int] | None = None
) -> tuple[int, int]:
    """Return (size, jump) of one output unit of the last layer, in input positions."""
    raise NotImplementedError
