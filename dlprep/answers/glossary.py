"""Deep-learning abbreviations and synonyms, folded to one spelling before answers are compared.

Each entry maps every way of writing a term to one canonical token, so "SFT", "supervised fine-tuning" and
"supervised finetuning" all become ``sft``. Only standard terminology belongs here: the list says what an
interviewer treats as the same term, not what a particular answer happened to say.
"""

from __future__ import annotations

import re

# canonical token -> spellings (lower case; hyphens and spaces are interchangeable)
TERMS: dict[str, tuple[str, ...]] = {
    "sft": ("sft", "supervised fine tuning", "supervised finetuning", "instruction tuning"),
    "rlhf": ("rlhf", "reinforcement learning from human feedback"),
    "rlaif": ("rlaif", "reinforcement learning from ai feedback"),
    "ppo": ("ppo", "proximal policy optimization", "proximal policy optimisation"),
    "dpo": ("dpo", "direct preference optimization", "direct preference optimisation"),
    "rewardmodel": ("reward model", "reward models", "rm"),
    "kldiv": ("kl", "kl divergence", "kullback leibler", "kl penalty"),
    "batchnorm": ("bn", "batch norm", "batchnorm", "batch normalization", "batch normalisation"),
    "layernorm": ("ln", "layer norm", "layernorm", "layer normalization", "layer normalisation"),
    "groupnorm": ("gn", "group norm", "groupnorm", "group normalization"),
    "lr": ("lr", "learning rate", "learning rates", "step size", "step sizes"),
    "sgd": ("sgd", "stochastic gradient descent"),
    "gradnorm": ("gradient norm", "gradient norms", "grad norm", "grad norms"),
    "clipping": ("clipping", "clip", "clipped", "cap the norm", "cap the total norm"),
    "fp16": ("fp16", "float16", "half precision", "mixed precision"),
    "bf16": ("bf16", "bfloat16", "brain float"),
    "nan": ("nan", "nans", "not a number"),
    "inf": ("inf", "infs", "infinity", "infinite"),
    "logsumexp": ("log sum exp", "logsumexp", "lse", "subtract the max", "subtracting the max"),
    "relu": ("relu", "relus", "rectified linear unit", "rectified linear units"),
    "mlp": ("mlp", "feed forward", "feedforward", "ffn", "position wise feed forward", "multilayer perceptron"),
    "selfattention": ("self attention", "self-attention"),
    "multihead": ("multi head", "multihead", "several heads", "multiple heads", "several attention heads"),
    "residual": ("residual", "residuals", "skip connection", "skip connections", "shortcut", "skip path"),
    "positional": ("positional encoding", "positional encodings", "position encoding", "position encodings",
                   "positional embedding", "positional embeddings", "position embeddings"),
    "rope": ("rope", "rotary", "rotary embedding", "rotary embeddings", "rotary position embedding"),
    "vit": ("vit", "vision transformer"),
    "cnn": ("cnn", "cnns", "convnet", "convnets", "convolutional network", "convolutional networks"),
    "conv": ("conv", "convs", "convolution", "convolutions", "convolutional"),
    "fc": ("fc", "fully connected", "dense layer", "dense layers", "linear layer", "linear layers"),
    "gnn": ("gnn", "gnns", "graph neural network", "graph neural networks"),
    "oversmoothing": ("over smoothing", "oversmoothing", "over smooth", "oversmooth"),
    "oversquashing": ("over squashing", "oversquashing", "over squash"),
    "crossentropy": ("cross entropy", "crossentropy", "ce loss"),
    "cosine": ("cosine", "cosine similarity", "cosine similarities"),
    "zeroshot": ("zero shot", "zeroshot"),
    "gradient": ("gradient", "gradients", "grad", "grads", "slope", "derivative"),
    "ensemble": ("ensemble", "ensembles", "ensembling"),
    "distill": ("distillation", "distill", "distilling", "distilled", "knowledge distillation", "student"),
    "calibrated": ("calibrated", "calibration", "well calibrated"),
    "warmup": ("warmup", "warm up", "warming up", "ramp up", "ramp"),
    "weightdecay": ("weight decay", "decoupled weight decay", "l2 regularization", "l2 penalty"),
    "generalize": ("generalize", "generalizes", "generalise", "generalises", "generalization"),
    "init": ("initialization", "initialisation", "init", "initial weights", "starting weights"),
    "memory": ("memory", "optimizer state", "optimizer memory"),
}

_PATTERN: re.Pattern[str] | None = None
_TOKEN_BY_SPELLING: dict[str, str] = {}


def _key(spelling: str) -> str:
    return " ".join(re.split(r"[\s-]+", spelling.strip()))


def _build() -> re.Pattern[str]:
    for token, forms in TERMS.items():
        for spelling in forms:
            _TOKEN_BY_SPELLING[_key(spelling)] = token
    alternatives = sorted(_TOKEN_BY_SPELLING, key=len, reverse=True)
    body = "|".join(r"[\s-]+".join(re.escape(w) for w in spelling.split()) for spelling in alternatives)
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")


def fold_terms(text: str) -> str:
    """``text`` (lower case) with every known spelling of a term replaced by its canonical token.

    One pass with one alternation, longest spellings first, so "batch normalization" wins over "batch".
    """
    global _PATTERN
    if _PATTERN is None:
        _PATTERN = _build()
    return _PATTERN.sub(lambda m: f" {_TOKEN_BY_SPELLING[_key(m.group(0))]} ", text)
