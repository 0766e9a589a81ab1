"""Generators for the transformer deck: KV-cache memory, attention FLOPs, multi-head attention parameters.

Each public function takes a ``random.Random`` and returns the question, the answer, an optional relative
tolerance and the worked solution (docs/deck-format.md, "[gen] cards"). Plain Python only.
"""

from __future__ import annotations

import random

# (layers, d_model, query heads, key/value heads): shapes of common decoder-only models.
MODELS = [
    (32, 4096, 32, 32),
    (32, 4096, 32, 8),
    (80, 8192, 64, 8),
    (40, 5120, 40, 40),
    (24, 2048, 16, 16),
    (28, 3584, 28, 4),
    (16, 2048, 32, 8),
    (48, 6144, 48, 1),
]
DTYPES = [("fp16", 2), ("bf16", 2), ("fp8", 1), ("fp32", 4)]
GIB = 2**30


def _sci(x: float) -> str:
    """A large number as 1.23e12 (three significant figures)."""
    mantissa, _, exponent = f"{x:.3g}".partition("e")
    return f"{mantissa}e{int(exponent)}" if exponent else mantissa


def kv_cache_memory(rng: random.Random) -> dict:
    """KV-cache memory of a decoder for a given batch and context."""
    layers, d_model, heads, kv_heads = rng.choice(MODELS)
    batch = rng.choice([1, 1, 4, 8, 16, 32])
    context = rng.choice([2048, 4096, 8192, 16384, 32768, 131072])
    dtype, nbytes = rng.choice(DTYPES)
    head_dim = d_model // heads
    per_token_layer = 2 * kv_heads * head_dim * nbytes
    total = per_token_layer * layers * context * batch
    if kv_heads == heads:
        attn = "multi-head attention"
    elif kv_heads == 1:
        attn = "multi-query attention (one K/V head)"
    else:
        attn = f"grouped-query attention with {kv_heads} K/V heads"
    question = (
        f"A decoder-only transformer has {layers} layers, d_model = {d_model} and {heads} query heads, using {attn}. "
        f"Its KV cache is stored in {dtype}. How much memory does the cache take for a batch of {batch} "
        f"sequence{'s' if batch > 1 else ''} of {context:,} tokens? Answer in GiB (2³⁰ bytes); 1% tolerance."
    )
    solution = "\n".join([
        f"- head dimension = d_model / heads = {d_model} / {heads} = {head_dim}",
        f"- per token and layer: 2 (K and V) · {kv_heads} K/V heads · {head_dim} · {nbytes} bytes "
        f"= {per_token_layer:,} bytes",
        f"- × {layers} layers × {context:,} tokens × batch {batch} = {total:,} bytes",
        f"- ÷ 2³⁰ = **{total / GIB:.4g} GiB**",
        "",
        "Only K/V heads count: the query heads are not cached, which is why GQA and MQA shrink the cache.",
    ])
    return {"question": question, "answer": total / GIB, "tolerance": 0.01, "solution": solution, "unit": "GiB"}


def attention_flops(rng: random.Random) -> dict:
    """FLOPs of one self-attention layer (with or without its projections)."""
    batch = rng.choice([1, 2, 4, 8, 16])
    seq = rng.choice([128, 256, 512, 1024, 2048, 4096, 8192])
    d_model = rng.choice([512, 768, 1024, 2048, 4096])
    heads = rng.choice([h for h in (8, 12, 16, 32) if d_model % h == 0])
    with_proj = rng.random() < 0.5
    core = 4 * batch * seq * seq * d_model
    proj = 8 * batch * seq * d_model * d_model
    total = core + (proj if with_proj else 0)
    what = ("the whole layer: the Q, K, V and output projections (d_model → d_model each, biases ignored) plus "
            "the two attention matmuls" if with_proj else
            "the two attention matmuls only (QKᵀ and the weighted sum of V), not the projections")
    question = (
        f"Self-attention with batch {batch}, sequence length {seq:,}, d_model = {d_model} and {heads} heads. "
        f"Count {what}. A multiply-add is 2 FLOPs; ignore the softmax, the scaling and any causal-mask savings. "
        "How many FLOPs is the forward pass? (e.g. 3.4e12; 1% tolerance)"
    )
    head_dim = d_model // heads
    lines = [
        f"Per head, QKᵀ multiplies ({seq} × {head_dim}) by ({head_dim} × {seq}): 2 · {seq}² · {head_dim} FLOPs; "
        f"over {heads} heads that is 2 · T² · d_model = {2 * seq * seq * d_model:,} per sequence. "
        "The weighted sum (T × T)(T × d_head) costs the same.",
        "",
        f"- attention matmuls: 4 · B · T² · d_model = 4 · {batch} · {seq}² · {d_model} = {core:,}",
    ]
    if with_proj:
        lines.append(f"- projections: 4 matmuls of (B·T × d) by (d × d): 8 · B · T · d² = 8 · {batch} · {seq} · "
                     f"{d_model}² = {proj:,}")
    lines.append(f"- total: **{total:,} ≈ {_sci(total)} FLOPs**")
    lines.append("")
    lines.append("The number of heads does not change the count; the T² term overtakes the projections once "
                 f"T > 2·d_model (here T / d_model = {seq / d_model:g}).")
    return {"question": question, "answer": total, "tolerance": 0.01, "solution": "\n".join(lines), "unit": "FLOPs"}


def mha_param_count(rng: random.Random) -> dict:
    """Parameter count of nn.MultiheadAttention (self- or cross-attention)."""
    embed = rng.choice([256, 320, 512, 640, 768, 1024])
    heads = rng.choice([h for h in (4, 8, 12, 16) if embed % h == 0])
    cross = rng.random() < 0.35
    kdim = rng.choice([768, 1024, 512]) if cross else embed
    bias = rng.random() < 0.7
    args = f"{embed}, {heads}"
    if cross:
        args += f", kdim={kdim}, vdim={kdim}"
    if not bias:
        args += ", bias=False"
    weights = embed * embed + embed * kdim + embed * kdim + embed * embed
    biases = 4 * embed if bias else 0
    total = weights + biases
    question = f"How many learnable parameters does `nn.MultiheadAttention({args})` have?"
    lines = [
        f"- W_Q: {embed} × {embed} = {embed * embed:,}",
        f"- W_K and W_V: each {embed} × {kdim} (keys and values come from a {kdim}-dimensional source) = "
        f"{embed * kdim:,} each" if cross else f"- W_K and W_V: each {embed} × {embed} = {embed * embed:,} each",
        f"- output projection W_O: {embed} × {embed} = {embed * embed:,}",
        f"- biases: 3 · {embed} for Q, K, V and {embed} for the output = {biases:,}" if bias else "- no biases",
        f"- total: **{total:,}**",
        "",
        f"The {heads} heads only split the {embed} dimensions into {heads} slices of {embed // heads}: "
        "the head count does not change the parameter count.",
    ]
    return {"question": question, "answer": total, "solution": "\n".join(lines)}
