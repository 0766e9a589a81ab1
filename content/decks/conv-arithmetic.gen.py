"""Generators for the conv-arithmetic deck: output shapes, parameter counts and receptive fields.

Each public function takes a ``random.Random`` and returns the question, the answer (a number or a shape
tuple), an optional relative tolerance and the worked solution (see docs/deck-format.md, "[gen] cards").
Plain Python only: the review screen calls these without numpy or torch.
"""

from __future__ import annotations

import random


def _out_size(size: int, kernel: int, stride: int, padding: int, dilation: int) -> int:
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def conv_output_shape(rng: random.Random) -> dict:
    """Output shape of a Conv2d with stride, padding and dilation."""
    while True:
        n = rng.choice([1, 2, 4, 8, 16, 32])
        c_in = rng.choice([3, 16, 32, 64, 128])
        c_out = rng.choice([16, 32, 64, 96, 128, 256])
        h, w = rng.randint(7, 64), rng.randint(7, 64)
        k = rng.choice([1, 3, 3, 5, 7])
        s = rng.choice([1, 1, 2, 2, 3])
        d = rng.choice([1, 1, 1, 2, 3]) if k > 1 else 1
        p = rng.randint(0, d * (k - 1) // 2 + 1)
        span = d * (k - 1) + 1
        if span <= min(h, w) + 2 * p:
            break
    h_out, w_out = _out_size(h, k, s, p, d), _out_size(w, k, s, p, d)
    question = (
        f"`nn.Conv2d({c_in}, {c_out}, kernel_size={k}, stride={s}, padding={p}, dilation={d})` gets an input "
        f"of shape ({n}, {c_in}, {h}, {w}). What is the output shape? Type it as (N, C, H, W)."
    )
    rows = []
    for name, size, out in (("H", h, h_out), ("W", w, w_out)):
        top = size + 2 * p - span
        rows.append(f"- {name}: ⌊({size} + 2·{p} − {span}) / {s}⌋ + 1 = ⌊{top} / {s}⌋ + 1 = **{out}**")
    solution = "\n".join([
        f"The dilated kernel spans d·(k − 1) + 1 = {d}·{k - 1} + 1 = {span} pixels. "
        "Each spatial size is ⌊(size + 2·padding − span) / stride⌋ + 1:",
        "",
        *rows,
        "",
        f"The batch stays {n} and the channels become out_channels = {c_out}: "
        f"**({n}, {c_out}, {h_out}, {w_out})**.",
    ])
    return {"question": question, "answer": (n, c_out, h_out, w_out), "solution": solution}


def conv_transpose_output_shape(rng: random.Random) -> dict:
    """Output shape of a ConvTranspose2d (stride, padding, output_padding, dilation)."""
    n = rng.choice([1, 2, 4, 8, 16])
    c_in = rng.choice([32, 64, 128, 256, 512])
    c_out = rng.choice([3, 16, 32, 64, 128, 256])
    h, w = rng.randint(4, 40), rng.randint(4, 40)
    k = rng.choice([2, 3, 3, 4, 5])
    s = rng.choice([1, 2, 2, 2, 3])
    d = rng.choice([1, 1, 1, 2])
    p = rng.randint(0, (d * (k - 1)) // 2)
    op = rng.randint(0, max(s, d) - 1) if rng.random() < 0.4 else 0
    args = f"{c_in}, {c_out}, kernel_size={k}, stride={s}, padding={p}"
    if op:
        args += f", output_padding={op}"
    if d > 1:
        args += f", dilation={d}"
    question = (f"`nn.ConvTranspose2d({args})` gets an input of shape ({n}, {c_in}, {h}, {w}). "
                "What is the output shape? Type it as (N, C, H, W).")
    outs, rows = [], []
    for name, size in (("H", h), ("W", w)):
        out = (size - 1) * s - 2 * p + d * (k - 1) + op + 1
        outs.append(out)
        rows.append(f"- {name}: ({size} − 1)·{s} − 2·{p} + {d}·({k} − 1) + {op} + 1 = **{out}**")
    solution = "\n".join([
        "A transposed convolution inverts the shape arithmetic of a convolution with the same arguments: "
        "size_out = (size_in − 1)·stride − 2·padding + dilation·(kernel − 1) + output_padding + 1.",
        "",
        *rows,
        "",
        f"Channels become out_channels = {c_out}: **({n}, {c_out}, {outs[0]}, {outs[1]})**.",
    ])
    if s > 1:
        solution += (f"\n\nWith stride {s}, a Conv2d maps {s} neighbouring input sizes to the same output size; "
                     "output_padding (smaller than the stride or the dilation) picks which of them the transposed "
                     "conv produces.")
    return {"question": question, "answer": (n, c_out, outs[0], outs[1]), "solution": solution}


def pool_output_shape(rng: random.Random) -> dict:
    """Output shape of a MaxPool2d (padding, dilation, ceil_mode)."""
    while True:
        n, c = rng.choice([1, 4, 8, 16]), rng.choice([16, 32, 64, 128, 256])
        h, w = rng.randint(5, 57), rng.randint(5, 57)
        k = rng.choice([2, 2, 3, 3, 5])
        s = rng.choice([1, 2, 2, k]) if k > 2 else 2
        d = rng.choice([1, 1, 1, 2])
        p = rng.randint(0, k // 2)
        ceil_mode = rng.random() < 0.4
        span = d * (k - 1) + 1
        if span <= min(h, w) + 2 * p:
            break
    args = f"kernel_size={k}, stride={s}, padding={p}"
    if d > 1:
        args += f", dilation={d}"
    if ceil_mode:
        args += ", ceil_mode=True"
    question = (f"`nn.MaxPool2d({args})` gets an input of shape ({n}, {c}, {h}, {w}). "
                "What is the output shape? Type it as (N, C, H, W).")
    outs, rows = [], []
    for name, size in (("H", h), ("W", w)):
        top = size + 2 * p - span
        if not ceil_mode:
            out = top // s + 1
            rows.append(f"- {name}: ⌊({size} + 2·{p} − {span}) / {s}⌋ + 1 = ⌊{top} / {s}⌋ + 1 = **{out}**")
        else:
            out = -(-top // s) + 1
            row = f"- {name}: ⌈({size} + 2·{p} − {span}) / {s}⌉ + 1 = ⌈{top} / {s}⌉ + 1 = "
            if (out - 1) * s >= size + p:
                row += (f"{out}; but the last window would start at {(out - 1) * s} ≥ size + left padding = "
                        f"{size + p}, inside the right padding, so it is dropped: **{out - 1}**")
                out -= 1
            else:
                row += f"**{out}**"
            rows.append(row)
        outs.append(out)
    rule = ("With ceil_mode the division rounds up, except that a window starting inside the right padding "
            "is dropped." if ceil_mode else "The division rounds down (ceil_mode=False).")
    solution = "\n".join([
        f"Pooling uses the convolution formula with span d·(k − 1) + 1 = {span}. {rule}",
        "",
        *rows,
        "",
        f"Pooling keeps the batch and the channels: **({n}, {c}, {outs[0]}, {outs[1]})**.",
    ])
    return {"question": question, "answer": (n, c, outs[0], outs[1]), "solution": solution}


def conv_param_count(rng: random.Random) -> dict:
    """Parameter count of a Conv2d (groups, bias, rectangular kernels)."""
    c_in = rng.choice([3, 16, 32, 48, 64, 128, 256])
    c_out = rng.choice([16, 32, 64, 96, 128, 256, 512])
    groups = rng.choice([g for g in (1, 1, 1, 2, 4, 8) if c_in % g == 0 and c_out % g == 0])
    kh = kw = rng.choice([1, 3, 3, 5, 7])
    if rng.random() < 0.2:
        kh, kw = rng.choice([(1, 7), (7, 1), (1, 3), (3, 1)])
    bias = rng.random() < 0.6
    kernel = f"{kh}" if kh == kw else f"({kh}, {kw})"
    args = f"{c_in}, {c_out}, kernel_size={kernel}"
    if groups > 1:
        args += f", groups={groups}"
    if not bias:
        args += ", bias=False"
    weights = c_out * (c_in // groups) * kh * kw
    total = weights + (c_out if bias else 0)
    question = f"How many learnable parameters does `nn.Conv2d({args})` have?"
    lines = [
        f"Each of the {c_out} filters sees in_channels / groups = {c_in} / {groups} = {c_in // groups} input "
        f"channels through a {kh}×{kw} window: weights = {c_out} · {c_in // groups} · {kh} · {kw} = {weights:,}."
    ]
    if bias:
        lines.append(f"One bias per output channel adds {c_out}: **{total:,}**.")
    else:
        lines.append(f"No bias (bias=False, as before a batch norm): **{total:,}**.")
    lines.append("The input's height and width do not matter: the same weights slide over every position.")
    return {"question": question, "answer": total, "solution": "\n\n".join(lines)}


def depthwise_separable_params(rng: random.Random) -> dict:
    """Parameter count of a depthwise-separable convolution, compared with a standard one."""
    c_in = rng.choice([16, 32, 64, 128, 256, 512])
    c_out = rng.choice([32, 64, 128, 256, 512])
    k = rng.choice([3, 3, 5, 7])
    mult = rng.choice([1, 1, 1, 2])
    bias = rng.random() < 0.5
    mid = c_in * mult
    depthwise = mid * k * k + (mid if bias else 0)
    pointwise = mid * c_out + (c_out if bias else 0)
    total = depthwise + pointwise
    standard = c_out * c_in * k * k + (c_out if bias else 0)
    with_bias = "both with bias" if bias else "neither with a bias (each is followed by batch norm)"
    dw_args = f"{c_in}, {mid}, kernel_size={k}, groups={c_in}, bias={bias}"
    question = (
        f"A depthwise-separable convolution maps {c_in} channels to {c_out} with a {k}×{k} kernel: a depthwise "
        f"`nn.Conv2d({dw_args})` (depth multiplier {mult}) then a pointwise 1×1 conv from {mid} to {c_out} "
        f"channels, {with_bias}. How many parameters does it have in total?"
    )
    dw_bias = f" + {mid}" if bias else ""
    pw_bias = f" + {c_out}" if bias else ""
    solution = "\n".join([
        f"- Depthwise: one {k}×{k} filter per output channel, each seeing a single input channel: "
        f"{mid} · {k * k}{dw_bias} = {depthwise:,}",
        f"- Pointwise: a 1×1 conv mixing channels: {mid} · {c_out}{pw_bias} = {pointwise:,}",
        f"- Total: **{total:,}**",
        "",
        f"A standard {k}×{k} conv from {c_in} to {c_out} channels would have {standard:,} parameters, "
        f"{standard / total:.1f}× more (about 1/(1/C_out + 1/k²) for depth multiplier 1).",
    ])
    return {"question": question, "answer": total, "solution": solution}


def receptive_field(rng: random.Random) -> dict:
    """Receptive field of a stack of convolutions and poolings."""
    layers = []
    for _ in range(rng.randint(3, 5)):
        if rng.random() < 0.25:
            k = rng.choice([2, 3])
            layers.append(("max pool", k, 2, 1))
        else:
            k = rng.choice([1, 3, 3, 3, 5, 7])
            s = rng.choice([1, 1, 1, 2])
            d = rng.choice([1, 1, 2]) if k > 1 else 1
            layers.append(("conv", k, s, d))
    listing = []
    for i, (kind, k, s, d) in enumerate(layers, start=1):
        extra = f", dilation {d}" if d > 1 else ""
        listing.append(f"{i}. {kind} {k}×{k}, stride {s}{extra}")
    question = "\n".join([
        "An input image goes through these layers in order (padding does not change the answer):",
        "",
        *listing,
        "",
        "How many input pixels wide is the receptive field of one unit of the last layer?",
    ])
    rf, jump = 1, 1
    rows = ["| layer | k | s | d | RF += (k − 1)·d·jump | RF | jump after |", "|---|---|---|---|---|---|---|"]
    for i, (_kind, k, s, d) in enumerate(layers, start=1):
        grow = (k - 1) * d * jump
        rf += grow
        rows.append(f"| {i} | {k} | {s} | {d} | ({k} − 1)·{d}·{jump} = {grow} | {rf} | {jump * s} |")
        jump *= s
    solution = "\n".join([
        "Start from RF = 1 and jump = 1 (the distance in input pixels between neighbouring units). "
        "Each layer widens the field by (k − 1)·d·jump, then multiplies the jump by its stride:",
        "",
        *rows,
        "",
        f"The receptive field is **{rf}** input pixels (per axis). Strides early in the stack multiply the "
        "growth of every later layer.",
    ])
    return {"question": question, "answer": rf, "solution": solution}
