"""Known wrong versions of warmup_cosine_lr, used to name what a failing submission got wrong."""

import numpy as np


def _cos(progress, base_lr, min_lr):
    return min_lr + (base_lr - min_lr) * 0.5 * (1 + np.cos(np.pi * progress))


def warmup_from_zero(steps, base_lr, warmup_steps, total_steps, min_lr=0.0):
    s = np.asarray(steps, dtype=np.float64)
    p = np.clip((s - warmup_steps) / (total_steps - warmup_steps), 0, 1)
    return np.where(s < warmup_steps, base_lr * s / warmup_steps, _cos(p, base_lr, min_lr))


def progress_from_step_zero(steps, base_lr, warmup_steps, total_steps, min_lr=0.0):
    s = np.asarray(steps, dtype=np.float64)
    p = np.clip(s / total_steps, 0, 1)
    return np.where(s < warmup_steps, base_lr * (s + 1) / warmup_steps, _cos(p, base_lr, min_lr))


def cosine_not_clamped(steps, base_lr, warmup_steps, total_steps, min_lr=0.0):
    s = np.asarray(steps, dtype=np.float64)
    p = (s - warmup_steps) / (total_steps - warmup_steps)
    return np.where(s < warmup_steps, base_lr * (s + 1) / warmup_steps, _cos(p, base_lr, min_lr))


def min_lr_ignored(steps, base_lr, warmup_steps, total_steps, min_lr=0.0):
    s = np.asarray(steps, dtype=np.float64)
    p = np.clip((s - warmup_steps) / (total_steps - warmup_steps), 0, 1)
    return np.where(s < warmup_steps, base_lr * (s + 1) / warmup_steps, _cos(p, base_lr, 0.0))


MISTAKES = {
    "warmup_from_zero": (
        warmup_from_zero,
        "Warmup uses step / warmup_steps, starting at 0; the drill's warmup is (step + 1) / warmup_steps.",
    ),
    "progress_from_step_zero": (
        progress_from_step_zero,
        "The cosine's progress is step / total_steps; it starts after warmup: (step - warmup) / (total - warmup).",
    ),
    "cosine_not_clamped": (
        cosine_not_clamped,
        "After total_steps the cosine keeps going and the learning rate climbs back up; hold min_lr there.",
    ),
    "min_lr_ignored": (min_lr_ignored, "The decay goes to 0 instead of to min_lr."),
}
