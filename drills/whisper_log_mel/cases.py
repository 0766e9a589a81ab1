"""Cases for whisper_log_mel: silence and the shortest inputs first, then tones, noise, one second of audio."""

import numpy as np

RATE = 16000


def _filters(rng, n_mels):
    """Triangular bands over the 201 bins (a mel-like bank; exact mel spacing does not matter here)."""
    centres = np.sort(rng.choice(np.arange(2, 199), size=n_mels, replace=False))
    bins = np.arange(201)
    width = np.maximum(3, centres // 4)
    return np.maximum(0.0, 1.0 - np.abs(bins[None, :] - centres[:, None]) / width[:, None])


def _case(name, seed, audio, n_mels):
    rng = np.random.default_rng(seed)
    return {"name": name, "args": [np.asarray(audio, dtype=np.float64), _filters(rng, n_mels)], "kwargs": {}}


def cases() -> list[dict]:
    rng = np.random.default_rng(0)
    t = np.arange(RATE) / RATE
    tone = 0.5 * np.sin(2 * np.pi * 440 * t)
    chirp = 0.3 * np.sin(2 * np.pi * (200 + 1800 * t) * t)
    return [
        _case("silence, 400 samples", 1, np.zeros(400), 4),
        _case("shortest input: 201 samples of noise", 2, rng.standard_normal(201) * 0.1, 4),
        _case("silence then a click (floor of the log)", 7, np.concatenate([np.zeros(600), [0.5], np.zeros(199)]), 6),
        _case("a 440 Hz tone, 0.1 s", 3, tone[:1600], 8),
        _case("tone plus quiet noise (dynamic range clamp)", 4, tone[:3200] + rng.standard_normal(3200) * 1e-6, 16),
        _case("length not a multiple of the hop", 5, rng.standard_normal(2345) * 0.2, 8),
        _case("one second of a chirp, 80 bands", 6, chirp, 80),
    ]
