"""Exercise 1: Install PyTorch and verify the installation.

Fill in ``installation_report``. It describes the PyTorch you installed and proves
that it computes, by summing squares with tensors (you will need ``import torch``).
"""

from __future__ import annotations

from typing import TypedDict


class InstallReport(TypedDict):
    torch_version: str  # torch.__version__, as a plain str
    cuda_available: bool  # what torch.cuda.is_available() says
    mps_available: bool  # what torch.backends.mps.is_available() says
    sum_of_squares: int  # 1² + 2² + ... + n², computed with torch, as an exact Python int


def installation_report(n: int) -> InstallReport:
    """Report the installation and the sum of squares 1² + ... + n² (for n >= 1).

    Compute the sum with one tensor holding 1, 2, ..., n (``torch.arange``), squared
    and summed by torch; turn the one-element result into a Python int with ``.item()``.
    The answer must be exact for n = 1000: think about which dtype the tensor needs.
    """
    raise NotImplementedError("build the report")
