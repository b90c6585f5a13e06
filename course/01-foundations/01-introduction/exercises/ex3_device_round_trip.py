"""Exercise 3: Move a tensor between CPU and (if available) GPU/MPS, and print device info.

Fill in both functions. The first is the preference order of Demo 3 written as plain
logic, so you can test it on any machine; the second does the move.
"""

from __future__ import annotations

import torch


def pick_device_name(cuda_available: bool, mps_available: bool) -> str:
    """The name of the device to use, "cuda", "mps" or "cpu": CUDA first, then MPS, then CPU."""
    raise NotImplementedError("choose the device name")


def to_device_and_back(t: torch.Tensor, device: torch.device) -> tuple[torch.Tensor, str]:
    """Move ``t`` to ``device``, then back to the CPU.

    Return the tensor that came back (on the CPU, same values, shape and dtype as ``t``)
    and ``str()`` of the device that the moved tensor reported while it was away, e.g.
    "cpu", or "cuda:0" when ``device`` is torch.device("cuda"). Read it from the moved
    tensor, not from the argument: the two can differ.
    """
    raise NotImplementedError("move the tensor")
