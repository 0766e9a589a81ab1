"""Reference for the whisper_log_mel drill: centred frames, periodic Hann window, rfft power, mel, log range."""

import math

import torch
import torch.nn.functional as F

N_FFT = 400
HOP = 160


def whisper_log_mel(audio: torch.Tensor, mel_filters: torch.Tensor) -> torch.Tensor:
    """Return the (n_mels, L // 160) log-mel spectrogram of 16 kHz audio (n_fft 400, hop 160)."""
    padded = F.pad(audio[None, None], (N_FFT // 2, N_FFT // 2), mode="reflect")[0, 0]
    frames = padded.unfold(0, N_FFT, HOP)  # (1 + L // HOP, N_FFT)
    n = torch.arange(N_FFT, dtype=audio.dtype)
    window = 0.5 - 0.5 * torch.cos(2 * math.pi * n / N_FFT)
    power = torch.fft.rfft(frames * window, dim=-1).abs() ** 2  # (frames, 201)
    mel = mel_filters @ power[:-1].T
    log_spec = torch.log10(torch.clamp(mel, min=1e-10))
    log_spec = torch.maximum(log_spec, log_spec.max() - 8.0)
    return (log_spec + 4.0) / 4.0
