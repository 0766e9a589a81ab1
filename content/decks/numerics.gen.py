"""Generators for the numerics deck: a softmax by hand, matmul FLOPs, linear-layer parameters.

Each public function takes a ``random.Random`` and returns the question, the answer, an optional relative
tolerance and the worked solution (docs/deck-format.md, "[gen] cards"). Plain Python only.
"""

from __future__ import annotations

import math
import random


def softmax_probability(rng: random.Random) -> dict:
    """One probability of the softmax of a small vector."""
    size = rng.choice([3, 3, 4])
    logits = [rng.randint(-2, 3) for _ in range(size)]
    offset = rng.choice([0, 0, 0, 100, 1000])
    shown = [z + offset for z in logits]
    index = rng.randrange(size)
    top = max(shown)
    exps = [math.exp(z - top) for z in shown]
    total = sum(exps)
    prob = exps[index] / total
    vector = ", ".join(str(z) for z in shown)
    question = (
        f"z = [{vector}]. What is softmax(z)[{index}] (0-based index, so the element {shown[index]} in position "
        f"{index + 1})? Two significant figures are enough (5% tolerance)."
    )
    lines = [
        f"Subtract the maximum ({top}) first: softmax is unchanged by adding a constant to every logit, and "
        "it keeps exp from overflowing.",
        "",
        "- shifted: [" + ", ".join(str(z - top) for z in shown) + "]",
        "- exp: [" + ", ".join(f"{e:.4f}" for e in exps) + f"], sum = {total:.4f}",
        f"- softmax(z)[{index}] = {exps[index]:.4f} / {total:.4f} = **{prob:.4f}**",
    ]
    if offset:
        lines += ["", f"The offset {offset} changes nothing; computed naively, exp({top}) overflows float32 "
                  "(above about 88) and float64 (above about 709)."]
    return {"question": question, "answer": prob, "tolerance": 0.05, "solution": "\n".join(lines)}


def matmul_flops(rng: random.Random) -> dict:
    """FLOPs of a (batched) matrix multiplication."""
    m = rng.choice([64, 128, 256, 512, 1024, 2048, 4096])
    k = rng.choice([256, 512, 768, 1024, 2048, 4096])
    n = rng.choice([256, 512, 1024, 3072, 4096, 11008])
    batch = rng.choice([1, 1, 8, 16, 32])
    total = 2 * batch * m * k * n
    if batch > 1:
        shapes = f"a batch of {batch} products of ({m} × {k}) by ({k} × {n}) matrices (`torch.bmm`)"
    else:
        shapes = f"a ({m} × {k}) matrix by a ({k} × {n}) matrix"
    question = (f"How many FLOPs does multiplying {shapes} take? Count a multiply-add as 2 FLOPs. "
                "(e.g. 3.4e9; 1% tolerance)")
    lines = [
        f"Each of the {m} · {n} output entries is a dot product of length {k}: {k} multiplies and "
        f"{k - 1} additions, about 2 · {k} FLOPs.",
        "",
        f"- 2 · m · k · n = 2 · {m} · {k} · {n} = {2 * m * k * n:,}",
    ]
    if batch > 1:
        lines.append(f"- × batch {batch} = {total:,}")
    mantissa, _, exponent = f"{total:.3g}".partition("e")
    lines.append(f"- **{total:,} ≈ {mantissa}e{int(exponent)} FLOPs**" if exponent else f"- **{total:,} FLOPs**")
    lines += ["", "A forward pass through a linear layer costs about 2 FLOPs per weight and token; the backward "
              "pass about twice that (gradients for inputs and weights)."]
    return {"question": question, "answer": total, "tolerance": 0.01, "solution": "\n".join(lines), "unit": "FLOPs"}


def linear_param_count(rng: random.Random) -> dict:
    """Parameter count of a linear layer applied to a flattened feature map."""
    channels = rng.choice([64, 128, 256, 512])
    side = rng.choice([4, 6, 7, 8, 14])
    out = rng.choice([10, 100, 256, 1000, 1024, 4096])
    bias = rng.random() < 0.75
    inp = channels * side * side
    total = inp * out + (out if bias else 0)
    args = f"in_features, {out}" + ("" if bias else ", bias=False")
    question = (
        f"A conv feature map of shape ({channels}, {side}, {side}) per example is flattened and fed to "
        f"`nn.Linear({args})`. How many learnable parameters does the linear layer have?"
    )
    lines = [
        f"- in_features = {channels} · {side} · {side} = {inp:,}",
        f"- weights: {inp:,} · {out} = {inp * out:,}",
        f"- bias: {out}" if bias else "- no bias",
        f"- total: **{total:,}**",
        "",
        "Flattening ties the layer to the feature-map size: a global average pool first would leave "
        f"{channels} inputs and {channels * out + (out if bias else 0):,} parameters.",
    ]
    return {"question": question, "answer": total, "solution": "\n".join(lines)}
