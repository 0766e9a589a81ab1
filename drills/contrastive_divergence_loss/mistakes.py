"""Known wrong versions of contrastive_divergence_loss, used to name what a failing submission got wrong."""


def signs_reversed(energy_pos, energy_neg, alpha=0.1):
    cd = energy_neg.mean() - energy_pos.mean()
    reg = alpha * ((energy_pos**2).mean() + (energy_neg**2).mean())
    return cd + reg, cd, reg


def mean_of_differences(energy_pos, energy_neg, alpha=0.1):
    n = min(len(energy_pos), len(energy_neg))
    cd = (energy_pos[:n] - energy_neg[:n]).mean()
    reg = alpha * ((energy_pos**2).mean() + (energy_neg**2).mean())
    return cd + reg, cd, reg


def regularizer_on_positives_only(energy_pos, energy_neg, alpha=0.1):
    cd = energy_pos.mean() - energy_neg.mean()
    reg = alpha * (energy_pos**2).mean()
    return cd + reg, cd, reg


def regularizer_not_squared(energy_pos, energy_neg, alpha=0.1):
    cd = energy_pos.mean() - energy_neg.mean()
    reg = alpha * (energy_pos.abs().mean() + energy_neg.abs().mean())
    return cd + reg, cd, reg


MISTAKES = {
    "signs_reversed": (
        signs_reversed,
        "The loss lowers the energy of the model's samples and raises that of real data; it must do the opposite.",
    ),
    "mean_of_differences": (
        mean_of_differences,
        "Pairs positives with negatives element by element, truncating the larger batch; average each batch alone.",
    ),
    "regularizer_on_positives_only": (
        regularizer_on_positives_only,
        "The magnitude penalty covers only the real examples; it applies to both batches.",
    ),
    "regularizer_not_squared": (regularizer_not_squared, "The penalty uses |E|; it is the mean of E squared."),
}
