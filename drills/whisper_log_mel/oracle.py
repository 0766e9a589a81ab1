"""Oracle for whisper_log_mel: the same steps as whisper.audio.log_mel_spectrogram, on torch.stft."""

import numpy as np
import torch


def oracle(audio, mel_filters) -> np.ndarray:
    """Return Whisper's log-mel spectrogram computed with torch.stft and torch.hann_window."""
    x = torch.from_numpy(audio)
    window = torch.hann_window(400, dtype=torch.float64)
    stft = torch.stft(x, 400, 160, window=window, return_complex=True)
    magnitudes = stft[..., :-1].abs() ** 2
    mel_spec = torch.from_numpy(mel_filters) @ magnitudes
    log_spec = torch.clamp(mel_spec, min=1e-10).log10()
    log_spec = torch.maximum(log_spec, log_spec.max() - 8.0)
    return ((log_spec + 4.0) / 4.0).numpy()
