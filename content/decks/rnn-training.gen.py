"""Generators for the recurrent-networks deck: parameter counts of LSTM and GRU layers.

Each public function takes a ``random.Random`` and returns the question, the answer, an optional relative
tolerance and the worked solution (docs/deck-format.md, "[gen] cards"). Plain Python only.
"""

from __future__ import annotations

import random


def rnn_param_count(rng: random.Random) -> dict:
    """Parameter count of a PyTorch LSTM or GRU (layers, bidirectional, bias)."""
    kind = rng.choice(["LSTM", "GRU"])
    gates = 4 if kind == "LSTM" else 3
    inp = rng.choice([32, 64, 100, 128, 256, 300, 512])
    hidden = rng.choice([64, 128, 256, 512, 1024])
    layers = rng.choice([1, 1, 2])
    bidir = rng.random() < 0.35
    bias = rng.random() < 0.8
    dirs = 2 if bidir else 1
    args = f"input_size={inp}, hidden_size={hidden}"
    if layers > 1:
        args += f", num_layers={layers}"
    if bidir:
        args += ", bidirectional=True"
    if not bias:
        args += ", bias=False"
    total = 0
    rows = []
    for layer in range(layers):
        x = inp if layer == 0 else hidden * dirs
        per_dir = gates * hidden * (x + hidden) + (2 * gates * hidden if bias else 0)
        total += per_dir * dirs
        bias_text = f" + 2 · {gates} · {hidden}" if bias else ""
        rows.append(f"- layer {layer + 1} (input {x}): {gates} · {hidden} · ({x} + {hidden}){bias_text} = "
                    f"{per_dir:,} per direction" + (f", × 2 directions = {per_dir * 2:,}" if bidir else ""))
    question = f"How many learnable parameters does `nn.{kind}({args})` have?"
    gate_names = "input, forget, cell and output" if kind == "LSTM" else "reset, update and candidate"
    lines = [
        f"A {kind} has {gates} gate blocks ({gate_names}), each with an input matrix (hidden × input), a "
        "recurrent matrix (hidden × hidden)" + (" and, in PyTorch, two bias vectors (b_ih and b_hh)." if bias
                                                 else "; bias=False drops the biases."),
        "",
        *rows,
        "",
        f"Total: **{total:,}**.",
    ]
    if layers > 1:
        lines.append(f"Layers after the first read the previous layer's output, of size hidden · directions = "
                     f"{hidden * dirs}.")
    if bias and kind == "LSTM":
        lines.append(f"Keras's LSTM keeps one bias per gate: {gates} · {hidden} fewer per layer and direction.")
    elif bias:
        lines.append("Keras's GRU with reset_after=True (its default) also keeps two bias vectors per gate.")
    return {"question": question, "answer": total, "solution": "\n".join(lines)}
