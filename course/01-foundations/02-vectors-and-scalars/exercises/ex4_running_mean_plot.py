"""Exercise 4: Plot a vector as a line graph using Matplotlib.

Compute the running mean of a vector of returns, then draw both as line graphs.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401  (you will need it)
import torch


def running_mean(x: torch.Tensor) -> torch.Tensor:
    """m[k] = (x[0] + ... + x[k]) / (k + 1) for every k: the mean of the first k + 1 entries.

    Shape (n,) in, shape (n,) out, float. Use torch.cumsum and torch.arange, no loop.
    """
    raise NotImplementedError("cumulative sums divided by the counts")


def plot_returns(returns: torch.Tensor, path: Path) -> None:
    """Save at ``path`` a line graph of ``returns`` and of its running mean.

    Entry i is drawn at x = i (episodes count from 0). Label the two lines "return" and
    "running mean", show a legend, name both axes, and give the figure a title.
    """
    raise NotImplementedError("two ax.plot calls, labels, legend, title, savefig")
