"""Known wrong versions of WeightAverager, used to name what a failing submission got wrong."""

import numpy as np


class _Base:
    def __init__(self, params, decay=None):
        self.average = [np.array(p, dtype=np.float64) for p in params]
        self.decay = decay
        self.num_averaged = 1

    def _combine(self, avg, w):
        if self.decay is None:
            return avg + (w - avg) / self.num_averaged
        return self.decay * avg + (1 - self.decay) * w

    def update(self, params):
        self.num_averaged += 1
        self.average = [self._combine(a, w) for a, w in zip(self.average, params, strict=True)]
        return [a.copy() for a in self.average]


class DecayReversed(_Base):
    def _combine(self, avg, w):
        if self.decay is None:
            return avg + (w - avg) / self.num_averaged
        return (1 - self.decay) * avg + self.decay * w


class InitialSnapshotNotCounted(_Base):
    def _combine(self, avg, w):
        if self.decay is None:
            return avg + (w - avg) / (self.num_averaged - 1)
        return self.decay * avg + (1 - self.decay) * w


class PairwiseHalving(_Base):
    def _combine(self, avg, w):
        if self.decay is None:
            return (avg + w) / 2
        return self.decay * avg + (1 - self.decay) * w


class KeepsReferences(_Base):
    def __init__(self, params, decay=None):
        super().__init__(params, decay)
        self.average = list(params)


class DecayZeroTakenAsNone(_Base):
    def _combine(self, avg, w):
        if not self.decay:
            return avg + (w - avg) / self.num_averaged
        return self.decay * avg + (1 - self.decay) * w


MISTAKES = {
    "decay_reversed": (
        DecayReversed,
        "decay weights the new snapshot; it weights the running average: avg = decay * avg + (1 - decay) * w.",
    ),
    "initial_snapshot_not_counted": (
        InitialSnapshotNotCounted,
        "The initial weights are not counted as a snapshot, so the first update replaces them entirely.",
    ),
    "pairwise_halving": (
        PairwiseHalving,
        "avg = (avg + w) / 2 weights recent snapshots far more; the equal average divides by the count.",
    ),
    "keeps_references": (
        KeepsReferences,
        "The average starts as references to the caller's arrays (list(params)), so when the caller changes them "
        "the average changes too: copy them.",
    ),
    "decay_zero_taken_as_none": (
        DecayZeroTakenAsNone,
        "decay = 0.0 is treated like None (if not decay): test `decay is None`; 0.0 is an EMA that follows "
        "the latest snapshot.",
    ),
}
