"""Known wrong versions of depthwise_separable_conv, used to name what a failing submission got wrong."""

import torch
import torch.nn.functional as F


def _depthwise(x, w_depth, stride, pad):
    n, c, h, w = x.shape
    kh, kw = w_depth.shape[2:]
    x_pad = F.pad(x, pad)
    out_h = (x_pad.shape[2] - kh) // stride + 1
    out_w = (x_pad.shape[3] - kw) // stride + 1
    depth = x.new_zeros((n, c, out_h, out_w))
    for ki in range(kh):
        for kj in range(kw):
            win = x_pad[:, :, ki : ki + stride * (out_h - 1) + 1 : stride, kj : kj + stride * (out_w - 1) + 1 : stride]
            depth = depth + win * w_depth[:, 0, ki, kj].reshape(1, c, 1, 1)
    return depth


def _pointwise(depth, w_point, b_point, stride=1):
    out = torch.einsum("nchw,fc->nfhw", depth[:, :, ::stride, ::stride], w_point[:, :, 0, 0])
    return out if b_point is None else out + b_point.reshape(1, -1, 1, 1)


def _bias(depth, b_depth):
    return depth if b_depth is None else depth + b_depth.reshape(1, -1, 1, 1)


def flipped_kernel(x, w_depth, w_point, b_depth=None, b_point=None, stride=1, padding=0):
    p = (padding,) * 4
    depth = _bias(_depthwise(x, torch.flip(w_depth, dims=(2, 3)), stride, p), b_depth)
    return _pointwise(depth, w_point, b_point)


def depthwise_bias_ignored(x, w_depth, w_point, b_depth=None, b_point=None, stride=1, padding=0):
    return _pointwise(_depthwise(x, w_depth, stride, (padding,) * 4), w_point, b_point)


def stride_in_both_steps(x, w_depth, w_point, b_depth=None, b_point=None, stride=1, padding=0):
    depth = _bias(_depthwise(x, w_depth, stride, (padding,) * 4), b_depth)
    return _pointwise(depth, w_point, b_point, stride=stride)


def padding_one_side(x, w_depth, w_point, b_depth=None, b_point=None, stride=1, padding=0):
    depth = _bias(_depthwise(x, w_depth, stride, (2 * padding, 0, 2 * padding, 0)), b_depth)
    return _pointwise(depth, w_point, b_point)


MISTAKES = {
    "flipped_kernel": (
        flipped_kernel,
        "The kernel is flipped (true convolution); deep-learning conv2d is cross-correlation.",
    ),
    "depthwise_bias_ignored": (depthwise_bias_ignored, "The depthwise bias b_depth is never added."),
    "stride_in_both_steps": (
        stride_in_both_steps,
        "The stride is applied again in the pointwise step; the 1x1 convolution has stride 1.",
    ),
    "padding_one_side": (
        padding_one_side,
        "All the padding goes on the top and left; zero padding adds `padding` on each side.",
    ),
}
