"""Choosing where tensors live: CUDA, then Apple's MPS, then the CPU (Part 1.1 introduces it)."""

from __future__ import annotations

import torch


def choose_device(prefer: str | None = None) -> torch.device:
    """Return the best available device, or ``prefer`` if it is given and available.

    The order is CUDA, then MPS (Apple silicon), then CPU: the first one that this
    PyTorch build can actually use.
    """
    if prefer is not None:
        if prefer == "cuda" and not torch.cuda.is_available():
            raise ValueError("CUDA was requested but torch.cuda.is_available() is False")
        if prefer == "mps" and not torch.backends.mps.is_available():
            raise ValueError("MPS was requested but torch.backends.mps.is_available() is False")
        return torch.device(prefer)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def describe_device(device: torch.device) -> str:
    """A one-line, human-readable description of ``device`` (GPU name when there is one)."""
    if device.type == "cuda":
        return f"cuda ({torch.cuda.get_device_name(device)})"
    if device.type == "mps":
        return "mps (Apple GPU through Metal Performance Shaders)"
    return "cpu"
