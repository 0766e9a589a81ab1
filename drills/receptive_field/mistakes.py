"""Known wrong versions of receptive_field, used to name what a failing submission got wrong."""


def _dil(kernel_sizes, dilations):
    return [1] * len(kernel_sizes) if dilations is None else dilations


def stride_applied_before_growth(kernel_sizes, strides, dilations=None):
    size, jump = 1, 1
    for k, s, d in zip(kernel_sizes, strides, _dil(kernel_sizes, dilations), strict=True):
        jump *= s
        size += (k - 1) * d * jump
    return size, jump


def strides_ignored(kernel_sizes, strides, dilations=None):
    size = 1
    for k, d in zip(kernel_sizes, _dil(kernel_sizes, dilations), strict=True):
        size += (k - 1) * d
    jump = 1
    for s in strides:
        jump *= s
    return size, jump


def dilation_ignored(kernel_sizes, strides, dilations=None):
    size, jump = 1, 1
    for k, s in zip(kernel_sizes, strides, strict=True):
        size += (k - 1) * jump
        jump *= s
    return size, jump


def kernels_multiplied_by_stride(kernel_sizes, strides, dilations=None):
    size, jump = 1, 1
    for k, s, d in zip(kernel_sizes, strides, _dil(kernel_sizes, dilations), strict=True):
        size = size * s + (k - 1) * d
        jump *= s
    return size, jump


MISTAKES = {
    "stride_applied_before_growth": (
        stride_applied_before_growth,
        "The jump is multiplied by a layer's own stride before its growth; a layer's growth uses the jump below it.",
    ),
    "strides_ignored": (
        strides_ignored,
        "The kernels' extents are added as if every stride were 1; each layer's growth is scaled by the jump.",
    ),
    "dilation_ignored": (dilation_ignored, "Dilation is ignored; a dilated kernel spans (k - 1) * d + 1 positions."),
    "kernels_multiplied_by_stride": (
        kernels_multiplied_by_stride,
        "The receptive field so far is scaled by each stride (the output-size formula run backwards from the bottom).",
    ),
}
