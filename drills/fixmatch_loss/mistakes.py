"""Known wrong versions of fixmatch_loss, used to name what a failing submission got wrong."""

import torch


def _log_softmax(z):
    top = z.max(dim=1, keepdim=True).values
    return z - top - torch.log(torch.exp(z - top).sum(dim=1, keepdim=True))


def _pseudo(weak, threshold):
    confidence, labels = torch.exp(_log_softmax(weak)).max(dim=1)
    return labels, (confidence >= threshold).to(weak.dtype)


def _ce(strong, labels):
    return -_log_softmax(strong).gather(1, labels.unsqueeze(1)).squeeze(1)


def mean_over_confident_only(logits_weak, logits_strong, threshold=0.95):
    labels, mask = _pseudo(logits_weak, threshold)
    return (mask * _ce(logits_strong, labels)).sum() / mask.sum().clamp(min=1)


def no_confidence_mask(logits_weak, logits_strong, threshold=0.95):
    labels, _ = _pseudo(logits_weak, threshold)
    return _ce(logits_strong, labels).mean()


def soft_pseudo_labels(logits_weak, logits_strong, threshold=0.95):
    _, mask = _pseudo(logits_weak, threshold)
    soft = torch.exp(_log_softmax(logits_weak))
    return (mask * -(soft * _log_softmax(logits_strong)).sum(dim=1)).mean()


def pseudo_labels_from_strong_view(logits_weak, logits_strong, threshold=0.95):
    labels, mask = _pseudo(logits_strong, threshold)
    return (mask * _ce(logits_strong, labels)).mean()


MISTAKES = {
    "mean_over_confident_only": (
        mean_over_confident_only,
        "The masked losses are averaged over the confident examples only; FixMatch divides by all N.",
    ),
    "no_confidence_mask": (
        no_confidence_mask,
        "Every pseudo-label is used; only those with max probability >= threshold should count.",
    ),
    "soft_pseudo_labels": (
        soft_pseudo_labels,
        "The target is the weak view's whole softmax; FixMatch uses the hard argmax label.",
    ),
    "pseudo_labels_from_strong_view": (
        pseudo_labels_from_strong_view,
        "Pseudo-labels and confidence come from the strong view; they come from the weak view.",
    ),
}
