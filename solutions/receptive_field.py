"""Reference for the receptive_field drill: the standard recurrence r += (k - 1) * d * j, j *= s."""


def receptive_field(
    kernel_sizes: list[int], strides: list[int], dilations: list[int] | None = None
) -> tuple[int, int]:
    """Return (size, jump) of one output unit of the last layer, in input positions."""
    if dilations is None:
        dilations = [1] * len(kernel_sizes)
    size, jump = 1, 1
    for kernel, stride, dilation in zip(kernel_sizes, strides, dilations, strict=True):
        size += (kernel - 1) * dilation * jump
        jump *= stride
    return size, jump
