"""Known wrong versions of clip_loss, used to name what a failing submission got wrong."""

import torch


def _ce(logits):
    return (torch.logsumexp(logits, dim=1) - torch.diagonal(logits)).mean()


def _normalize(x):
    return x / x.norm(dim=1, keepdim=True)


def no_normalization(image_emb, text_emb, temperature):
    logits = image_emb @ text_emb.T / temperature
    return (_ce(logits) + _ce(logits.T)) / 2


def image_to_text_only(image_emb, text_emb, temperature):
    logits = _normalize(image_emb) @ _normalize(text_emb).T / temperature
    return _ce(logits)


def temperature_multiplied(image_emb, text_emb, temperature):
    logits = _normalize(image_emb) @ _normalize(text_emb).T * temperature
    return (_ce(logits) + _ce(logits.T)) / 2


def naive_softmax_overflow(image_emb, text_emb, temperature):
    logits = _normalize(image_emb) @ _normalize(text_emb).T / temperature

    def ce(z):
        probs = torch.exp(z) / torch.exp(z).sum(dim=1, keepdim=True)
        return -torch.log(torch.diagonal(probs)).mean()

    return (ce(logits) + ce(logits.T)) / 2


MISTAKES = {
    "no_normalization": (
        no_normalization,
        "Embeddings are not L2-normalized, so the logits are raw dot products, not cosine similarities.",
    ),
    "image_to_text_only": (
        image_to_text_only,
        "Only the image-to-text cross-entropy (rows) is used; CLIP averages it with the text-to-image one.",
    ),
    "temperature_multiplied": (
        temperature_multiplied,
        "Logits are multiplied by the temperature instead of divided by it.",
    ),
    "naive_softmax_overflow": (
        naive_softmax_overflow,
        "Softmax with exp() and no max-subtraction overflows for a small temperature; use logsumexp.",
    ),
}
