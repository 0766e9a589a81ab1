"""Oracle for receptive_field: measured with autograd on a real stack of torch conv1d layers.

Every weight is 1, so the gradient of one output unit with respect to the input is positive exactly on the
input positions it depends on; the span of that support is the receptive field, and the shift of the span
between two neighbouring output units is the jump.
"""

import torch
import torch.nn.functional as F


def _support(kernel_sizes, strides, dilations, length, index):
    x = torch.ones(1, 1, length, dtype=torch.float64, requires_grad=True)
    y = x
    for kernel, stride, dilation in zip(kernel_sizes, strides, dilations, strict=True):
        y = F.conv1d(y, torch.ones(1, 1, kernel, dtype=torch.float64), stride=stride, dilation=dilation)
    (grad,) = torch.autograd.grad(y[0, 0, index], x)
    nonzero = torch.nonzero(grad[0, 0]).flatten()
    return int(nonzero.min()), int(nonzero.max())


def oracle(kernel_sizes, strides, dilations=None) -> tuple[int, int]:
    """Return (size, jump) measured from autograd supports."""
    if dilations is None:
        dilations = [1] * len(kernel_sizes)
    if not kernel_sizes:
        return 1, 1
    length = 1
    for kernel, stride, dilation in zip(kernel_sizes, strides, dilations, strict=True):
        length = length * stride + (kernel - 1) * dilation
    length = 2 * length + 64
    first, last = _support(kernel_sizes, strides, dilations, length, 0)
    second, _ = _support(kernel_sizes, strides, dilations, length, 1)
    return last - first + 1, second - first
