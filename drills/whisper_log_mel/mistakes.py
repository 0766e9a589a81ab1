"""Known wrong versions of whisper_log_mel, used to name what a failing submission got wrong."""

import math

import torch
import torch.nn.functional as F


def _power(audio, periodic=True, center=True, square=True):
    x = F.pad(audio[None, None], (200, 200), mode="reflect")[0, 0] if center else audio
    frames = x.unfold(0, 400, 160)
    n = torch.arange(400, dtype=audio.dtype)
    window = 0.5 - 0.5 * torch.cos(2 * math.pi * n / (400 if periodic else 399))
    spectrum = torch.fft.rfft(frames * window, dim=-1).abs()
    return spectrum**2 if square else spectrum


def _finish(mel, clamp_range=True, log=torch.log10):
    log_spec = log(torch.clamp(mel, min=1e-10))
    if clamp_range:
        log_spec = torch.maximum(log_spec, log_spec.max() - 8.0)
    return (log_spec + 4.0) / 4.0


def no_dynamic_range_clamp(audio, mel_filters):
    return _finish(mel_filters @ _power(audio)[:-1].T, clamp_range=False)


def magnitude_not_power(audio, mel_filters):
    return _finish(mel_filters @ _power(audio, square=False)[:-1].T)


def symmetric_window(audio, mel_filters):
    return _finish(mel_filters @ _power(audio, periodic=False)[:-1].T)


def natural_log(audio, mel_filters):
    return _finish(mel_filters @ _power(audio)[:-1].T, log=torch.log)


def last_frame_kept(audio, mel_filters):
    return _finish(mel_filters @ _power(audio).T)


MISTAKES = {
    "no_dynamic_range_clamp": (
        no_dynamic_range_clamp,
        "Values more than 8 (80 dB) below the maximum are not raised to max - 8.",
    ),
    "magnitude_not_power": (magnitude_not_power, "Uses |X|; Whisper's spectrogram is the power |X|^2."),
    "symmetric_window": (
        symmetric_window,
        "Uses the symmetric Hann window (cos over N - 1); torch.hann_window is periodic (cos over N).",
    ),
    "natural_log": (natural_log, "Takes the natural log; Whisper uses log10."),
    "last_frame_kept": (last_frame_kept, "Keeps the last STFT frame; Whisper drops it, giving L // 160 frames."),
}
