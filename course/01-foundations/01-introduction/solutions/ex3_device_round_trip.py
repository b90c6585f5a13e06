"""Exercise 3: Move a tensor between CPU and (if available) GPU/MPS, and print device info.

Fill in both functions. The first is the preference order of Demo 3 written as plain
logic, so you can test it on any machine; the second does the move.
"""

from __future__ import annotations

import torch


def pick_device_name(cuda_available: bool, mps_available: bool) -> str:
    """The name of the device to use, "cuda", "mps" or "cpu": CUDA first, then MPS, then CPU."""
    if cuda_available:
        return "cuda"
    if mps_available:
        return "mps"
    return "cpu"


def to_device_and_back(t: torch.Tensor, device: torch.device) -> tuple[torch.Tensor, str]:
    """Move ``t`` to ``device``, then back to the CPU.

    Return the tensor that came back (on the CPU, same values, shape and dtype as ``t``)
    and ``str()`` of the device that the moved tensor reported while it was away, e.g.
    "cpu", or "cuda:0" when ``device`` is torch.device("cuda"). Read it from the moved
    tensor, not from the argument: the two can differ.
    """
    moved = t.to(device)
    # torch.device("cuda") names no GPU; the tensor lands on the current one, "cuda:0".
    used = str(moved.device)
    back = moved.cpu()
    print(f"moved to {used}, back on {back.device}")
    return back, used
