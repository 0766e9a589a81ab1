"""Generators for the optimizers deck: the memory Adam's state takes.

Each public function takes a ``random.Random`` and returns the question, the answer, an optional relative
tolerance and the worked solution (docs/deck-format.md, "[gen] cards"). Plain Python only.
"""

from __future__ import annotations

import random

GIB = 2**30


def adam_state_memory(rng: random.Random) -> dict:
    """Memory of Adam's optimizer state (moments, master weights, sharding)."""
    billions = rng.choice([0.35, 1.3, 2.7, 7, 13, 34, 70])
    params = int(billions * 1e9)
    master = rng.random() < 0.5
    gpus = rng.choice([1, 1, 8, 16, 64])
    per_param = 8 + (4 if master else 0)
    total = params * per_param / gpus / GIB
    setup = ("Training uses mixed precision: the optimizer also keeps an fp32 master copy of the weights; count it "
             "as optimizer state. " if master else "")
    shard = (f"The optimizer state is sharded evenly over {gpus} GPUs (ZeRO stage 1). How much does one GPU hold?"
             if gpus > 1 else "How much memory does it take?")
    question = (
        f"A model with {billions:g} billion parameters ({params:,}) is trained with Adam, whose two moment estimates "
        f"are kept in fp32. {setup}{shard} Answer in GiB (2³⁰ bytes); 1% tolerance."
    )
    lines = [
        "- Adam keeps the first moment m and the second moment v: 2 · 4 bytes = 8 bytes per parameter",
    ]
    if master:
        lines.append("- the fp32 master weights add 4 bytes per parameter: 12 bytes in all")
    lines.append(f"- {params:,} · {per_param} bytes = {params * per_param:,} bytes")
    if gpus > 1:
        lines.append(f"- ÷ {gpus} GPUs = {params * per_param / gpus:,.0f} bytes")
    lines.append(f"- ÷ 2³⁰ = **{total:.4g} GiB**")
    lines.append("")
    if master:
        lines.append("Weights and gradients in bf16/fp16 add 2 + 2 bytes per parameter: 16 in all, before "
                     "activations. ZeRO stage 1 shards the 12; stages 2 and 3 also shard gradients and weights.")
    else:
        lines.append("In plain fp32 training the weights and gradients add 4 + 4 bytes per parameter: 16 in all, "
                     "before activations.")
    return {"question": question, "answer": total, "tolerance": 0.01, "solution": "\n".join(lines), "unit": "GiB"}
