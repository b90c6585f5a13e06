"""Exercise 4: Plot a vector as a line graph using Matplotlib.

Compute the running mean of a vector of returns, then draw both as line graphs.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def running_mean(x: torch.Tensor) -> torch.Tensor:
    """m[k] = (x[0] + ... + x[k]) / (k + 1) for every k: the mean of the first k + 1 entries.

    Shape (n,) in, shape (n,) out, float. Use torch.cumsum and torch.arange, no loop.
    """
    counts = torch.arange(1, x.shape[0] + 1)  # k + 1 for k = 0, ..., n-1
    return torch.cumsum(x, dim=0) / counts


def plot_returns(returns: torch.Tensor, path: Path) -> None:
    """Save at ``path`` a line graph of ``returns`` and of its running mean.

    Entry i is drawn at x = i (episodes count from 0). Label the two lines "return" and
    "running mean", show a legend, name both axes, and give the figure a title.
    """
    episodes = torch.arange(returns.shape[0])
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(episodes, returns, marker="o", label="return")
    ax.plot(episodes, running_mean(returns), label="running mean")
    ax.set_xlabel("episode")
    ax.set_ylabel("return")
    ax.set_title("Returns and their running mean")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
