"""Reference for the bilinear_sample drill: grid_sample (bilinear, zero padding, align_corners=False)."""

import torch


def bilinear_sample(value: torch.Tensor, grid: torch.Tensor) -> torch.Tensor:
    """Sample value (N, C, H, W) at grid (N, Ho, Wo, 2) of (x, y) in [-1, 1]; return (N, C, Ho, Wo).

    Pixel centres are at ((x + 1) * W - 1) / 2; neighbours outside the image read as zero.
    """
    n, c, h, w = value.shape
    out_h, out_w = grid.shape[1:3]
    ix = ((grid[..., 0] + 1) * w - 1) / 2
    iy = ((grid[..., 1] + 1) * h - 1) / 2
    x0, y0 = torch.floor(ix), torch.floor(iy)
    fx, fy = ix - x0, iy - y0
    flat = value.reshape(n, c, h * w)

    def corner(rows: torch.Tensor, cols: torch.Tensor) -> torch.Tensor:
        valid = (rows >= 0) & (rows <= h - 1) & (cols >= 0) & (cols <= w - 1)
        index = (rows.clamp(0, h - 1) * w + cols.clamp(0, w - 1)).long().reshape(n, 1, -1)
        picked = torch.gather(flat, 2, index.expand(n, c, -1)).reshape(n, c, out_h, out_w)
        return picked * valid.unsqueeze(1)

    return (
        ((1 - fy) * (1 - fx)).unsqueeze(1) * corner(y0, x0)
        + ((1 - fy) * fx).unsqueeze(1) * corner(y0, x0 + 1)
        + (fy * (1 - fx)).unsqueeze(1) * corner(y0 + 1, x0)
        + (fy * fx).unsqueeze(1) * corner(y0 + 1, x0 + 1)
    )
