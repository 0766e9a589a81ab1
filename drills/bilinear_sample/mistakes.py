"""Known wrong versions of bilinear_sample, used to name what a failing submission got wrong."""

import torch


def _sample(value, ix, iy, zero_padding=True):
    n, c, h, w = value.shape
    out_h, out_w = ix.shape[1:3]
    x0, y0 = torch.floor(ix), torch.floor(iy)
    fx, fy = ix - x0, iy - y0
    flat = value.reshape(n, c, h * w)

    def corner(rows, cols):
        valid = (rows >= 0) & (rows <= h - 1) & (cols >= 0) & (cols <= w - 1)
        index = (rows.clamp(0, h - 1) * w + cols.clamp(0, w - 1)).long().reshape(n, 1, -1)
        picked = torch.gather(flat, 2, index.expand(n, c, -1)).reshape(n, c, out_h, out_w)
        return picked * valid.unsqueeze(1) if zero_padding else picked

    return (((1 - fy) * (1 - fx)).unsqueeze(1) * corner(y0, x0) + ((1 - fy) * fx).unsqueeze(1) * corner(y0, x0 + 1)
            + (fy * (1 - fx)).unsqueeze(1) * corner(y0 + 1, x0) + (fy * fx).unsqueeze(1) * corner(y0 + 1, x0 + 1))


def align_corners_true(value, grid):
    h, w = value.shape[2:]
    return _sample(value, (grid[..., 0] + 1) / 2 * (w - 1), (grid[..., 1] + 1) / 2 * (h - 1))


def x_and_y_swapped(value, grid):
    h, w = value.shape[2:]
    return _sample(value, ((grid[..., 1] + 1) * w - 1) / 2, ((grid[..., 0] + 1) * h - 1) / 2)


def border_padding(value, grid):
    h, w = value.shape[2:]
    ix = (((grid[..., 0] + 1) * w - 1) / 2).clamp(0, w - 1)
    iy = (((grid[..., 1] + 1) * h - 1) / 2).clamp(0, h - 1)
    return _sample(value, ix, iy, zero_padding=False)


def no_half_pixel_shift(value, grid):
    h, w = value.shape[2:]
    return _sample(value, (grid[..., 0] + 1) / 2 * w, (grid[..., 1] + 1) / 2 * h)


MISTAKES = {
    "align_corners_true": (
        align_corners_true,
        "Uses the align_corners=True mapping ix = (x + 1) / 2 * (W - 1); with False it is ((x + 1) * W - 1) / 2.",
    ),
    "x_and_y_swapped": (
        x_and_y_swapped,
        "grid[..., 0] is read as the row; it is x, the column index, and grid[..., 1] is y, the row.",
    ),
    "border_padding": (
        border_padding,
        "Out-of-image locations are clamped to the border (padding_mode='border'); they should read zeros.",
    ),
    "no_half_pixel_shift": (
        no_half_pixel_shift,
        "ix = (x + 1) / 2 * W misses the half-pixel shift: pixel centres are at ((x + 1) * W - 1) / 2.",
    ),
}
